import { describe, expect, it } from "vitest";
import { makeDataset } from "./dataset";
import { applyStandardizer, fitStandardizer } from "./standardize";

describe("standardization", () => {
  // Two features: (1, 5), (3, 5), (5, 5): means 3 and 5, population std √(8/3) and 0.
  const train = makeDataset("t", Float32Array.from([1, 5, 3, 5, 5, 5]), Int32Array.from([0, 1, 0]), 2, 2);

  it("fits mean and standard deviation on the training rows, and keeps scale 1 for a constant feature", () => {
    const s = fitStandardizer(train);
    expect(Array.from(s.mean)).toEqual([3, 5]);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 6);
    expect(s.std[1]).toBe(1);
  });

  it("applies the training statistics to other rows", () => {
    const s = fitStandardizer(train);
    const other = applyStandardizer(s, makeDataset("o", Float32Array.from([3, 7]), Int32Array.from([1]), 2, 2));
    // (3 − 3)/σ = 0 and (7 − 5)/1 = 2.
    expect(Array.from(other.inputs)).toEqual([0, 2]);
  });
});
