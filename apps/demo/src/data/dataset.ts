import { Tensor } from "@descent/tensor";

/** A classification data set in memory: `size` rows of `features` float32 values and one int32 label each. */
export interface Dataset {
  readonly name: string;
  /** Row-major, size × features. */
  readonly inputs: Float32Array;
  readonly labels: Int32Array;
  readonly size: number;
  readonly features: number;
  readonly classes: number;
}

/** Train, validation and test parts of one data set; the test part is looked at once, at the end. */
export interface Splits {
  readonly train: Dataset;
  readonly validation: Dataset;
  readonly test: Dataset;
}

export function makeDataset(name: string, inputs: Float32Array, labels: Int32Array, features: number, classes: number): Dataset {
  if (inputs.length !== labels.length * features) {
    throw new Error(`makeDataset(${name}): ${inputs.length} input values for ${labels.length} labels × ${features} features`);
  }
  return { name, inputs, labels, size: labels.length, features, classes };
}

/** The rows at `indices`, in that order (a copy). */
export function subset(data: Dataset, indices: ArrayLike<number>, name = data.name): Dataset {
  const { features } = data;
  const inputs = new Float32Array(indices.length * features);
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i];
    inputs.set(data.inputs.subarray(row * features, (row + 1) * features), i * features);
    labels[i] = data.labels[row];
  }
  return makeDataset(name, inputs, labels, features, data.classes);
}

/** The first `count` rows (or all of them): how the reduced sizes take a part of a set. */
export function head(data: Dataset, count: number): Dataset {
  if (count >= data.size) return data;
  return makeDataset(data.name, data.inputs.slice(0, count * data.features), data.labels.slice(0, count), data.features, data.classes);
}

/** Two data sets stacked (same features and classes). */
export function concatDatasets(a: Dataset, b: Dataset): Dataset {
  const inputs = new Float32Array(a.inputs.length + b.inputs.length);
  inputs.set(a.inputs);
  inputs.set(b.inputs, a.inputs.length);
  const labels = new Int32Array(a.size + b.size);
  labels.set(a.labels);
  labels.set(b.labels, a.size);
  return makeDataset(a.name, inputs, labels, a.features, a.classes);
}

/** The whole set as an (n, features) float32 tensor and an (n) int32 label tensor. */
export function asTensors(data: Dataset): { inputs: Tensor; labels: Tensor } {
  return { inputs: new Tensor(data.inputs, [data.size, data.features]), labels: new Tensor(data.labels, [data.size]) };
}
