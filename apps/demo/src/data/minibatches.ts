import { Tensor } from "@descent/tensor";
import type { Generator } from "@descent/tensor";
import type { Dataset } from "./dataset";

export interface Batch {
  /** (size, features) float32. */
  readonly inputs: Tensor;
  /** (size) int32 class indices. */
  readonly labels: Tensor;
  readonly size: number;
}

/**
 * One epoch of minibatches in a fresh random order drawn from `generator` (or in row order
 * without one). The last batch is smaller when the size does not divide the rows, unless
 * `dropLast` (batch norm needs more than one row per batch).
 */
export function* minibatches(data: Dataset, batchSize: number, generator: Generator | null, dropLast = false): IterableIterator<Batch> {
  const order = generator === null ? null : generator.permutation(data.size);
  const { features } = data;
  for (let start = 0; start < data.size; start += batchSize) {
    const size = Math.min(batchSize, data.size - start);
    if (dropLast && size < batchSize && start > 0) return;
    const inputs = new Float32Array(size * features);
    const labels = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const row = order === null ? start + i : order[start + i];
      inputs.set(data.inputs.subarray(row * features, (row + 1) * features), i * features);
      labels[i] = data.labels[row];
    }
    yield { inputs: new Tensor(inputs, [size, features]), labels: new Tensor(labels, [size]), size };
  }
}

/** How many batches `minibatches` yields. */
export function batchCount(rows: number, batchSize: number, dropLast = false): number {
  return dropLast && rows > batchSize ? Math.floor(rows / batchSize) : Math.ceil(rows / batchSize);
}
