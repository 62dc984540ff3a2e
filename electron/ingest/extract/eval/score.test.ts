import { describe, expect, it } from 'vitest';
import { emptyTally, scoresOf, scoreText } from './score.ts';

const annotated = [
  { text: 'a', start: 0, end: 10, parties: ['Chile', 'Peru'], kind: 'agreement' as const, deadline: 'P6M' },
  { text: 'b', start: 20, end: 30, parties: ['Peru'], kind: 'pledge' as const, deadline: '2026-12-31' },
  { text: 'c', start: 40, end: 50, parties: ['Chile'], kind: 'review' as const, deadline: null },
];

describe('the scorer', () => {
  it('counts sentences by overlap and scores fields on the commitments found', () => {
    const tally = emptyTally();
    const { matched } = scoreText(
      annotated,
      [
        { start: 0, end: 10, parties: ['chile', 'Peru'], kind: 'agreement', deadline: 'P6M' },
        { start: 22, end: 28, parties: ['Peru', 'Bolivia'], kind: 'measure', deadline: '2026-11-30' },
        { start: 60, end: 70, parties: [], kind: 'pledge', deadline: null },
      ],
      (name) => name.toLowerCase(),
      tally,
    );
    expect(matched).toBe(2);
    const scores = scoresOf(tally);
    expect(scores.sentencePrecision).toBeCloseTo(2 / 3);
    expect(scores.sentenceRecall).toBeCloseTo(2 / 3);
    expect(scores.partiesPrecision).toBeCloseTo(3 / 4);
    expect(scores.partiesRecall).toBeCloseTo(3 / 3);
    expect(scores.deadlineExact).toBeCloseTo(1 / 2);
    // agreement right (F1 1), pledge missed (0), measure predicted but never annotated is not averaged in.
    expect(scores.kindMacroF1).toBeCloseTo(0.5);
  });
});
