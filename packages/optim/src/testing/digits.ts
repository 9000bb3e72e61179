/// <reference types="node" />
// Test-only (not exported from src/index.ts): the UCI digits as tensors, split once with a seed,
// for the end-to-end training test. It imports no autograd, because only *.test.ts files may.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { Generator, Tensor } from "@descent/tensor";

/** The 1797 8×8 images, row-major (n, 64) scaled from 0..16 to [0, 1], and their labels 0..9. */
export interface Digits {
  features: Float32Array;
  labels: Int32Array;
  n: number;
}

/** One side of the split as tensors: `x` is (m, 64) float32, `y` is (m) int32. */
export interface DigitsBatch {
  x: Tensor;
  y: Tensor;
}

export interface DigitsSplit {
  data: Digits;
  /** Row numbers of `data` in the training side, in the seeded order. */
  trainRows: Int32Array;
  train: DigitsBatch;
  test: DigitsBatch;
}

export function loadDigits(): Digits {
  const text = gunzipSync(readFileSync(new URL("../../test-data/digits.csv.gz", import.meta.url))).toString("utf8");
  const rows = text.trim().split("\n");
  const features = new Float32Array(rows.length * 64);
  const labels = new Int32Array(rows.length);
  rows.forEach((line, i) => {
    const cells = line.split(",").map(Number);
    for (let j = 0; j < 64; j++) features[i * 64 + j] = cells[j] / 16;
    labels[i] = cells[64];
  });
  return { features, labels, n: rows.length };
}

/** The rows `indices` of `data`, in that order. */
export function batchOf(data: Digits, indices: ArrayLike<number>): DigitsBatch {
  const m = indices.length;
  const x = new Float32Array(m * 64);
  const y = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const i = indices[r];
    x.set(data.features.subarray(i * 64, i * 64 + 64), r * 64);
    y[r] = data.labels[i];
  }
  return { x: new Tensor(x, [m, 64]), y: new Tensor(y, [m]) };
}

/** A seeded permutation of the rows: the first `trainFraction` train, the rest are held out. */
export function splitDigits(data: Digits, seed: number, trainFraction: number): DigitsSplit {
  const order = new Generator(seed).permutation(data.n);
  const trainCount = Math.round(data.n * trainFraction);
  const trainRows = Int32Array.from(order.subarray(0, trainCount));
  return { data, trainRows, train: batchOf(data, trainRows), test: batchOf(data, order.subarray(trainCount)) };
}
