// A candidate's deadline as the inbox says it: a date the way the language writes it, a duration in words.
import { describe, expect, it } from 'vitest';
import { deadlineWords } from './candidate-why.ts';

describe('deadlineWords', () => {
  it('writes a date the way dates are read elsewhere in the app', () => {
    expect(deadlineWords('2026-11-30')).toBe('30 Nov 2026');
  });

  it('writes a duration in words, one or many', () => {
    expect(deadlineWords('P90D')).toBe('90 days');
    expect(deadlineWords('P1W')).toBe('1 week');
    expect(deadlineWords('P6M')).toBe('6 months');
    expect(deadlineWords('P1Y')).toBe('1 year');
  });

  it('leaves anything else as found', () => {
    expect(deadlineWords('end of 2027')).toBe('end of 2027');
  });
});
