import { Generator } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { makeDataset } from "../data/dataset";
import { crossValidate, kFoldIndices } from "./cross-validation";

describe("kFoldIndices", () => {
  it("partitions the rows into k folds of nearly equal size", () => {
    const folds = kFoldIndices(10, 3, new Generator(0));
    expect(folds.map((f) => f.length)).toEqual([3, 3, 4]);
    expect(folds.flatMap((f) => Array.from(f)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe("crossValidate", () => {
  it("trains on the other folds and scores on the held-out one", () => {
    // Feature = row number; the "score" is the held-out rows' mean, and training must never see them.
    const data = makeDataset("rows", Float32Array.from({ length: 12 }, (_, i) => i), new Int32Array(12), 1, 1);
    const result = crossValidate(data, 4, new Generator(1), (train, heldOut) => {
      const trainRows = new Set(train.inputs);
      for (const row of heldOut.inputs) expect(trainRows.has(row)).toBe(false);
      expect(train.size + heldOut.size).toBe(12);
      return heldOut.inputs.reduce((a, b) => a + b, 0) / heldOut.size;
    });
    expect(result.scores).toHaveLength(4);
    // Equal folds of 3: the mean of the fold means is the mean of 0 … 11.
    expect(result.mean).toBeCloseTo(5.5, 12);
  });
});
