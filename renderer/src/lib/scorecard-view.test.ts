import { describe, expect, it } from 'vitest';
import {
  cellTone,
  changeText,
  meanText,
  percentText,
  readScorecardQuery,
  scorecardHash,
} from './scorecard-view.ts';

describe('the scorecard view’s words', () => {
  it('writes means with their sign and percentages rounded, and a dash where nothing is scored', () => {
    expect([meanText(0.5), meanText(-1), meanText(0), meanText(null)]).toEqual([
      '+0.50',
      '−1.00',
      '0.00',
      '—',
    ]);
    expect([percentText(75), percentText(33.333), percentText(null)]).toEqual(['75%', '33.3%', '—']);
    expect([changeText(0.25), changeText(-0.5), changeText(0.001), changeText(null)]).toEqual([
      '+0.25',
      '−0.50',
      'no change',
      'no comparison',
    ]);
  });

  it('gives unscored and not-yet-assessed cells a tone of their own, never that of a 0', () => {
    expect(cellTone({ kind: 'scored', score: 1 })).toBe('full');
    expect(cellTone({ kind: 'scored', score: 0 })).toBe('partial');
    expect(cellTone({ kind: 'scored', score: -1 })).toBe('none');
    expect(cellTone({ kind: 'unscored', score: null })).toBe('unscored');
    expect(cellTone({ kind: 'not_assessed', score: null })).toBe('not-assessed');
  });

  it('keeps the filters and the day compared with in the address, and drops a malformed day', () => {
    const query = readScorecardQuery(new URLSearchParams('topic=3&party=2&compare=2026-01-01&sort=title'));
    expect(query.compare).toBe('2026-01-01');
    expect(scorecardHash(query)).toBe('#/scorecard?topic=3&party=2&compare=2026-01-01');
    expect(readScorecardQuery(new URLSearchParams('compare=yesterday')).compare).toBeUndefined();
  });
});
