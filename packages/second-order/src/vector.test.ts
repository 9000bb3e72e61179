import { describe, expect, it } from "vitest";
import { pairwiseSum, sumAbs, vecnorm } from "./vector";

describe("pairwiseSum: NumPy's summation order", () => {
  // Each expected value is what NumPy 1.24 prints for np.sum of the same array; the plain
  // left-to-right sum (in the comments) differs, since 1e16 + 1 rounds back to 1e16.
  it("below 8 terms, left to right", () => {
    expect(pairwiseSum([1e16, 1, -1e16, 1, 1])).toBe(2); // 1e16 + 1 rounds to 1e16 (tie to even); NumPy: 2.0
  });

  it("8 to 128 terms: eight partial sums, then the leftovers", () => {
    // Partial sums r0..r7 = 1e16, 1, -1e16, 1, 1, 1, 1, 1, combined as ((1e16 + 1) + (−1e16 + 1)) + 4 = 4,
    // then + 1 = 5; left to right gives 6.
    expect(pairwiseSum([1e16, 1, -1e16, 1, 1, 1, 1, 1, 1])).toBe(5);
    const b = [1e16, ...Array<number>(9).fill(1), -1e16, ...Array<number>(5).fill(1)];
    expect(pairwiseSum(b)).toBe(12); // left to right: 5
  });

  it("above 128 terms, halves split at a multiple of 8", () => {
    const c = Array.from({ length: 300 }, (_, i) => (-1) ** i * (i % 3 === 0 ? 1e16 : 1 + i));
    expect(pairwiseSum(c)).toBe(-17); // left to right: -1
  });

  it("sumAbs and vecnorm sum the same way", () => {
    expect(sumAbs(Float64Array.from([-1e16, 1, 1e16, -1, 1, 1, 1, 1, 1]))).toBe(2.0000000000000004e16); // NumPy: np.add.reduce(np.abs(...))
    // (|3|³ + |−4|³)^(1/3) = 91^(1/3); NumPy prints 4.497941445275415.
    expect(vecnorm(Float64Array.from([3, -4]), 3)).toBe(4.497941445275415);
  });
});
