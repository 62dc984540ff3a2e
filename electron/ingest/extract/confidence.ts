// Calibrated confidence: a logistic regression over the features, its weights trained on the development
// texts of the corpus (`npm run train:extract`) and shipped as confidence-weights.json.
import weights from './confidence-weights.json' with { type: 'json' };
import { featureNames, type FeatureName } from './features.ts';

export interface Weights {
  bias: number;
  weights: Partial<Record<FeatureName, number>>;
}

export function confidenceOf(
  features: Record<FeatureName, number>,
  model: Weights = weights as Weights,
): number {
  let z = model.bias;
  for (const name of featureNames) z += (model.weights[name] ?? 0) * features[name];
  return 1 / (1 + Math.exp(-z));
}

/** Fits the weights by gradient descent on the log loss, with a little L2 so rare features stay modest. */
export function train(
  rows: { features: Record<FeatureName, number>; label: 0 | 1 }[],
  options: { epochs?: number; rate?: number; l2?: number } = {},
): Weights {
  const epochs = options.epochs ?? 3000;
  const rate = options.rate ?? 0.3;
  const l2 = options.l2 ?? 0.01;
  const w = new Map<FeatureName, number>(featureNames.map((name) => [name, 0]));
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    let gradBias = 0;
    const grad = new Map<FeatureName, number>(featureNames.map((name) => [name, 0]));
    for (const row of rows) {
      let z = bias;
      for (const name of featureNames) z += w.get(name)! * row.features[name];
      const error = 1 / (1 + Math.exp(-z)) - row.label;
      gradBias += error;
      for (const name of featureNames) grad.set(name, grad.get(name)! + error * row.features[name]);
    }
    bias -= (rate * gradBias) / rows.length;
    for (const name of featureNames) {
      const value = w.get(name)!;
      w.set(name, value - rate * (grad.get(name)! / rows.length + l2 * value));
    }
  }
  const rounded = Object.fromEntries(
    featureNames.map((name) => [name, Math.round(w.get(name)! * 1000) / 1000]),
  );
  return { bias: Math.round(bias * 1000) / 1000, weights: rounded };
}
