// `npm run train:extract`: fits the confidence model on the development texts only and writes
// confidence-weights.json; prints how well calibrated it is there (predicted against observed, by band).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { confidenceOf, train } from '../confidence.ts';
import { readAll } from '../extract.ts';
import type { FeatureName } from '../features.ts';
import { loadCorpus } from './corpus.ts';

const rows: { features: Record<FeatureName, number>; label: 0 | 1 }[] = [];
for (const { text, annotation } of loadCorpus('dev')) {
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
    rows.push({ features, label: label ? 1 : 0 });
  }
}
const model = train(rows);
writeFileSync(
  join(import.meta.dirname, '..', 'confidence-weights.json'),
  `${JSON.stringify(model, null, 2)}\n`,
);
console.log(
  `Trained on ${rows.length} sentences of the development texts (${rows.filter((r) => r.label).length} commitments).`,
);
console.log('band        sentences  predicted  observed');
for (let band = 0; band < 10; band += 2) {
  const inBand = rows.filter((row) => {
    const p = confidenceOf(row.features, model);
    return p >= band / 10 && (p < (band + 2) / 10 || band === 8);
  });
  if (inBand.length === 0) continue;
  const predicted = inBand.reduce((sum, row) => sum + confidenceOf(row.features, model), 0) / inBand.length;
  const observed = inBand.filter((row) => row.label).length / inBand.length;
  console.log(
    `${(band / 10).toFixed(1)}–${((band + 2) / 10).toFixed(1)}     ${String(inBand.length).padStart(5)}      ${predicted.toFixed(2)}      ${observed.toFixed(2)}`,
  );
}
