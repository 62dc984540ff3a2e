// Whole days between calendar dates, as the deadline countdown uses them.
import { describe, expect, it } from 'vitest';
import { daysBetween } from './day-count.ts';

describe('daysBetween', () => {
  it('counts forwards and backwards in whole days', () => {
    expect(daysBetween('2025-07-31', '2025-10-29')).toBe(90);
    expect(daysBetween('2026-11-23', '2025-10-29')).toBe(-390);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('is null when a date is missing or unreadable', () => {
    expect(daysBetween(null, '2025-10-29')).toBeNull();
    expect(daysBetween('2025-10-29', null)).toBeNull();
    expect(daysBetween('someday', '2025-10-29')).toBeNull();
  });
});
