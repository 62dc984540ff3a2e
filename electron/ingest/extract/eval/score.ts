// Scores an extractor's output against the annotations: commitment sentences (precision, recall, F1),
// and on the commitments it found, parties (micro F1), deadlines (exact where one is stated) and kind
// (macro F1 over the kinds).
import type { CommitmentKind } from '../../../domain/model.ts';
import type { AnnotatedCommitment } from './corpus.ts';

export interface Found {
  start: number;
  end: number;
  parties: string[];
  kind: CommitmentKind;
  deadline: string | null;
}

export interface Tally {
  found: number;
  foundRight: number;
  annotated: number;
  recalled: number;
  partiesPredicted: number;
  partiesAnnotated: number;
  partiesRight: number;
  deadlinesStated: number;
  deadlinesExact: number;
  deadlinesGiven: number;
  deadlinesGivenRight: number;
  kinds: { annotated: CommitmentKind; found: CommitmentKind }[];
}

export const emptyTally = (): Tally => ({
  found: 0,
  foundRight: 0,
  annotated: 0,
  recalled: 0,
  partiesPredicted: 0,
  partiesAnnotated: 0,
  partiesRight: 0,
  deadlinesStated: 0,
  deadlinesExact: 0,
  deadlinesGiven: 0,
  deadlinesGivenRight: 0,
  kinds: [],
});

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export function scoreText(
  annotated: AnnotatedCommitment[],
  found: Found[],
  partyKey: (name: string) => string,
  into: Tally,
): { matched: number } {
  into.found += found.length;
  into.foundRight += found.filter((f) => annotated.some((a) => overlap(a, f) > 0)).length;
  into.annotated += annotated.length;
  let matched = 0;
  for (const commitment of annotated) {
    const best = found
      .map((f) => ({ f, size: overlap(commitment, f) }))
      .filter((x) => x.size > 0)
      .sort((a, b) => b.size - a.size)[0]?.f;
    if (!best) continue;
    matched += 1;
    into.recalled += 1;
    const want = new Set(commitment.parties.map(partyKey));
    const got = new Set(best.parties.map(partyKey));
    into.partiesAnnotated += want.size;
    into.partiesPredicted += got.size;
    into.partiesRight += [...got].filter((party) => want.has(party)).length;
    if (commitment.deadline) {
      into.deadlinesStated += 1;
      if (best.deadline === commitment.deadline) into.deadlinesExact += 1;
    }
    if (best.deadline) {
      into.deadlinesGiven += 1;
      if (best.deadline === commitment.deadline) into.deadlinesGivenRight += 1;
    }
    into.kinds.push({ annotated: commitment.kind, found: best.kind });
  }
  return { matched };
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
const f1 = (p: number, r: number) =>
  p + r === 0 || Number.isNaN(p) || Number.isNaN(r) ? 0 : (2 * p * r) / (p + r);

export interface Scores {
  sentencePrecision: number;
  sentenceRecall: number;
  sentenceF1: number;
  partiesPrecision: number;
  partiesRecall: number;
  partiesF1: number;
  deadlineExact: number;
  deadlinePrecision: number;
  kindMacroF1: number;
}

export function scoresOf(tally: Tally): Scores {
  const sp = ratio(tally.foundRight, tally.found);
  const sr = ratio(tally.recalled, tally.annotated);
  const pp = ratio(tally.partiesRight, tally.partiesPredicted);
  const pr = ratio(tally.partiesRight, tally.partiesAnnotated);
  const kinds = [...new Set(tally.kinds.map((k) => k.annotated))];
  const perKind = kinds.map((kind) => {
    const tp = tally.kinds.filter((k) => k.annotated === kind && k.found === kind).length;
    const predicted = tally.kinds.filter((k) => k.found === kind).length;
    const actual = tally.kinds.filter((k) => k.annotated === kind).length;
    return f1(ratio(tp, predicted) || 0, ratio(tp, actual) || 0);
  });
  return {
    sentencePrecision: sp,
    sentenceRecall: sr,
    sentenceF1: f1(sp, sr),
    partiesPrecision: pp,
    partiesRecall: pr,
    partiesF1: f1(pp || 0, pr || 0),
    deadlineExact: ratio(tally.deadlinesExact, tally.deadlinesStated),
    deadlinePrecision: ratio(tally.deadlinesGivenRight, tally.deadlinesGiven),
    kindMacroF1: perKind.length ? perKind.reduce((a, b) => a + b, 0) / perKind.length : NaN,
  };
}
