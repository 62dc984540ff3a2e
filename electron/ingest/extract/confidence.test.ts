import { describe, expect, it } from 'vitest';
import weights from './confidence-weights.json' with { type: 'json' };
import { confidenceOf, train } from './confidence.ts';
import { featureNames, type FeatureName } from './features.ts';

const row = (on: FeatureName[]) =>
  Object.fromEntries(featureNames.map((name) => [name, on.includes(name) ? 1 : 0])) as Record<
    FeatureName,
    number
  >;

describe('the confidence model', () => {
  it('ships a weight for every feature and nothing else', () => {
    expect(Object.keys(weights.weights).sort()).toEqual([...featureNames].sort());
  });

  it('learns which features make a commitment, and its probabilities match the rates it saw', () => {
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => ({
        features: row(['future', 'subjectNamed']),
        label: (i < 32 ? 1 : 0) as 0 | 1,
      })),
      ...Array.from({ length: 40 }, (_, i) => ({
        features: row(['pastHead', 'history']),
        label: (i < 4 ? 1 : 0) as 0 | 1,
      })),
    ];
    const model = train(rows, { l2: 0 });
    expect(model.weights.future! + model.weights.subjectNamed!).toBeGreaterThan(0);
    expect(confidenceOf(row(['future', 'subjectNamed']), model)).toBeCloseTo(0.8, 1);
    expect(confidenceOf(row(['pastHead', 'history']), model)).toBeCloseTo(0.1, 1);
  });
});
