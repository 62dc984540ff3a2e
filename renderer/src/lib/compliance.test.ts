// Scores and usage in words: what the analyst reads beside standings, roll-ups and refused deletions.
import { describe, expect, it } from 'vitest';
import { describeMeanScore, describeScore, describeUsage, formatMeanScore } from './compliance.ts';

describe('describeScore', () => {
  it('says each score in words with its number', () => {
    expect(describeScore(1)).toBe('complies (+1)');
    expect(describeScore(0)).toBe('partial (0)');
    expect(describeScore(-1)).toBe('not complying (−1)');
    expect(describeScore(null)).toBe('not scored');
  });
});

describe('mean scores', () => {
  it('writes the sign with a real minus and never a negative zero', () => {
    expect(formatMeanScore(0.5)).toBe('+0.50');
    expect(formatMeanScore(-1)).toBe('−1.00');
    expect(formatMeanScore(-0.001)).toBe('0.00');
  });

  it('places a mean on the scale in words', () => {
    expect(describeMeanScore(1)).toBe('mostly complying');
    expect(describeMeanScore(0)).toBe('mixed');
    expect(describeMeanScore(-0.75)).toBe('mostly not complying');
  });
});

describe('describeUsage', () => {
  it('is null when nothing uses the item, so deletion can be offered', () => {
    expect(
      describeUsage('party', { commitments: 0, statusUpdates: 0, children: 0, examples: [] }),
    ).toBeNull();
  });

  it('names what uses it, with examples', () => {
    expect(
      describeUsage('status', {
        commitments: 4,
        statusUpdates: 1,
        children: 0,
        examples: ['Review the USMCA', 'Halt fentanyl'],
      }),
    ).toBe('Used by 4 commitments and 1 status update, e.g. “Review the USMCA”, “Halt fentanyl”.');
  });

  it('uses the word that fits the kind for its children', () => {
    expect(describeUsage('topic', { commitments: 0, statusUpdates: 0, children: 2, examples: [] })).toBe(
      'Used by 2 sub-topics.',
    );
    expect(describeUsage('party', { commitments: 1, statusUpdates: 0, children: 1, examples: [] })).toBe(
      'Used by 1 commitment and 1 person acting for it.',
    );
  });
});
