import type { Dataset, Splits } from "./dataset";
import { makeDataset } from "./dataset";

/** Per-feature mean and standard deviation, fitted on the training rows only. */
export interface Standardizer {
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

export function fitStandardizer(train: Dataset): Standardizer {
  const { features, size } = train;
  const mean = new Float64Array(features);
  const std = new Float64Array(features);
  for (let i = 0; i < size; i++) for (let j = 0; j < features; j++) mean[j] += train.inputs[i * features + j];
  for (let j = 0; j < features; j++) mean[j] /= size;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < features; j++) {
      const d = train.inputs[i * features + j] - mean[j];
      std[j] += d * d;
    }
  }
  // A pixel that is constant on the training rows (the digits' corners are always 0) keeps
  // scale 1: dividing by 0 would turn its rare non-zero values elsewhere into infinities.
  for (let j = 0; j < features; j++) std[j] = std[j] > 1e-12 * size ? Math.sqrt(std[j] / size) : 1;
  return { mean, std };
}

export function applyStandardizer(s: Standardizer, data: Dataset): Dataset {
  const { features } = data;
  const inputs = new Float32Array(data.inputs.length);
  for (let i = 0; i < data.size; i++) {
    for (let j = 0; j < features; j++) inputs[i * features + j] = (data.inputs[i * features + j] - s.mean[j]) / s.std[j];
  }
  return makeDataset(data.name, inputs, data.labels, features, data.classes);
}

/** All three parts scaled with the statistics of the training part (so nothing leaks from validation or test). */
export function standardizeSplits(splits: Splits): Splits {
  const s = fitStandardizer(splits.train);
  return { train: applyStandardizer(s, splits.train), validation: applyStandardizer(s, splits.validation), test: applyStandardizer(s, splits.test) };
}
