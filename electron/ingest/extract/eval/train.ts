// `npm run train:extract`: fits the confidence model on the development texts only and writes
// confidence-weights.json. The L2 penalty is chosen by 5-fold cross-validation over the development
// texts (whole texts per fold), and the calibration printed is the cross-validated one: each sentence
// scored by a model that never saw its text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { confidenceOf, train } from '../confidence.ts';
import { readAll } from '../extract.ts';
import type { FeatureName } from '../features.ts';
import { loadCorpus } from './corpus.ts';
import { calibrationTable } from './calibration.ts';

type Row = { features: Record<FeatureName, number>; label: 0 | 1; text: number };

const rows: Row[] = [];
loadCorpus('dev').forEach(({ text, annotation }, index) => {
  const { readings } = readAll(text, {
    vocabulary: { parties: [], topics: [] },
    published: annotation.published,
    given: annotation.date,
    language: annotation.language,
  });
  for (const { candidate, features } of readings) {
    const label = annotation.commitments.some(
      (a) => Math.min(a.end, candidate.end) > Math.max(a.start, candidate.start),
    );
    rows.push({ features, label: label ? 1 : 0, text: index });
  }
});

const folds = 5;
function crossValidated(l2: number): { p: number; label: 0 | 1 }[] {
  const scored: { p: number; label: 0 | 1 }[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const model = train(
      rows.filter((row) => row.text % folds !== fold),
      { l2 },
    );
    for (const row of rows.filter((r) => r.text % folds === fold))
      scored.push({ p: confidenceOf(row.features, model), label: row.label });
  }
  return scored;
}
const logLoss = (scored: { p: number; label: 0 | 1 }[]) =>
  -scored.reduce(
    (sum, { p, label }) => sum + Math.log(Math.min(1 - 1e-9, Math.max(1e-9, label ? p : 1 - p))),
    0,
  ) / scored.length;

const penalties = [0.001, 0.003, 0.01, 0.03, 0.1];
const losses = penalties
  .map((l2) => ({ l2, scored: crossValidated(l2) }))
  .map((x) => ({ ...x, loss: logLoss(x.scored) }));
const best = losses.sort((a, b) => a.loss - b.loss)[0]!;
const model = train(rows, { l2: best.l2 });
writeFileSync(
  join(import.meta.dirname, '..', 'confidence-weights.json'),
  `${JSON.stringify(model, null, 2)}\n`,
);
console.log(
  `Trained on ${rows.length} sentences of the development texts (${rows.filter((r) => r.label).length} commitments); L2 ${best.l2} (cross-validated log loss ${best.loss.toFixed(3)}).`,
);
console.log('Calibration, 5-fold cross-validated by text:');
console.log(calibrationTable(best.scored));
