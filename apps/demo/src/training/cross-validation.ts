import type { Generator } from "@descent/tensor";
import type { Dataset } from "../data/dataset";
import { subset } from "../data/dataset";

/** k disjoint folds of the row indices 0..n−1 in a seeded random order, sizes differing by at most one. */
export function kFoldIndices(n: number, k: number, generator: Generator): Int32Array[] {
  if (!(Number.isInteger(k) && k >= 2 && k <= n)) throw new Error(`kFoldIndices: k ${k}, expected an integer in [2, ${n}]`);
  const order = generator.permutation(n);
  return Array.from({ length: k }, (_, fold) => {
    const start = Math.floor((fold * n) / k);
    const end = Math.floor(((fold + 1) * n) / k);
    return order.slice(start, end);
  });
}

export interface CrossValidationResult {
  /** The score of each fold (higher is better, e.g. validation accuracy). */
  scores: number[];
  mean: number;
  std: number;
}

/**
 * k-fold cross-validation: for each fold, `trainAndScore` trains on the other k − 1 folds and
 * scores on the held-out one. The data must already be standardized consistently (the demo
 * standardizes with the statistics of the whole development set, which never includes the test rows).
 */
export function crossValidate(
  data: Dataset,
  k: number,
  generator: Generator,
  trainAndScore: (train: Dataset, heldOut: Dataset, fold: number) => number,
): CrossValidationResult {
  const folds = kFoldIndices(data.size, k, generator);
  const scores = folds.map((heldOut, fold) => {
    const trainRows = folds.filter((_, other) => other !== fold).flatMap((rows) => Array.from(rows));
    return trainAndScore(subset(data, trainRows), subset(data, heldOut), fold);
  });
  const mean = scores.reduce((a, b) => a + b, 0) / k;
  const std = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / k);
  return { scores, mean, std };
}
