import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { Generator } from "@descent/tensor";
import type { Dataset } from "./dataset";

/** The UCI optical digits (1797 8×8 images, pixels 0…16, last column the label), copied into data/. */
export const DIGITS_PATH = fileURLToPath(new URL("../../data/digits.csv.gz", import.meta.url));

export interface DigitsRows {
  x: Float32Array;
  y: Int32Array;
  count: number;
}

/** All rows, pixels scaled to [0, 1] by dividing by 16. */
export function readDigits(path = DIGITS_PATH): DigitsRows {
  const lines = gunzipSync(readFileSync(path)).toString("utf8").trim().split("\n");
  const x = new Float32Array(lines.length * 64);
  const y = new Int32Array(lines.length);
  lines.forEach((line, r) => {
    const cells = line.split(",");
    if (cells.length !== 65) throw new Error(`${path}: line ${r + 1} has ${cells.length} columns, expected 65`);
    for (let c = 0; c < 64; c++) x[r * 64 + c] = Number(cells[c]) / 16;
    y[r] = Number(cells[64]);
  });
  return { x, y, count: lines.length };
}

/** A seeded 80/20 split: the same permutation goes to every implementation, the Python peer as index lists. */
export function digitsDataset(seed: number): Dataset & { train: Int32Array; test: Int32Array } {
  const rows = readDigits();
  const order = new Generator(seed).permutation(rows.count);
  const testCount = Math.round(rows.count * 0.2);
  const test = order.slice(0, testCount);
  const train = order.slice(testCount);
  const pick = (indices: Int32Array): { x: Float32Array; y: Int32Array } => {
    const x = new Float32Array(indices.length * 64);
    const y = new Int32Array(indices.length);
    indices.forEach((row, i) => {
      x.set(rows.x.subarray(row * 64, row * 64 + 64), i * 64);
      y[i] = rows.y[row];
    });
    return { x, y };
  };
  const tr = pick(train);
  const te = pick(test);
  return {
    name: "digits",
    features: 64,
    classes: 10,
    xTrain: tr.x,
    yTrain: tr.y,
    xTest: te.x,
    yTest: te.y,
    train,
    test,
    python: { kind: "digits", path: DIGITS_PATH, train: Array.from(train), test: Array.from(test) },
  };
}
