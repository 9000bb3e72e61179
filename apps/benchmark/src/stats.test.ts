import { describe, expect, it } from "vitest";
import { mean, median, quantile, standardDeviation } from "./stats";

describe("stats", () => {
  it("interpolates quantiles linearly between order statistics (NumPy's default)", () => {
    // Sorted [1, 2, 4, 10]: q = 0.25 sits at position 0.75 → 1 + 0.75·(2 − 1) = 1.75;
    // q = 0.75 at position 2.25 → 4 + 0.25·(10 − 4) = 5.5; numpy.quantile gives the same.
    expect(quantile([10, 1, 4, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([10, 1, 4, 2], 0.75)).toBeCloseTo(5.5, 12);
    expect(median([10, 1, 4, 2])).toBeCloseTo(3, 12);
    expect(median([5])).toBe(5);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("uses n − 1 in the sample standard deviation", () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, squared deviations sum to 32, 32/7 → sd √(32/7).
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    expect(standardDeviation(values)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(standardDeviation([4])).toBe(0);
    // [1e200, 3e200]: deviations ±1e200, (1e200)² · 2 / 1 → sd √2 · 1e200, which squaring unscaled would overflow.
    expect(standardDeviation([1e200, 3e200]) / 1e200).toBeCloseTo(Math.SQRT2, 12);
  });
});
