/**
 * Fitting the confidence model: plain logistic regression by gradient descent, small enough
 * to read. Used offline by `npx tsx bench/retrieval.ts --fit`; the fitted numbers are then
 * written into confidence.ts, so nothing is fitted at start-up.
 */
import type { ConfidenceModel } from './confidence';

export interface FitOptions {
  /** Gradient steps over the whole set. */
  iterations?: number;
  learningRate?: number;
  /** L2 penalty on the weights (not the bias): keeps them modest on a small dev set. */
  l2?: number;
  /** Clamp weights at 0 or above: every feature should only ever raise confidence. */
  nonNegative?: boolean;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fits P(y = 1 | x) = sigmoid(bias + w · x).
 *
 * @example
 * const model = fitLogistic([[0], [1]], [0, 1]);
 * model.weights[0] > 0; // true
 */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], options: FitOptions = {}): ConfidenceModel {
  const { iterations = 20_000, learningRate = 0.5, l2 = 0.001, nonNegative = true } = options;
  const n = x.length;
  const dims = x[0]?.length ?? 0;
  let bias = 0;
  const w = new Array<number>(dims).fill(0);
  for (let it = 0; it < iterations; it++) {
    let gBias = 0;
    const g = new Array<number>(dims).fill(0);
    for (let i = 0; i < n; i++) {
      let z = bias;
      for (let d = 0; d < dims; d++) z += w[d] * x[i][d];
      const err = sigmoid(z) - y[i];
      gBias += err;
      for (let d = 0; d < dims; d++) g[d] += err * x[i][d];
    }
    bias -= (learningRate * gBias) / n;
    for (let d = 0; d < dims; d++) {
      w[d] -= learningRate * (g[d] / n + l2 * w[d]);
      if (nonNegative && w[d] < 0) w[d] = 0;
    }
  }
  return { bias, weights: w };
}

/**
 * Mean log-loss of a model on a set: lower is better calibrated.
 *
 * @example
 * logLoss({ bias: 0, weights: [0] }, [[1]], [1]); // ≈ 0.693
 */
export function logLoss(model: ConfidenceModel, x: readonly (readonly number[])[], y: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    let z = model.bias;
    for (let d = 0; d < x[i].length; d++) z += (model.weights[d] ?? 0) * x[i][d];
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(z)));
    sum += y[i] === 1 ? -Math.log(p) : -Math.log(1 - p);
  }
  return x.length === 0 ? 0 : sum / x.length;
}
