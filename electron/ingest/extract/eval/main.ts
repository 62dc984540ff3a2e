// `npm run eval:extract [-- --split dev|heldout] [--errors]`: precision, recall and F1 per field and per
// language for the extractor before issue 11 and the current one, side by side, on the held-out texts
// by default; then, per text, the commitments found against those annotated. `--errors` lists what the
// current extractor got wrong, on the development texts only (the held-out set is for scoring, not tuning).
import { buildGazetteer } from '../gazetteer.ts';
import { extract, readAll } from '../extract.ts';
import { extractCandidates as legacyExtract } from '../legacy/extract.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { calibrationTable } from './calibration.ts';
import { loadCorpus, type CorpusText, type Split } from './corpus.ts';
import { emptyTally, scoresOf, scoreText, type Found, type Scores, type Tally } from './score.ts';

const empty: Vocabulary = { parties: [], topics: [] };
const gazetteer = buildGazetteer(empty);
const partyKey = (name: string) => gazetteer.resolve(name) ?? name.toLowerCase();

type System = 'before' | 'now';

function run(system: System, item: CorpusText): Found[] {
  const { text, annotation } = item;
  if (system === 'before') {
    return legacyExtract(text, {
      vocabulary: empty,
      reference: new Date(`${annotation.published ?? annotation.date}T12:00:00Z`),
      language: annotation.language,
    });
  }
  return extract(text, {
    vocabulary: empty,
    published: annotation.published,
    given: annotation.date,
    language: annotation.language,
  }).candidates;
}

const args = process.argv.slice(2);
const split: Split =
  args.includes('--split') && args[args.indexOf('--split') + 1] === 'dev' ? 'dev' : 'heldout';
const showErrors = args.includes('--errors');
if (showErrors && split !== 'dev') {
  console.error('--errors lists mistakes on the development texts only: add --split dev.');
  process.exit(2);
}

const corpus = loadCorpus(split);
const ranked = new Map<string, { whole: number; texts: number }>();
const calibration: { p: number; label: 0 | 1 }[] = [];

/** Whether every sentence that is a commitment has a higher confidence than every one that is not. */
function ranksCommitmentsFirst(item: CorpusText): boolean {
  const { readings } = readAll(item.text, {
    vocabulary: empty,
    published: item.annotation.published,
    given: item.annotation.date,
    language: item.annotation.language,
  });
  const isCommitment = (r: { start: number; end: number }) =>
    item.annotation.commitments.some((a) => Math.min(a.end, r.end) > Math.max(a.start, r.start));
  const scores = readings.map((r) => ({
    confidence: r.candidate.confidence,
    commitment: isCommitment(r.candidate),
  }));
  for (const { confidence, commitment } of scores)
    calibration.push({ p: confidence, label: commitment ? 1 : 0 });
  // A commitment never read at all ranks below everything.
  const unread = item.annotation.commitments.some(
    (a) => !readings.some((r) => Math.min(a.end, r.candidate.end) > Math.max(a.start, r.candidate.start)),
  );
  if (unread) return false;
  const lowest = Math.min(...scores.filter((x) => x.commitment).map((x) => x.confidence));
  const highest = Math.max(...scores.filter((x) => !x.commitment).map((x) => x.confidence));
  return lowest > highest;
}

const tallies = new Map<string, Tally>();
const perText: string[] = [];
for (const item of corpus) {
  const counts: string[] = [];
  for (const system of ['before', 'now'] as const) {
    const found = run(system, item);
    const key = `${system}:${item.annotation.language}`;
    const tally = tallies.get(key) ?? emptyTally();
    tallies.set(key, tally);
    const { matched } = scoreText(item.annotation.commitments, found, partyKey, tally);
    counts.push(`${String(found.length).padStart(3)} found, ${String(matched).padStart(2)} right`);
    if (showErrors && system === 'now') listErrors(item, found);
  }
  const rank = ranked.get(item.annotation.language) ?? { whole: 0, texts: 0 };
  rank.texts += 1;
  if (ranksCommitmentsFirst(item)) rank.whole += 1;
  ranked.set(item.annotation.language, rank);
  perText.push(
    `${item.name.padEnd(34)} ${String(item.annotation.commitments.length).padStart(3)}   ${counts.join('   ')}`,
  );
}

