import { describe, expect, it } from 'vitest';
import { newUid } from './uids.ts';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newUid', () => {
  it('is a UUIDv7 whose first 48 bits are the time, so later ids sort after', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    const uid = newUid(now);
    expect(uid).toMatch(uuidV7);
    expect(parseInt(uid.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
    expect(newUid(now + 1) > uid).toBe(true);
  });

  it('never repeats, and its random digits are random', () => {
    const uids = Array.from({ length: 20_000 }, () => newUid(0));
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids.every((uid) => uuidV7.test(uid))).toBe(true);
    // Every hex digit turns up in the last group, about as often as any other.
    const digits = new Map<string, number>();
    for (const uid of uids)
      for (const digit of uid.slice(24)) digits.set(digit, (digits.get(digit) ?? 0) + 1);
    expect(digits.size).toBe(16);
    expect(Math.min(...digits.values()) / Math.max(...digits.values())).toBeGreaterThan(0.9);
  });
});
