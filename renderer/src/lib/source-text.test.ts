import { describe, expect, it } from 'vitest';
import type { ReaderCandidate } from '../../../electron/domain/model.ts';
import { deadlineFrom, titleFrom } from './candidate-draft.ts';
import { pieces, snippetParts } from './source-text.ts';

const candidate = (start: number, end: number): ReaderCandidate => ({
  sentence: '',
  start,
  end,
  kind: 'pledge',
  topics: [],
  parties: [],
  newNames: [],
  deadline: null,
  confidence: 0.9,
  subject: '',
  verb: '',
  deadlinePhrase: null,
  deadlineFrom: null,
  reference: { day: '2026-01-01', basis: 'published' },
  newParties: [],
  state: 'open',
});

describe('reader pieces', () => {
  it('covers the whole text once, in order, with candidates and boilerplate marked', () => {
    const text = 'By Ana\nMexico will act. It rained.';
    const result = pieces(text, [{ start: 0, end: 6 }], [candidate(7, 23)]);
    expect(result.map((piece) => [piece.kind, piece.text])).toEqual([
      ['boilerplate', 'By Ana'],
      ['text', '\n'],
      ['candidate', 'Mexico will act.'],
      ['text', ' It rained.'],
    ]);
    expect(result.map((piece) => piece.text).join('')).toBe(text);
  });

  it('draws marks from a search snippet without HTML', () => {
    expect(snippetParts('the «backlog» of «asylum» cases')).toEqual([
      { text: 'the ', marked: false },
      { text: 'backlog', marked: true },
      { text: ' of ', marked: false },
      { text: 'asylum', marked: true },
      { text: ' cases', marked: false },
    ]);
  });
});

describe('candidate drafts', () => {
  it('turns deadlines into dates or durations from the publication date', () => {
    expect(deadlineFrom('2026-07-01', null)).toEqual({ on: '2026-07-01' });
    expect(deadlineFrom('P90D', '2025-07-31')).toEqual({ amount: 90, unit: 'days', from: '2025-07-31' });
    expect(deadlineFrom('P6M', null)).toBeNull();
    expect(titleFrom('Mexico will act. ')).toBe('Mexico will act');
  });
});