function listErrors(item: CorpusText, found: Found[]): void {
  const text = item.text;
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    Math.min(a.end, b.end) > Math.max(a.start, b.start);
  for (const f of found) {
    if (!item.annotation.commitments.some((a) => overlaps(a, f)))
      console.log(`[${item.name}] FALSE  ${text.slice(f.start, f.end)}`);
  }
  for (const a of item.annotation.commitments) {
    const f = found.find((x) => overlaps(a, x));
    if (!f) {
      console.log(`[${item.name}] MISSED ${a.text}`);
      continue;
    }
    const want = a.parties.map(partyKey).sort().join(';');
    const got = f.parties.map(partyKey).sort().join(';');
    if (want !== got) console.log(`[${item.name}] PARTY  ${got || '-'} ≠ ${want}  ${a.text.slice(0, 70)}`);
    if (a.kind !== f.kind) console.log(`[${item.name}] KIND   ${f.kind} ≠ ${a.kind}  ${a.text.slice(0, 70)}`);
    if ((a.deadline ?? '') !== (f.deadline ?? ''))
      console.log(
        `[${item.name}] DUE    ${f.deadline ?? '-'} ≠ ${a.deadline ?? '-'}  ${a.text.slice(0, 70)}`,
      );
  }
}

const fmt = (value: number) => (Number.isNaN(value) ? '   — ' : value.toFixed(2).padStart(5));
const rows: [string, keyof Scores, string][] = [
  ['commitment sentences: precision', 'sentencePrecision', '≥ 0.85'],
  ['commitment sentences: recall', 'sentenceRecall', '≥ 0.85'],
  ['commitment sentences: F1', 'sentenceF1', ''],
  ['parties: precision', 'partiesPrecision', ''],
  ['parties: recall', 'partiesRecall', ''],
  ['parties: F1', 'partiesF1', '≥ 0.90'],
  ['deadlines: exact where stated', 'deadlineExact', '≥ 0.85'],
  ['deadlines: right where given', 'deadlinePrecision', ''],
  ['kind: macro F1', 'kindMacroF1', '≥ 0.70'],
];
const scores = (key: string) => scoresOf(tallies.get(key) ?? emptyTally());
const columns = ['before:en', 'now:en', 'before:es', 'now:es'].map(scores);
const texts = (language: string) => corpus.filter((c) => c.annotation.language === language).length;
const commitments = (language: string) =>
  corpus
    .filter((c) => c.annotation.language === language)
    .reduce((n, c) => n + c.annotation.commitments.length, 0);

console.log(
  `Extraction on the ${split === 'dev' ? 'development' : 'held-out'} set: ${texts('en')} English texts (${commitments('en')} commitments), ${texts('es')} Spanish (${commitments('es')}); empty database.\n`,
);
console.log(`| field                             | EN before | EN now | ES before | ES now | target |`);
console.log(`| --------------------------------- | --------- | ------ | --------- | ------ | ------ |`);
for (const [label, field, target] of rows) {
  const [a, b, c, d] = columns.map((s) => fmt(s[field]));
  console.log(`| ${label.padEnd(33)} |     ${a} |  ${b} |     ${c} |  ${d} | ${target.padEnd(6)} |`);
}
for (const [language, rank] of ranked)
  console.log(
    `\n${language.toUpperCase()}: in ${rank.whole} of ${rank.texts} texts every commitment ranks above every other sentence.`,
  );
console.log(`\nCalibration of the confidence, every sentence read:\n${calibrationTable(calibration)}`);
console.log(`\nPer text: annotated commitments; before: found, right; now: found, right.`);
for (const line of perText) console.log(line);
