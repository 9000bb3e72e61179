import { describe, expect, it } from "vitest";
import { SingularMatrixError } from "./errors";
import { denseLu, denseLuSolve } from "./lu";
import { matmul, relativeError, seededUniform, wellConditioned } from "./test-matrices";

describe("denseLu", () => {
  it("pivots a 2×2 permutation matrix", () => {
    // [[0, 1], [1, 0]]: the first column's largest entry is in row 1 → one swap, sign −1, U = I.
    const { lu, pivots, sign } = denseLu(Float64Array.from([0, 1, 1, 0]), 2);
    expect(Array.from(pivots)).toEqual([1, 0]);
    expect(sign).toBe(-1);
    expect(Array.from(lu)).toEqual([1, 0, 0, 1]);
  });

  it.each([5, 80])("reconstructs P·A = L·U to 1e-12 (n = %i)", (n) => {
    const a = wellConditioned(seededUniform(n + 3), n);
    const { lu, pivots } = denseLu(a, n);
    const l = new Float64Array(n * n);
    const u = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (j < i) l[i * n + j] = lu[i * n + j];
        else u[i * n + j] = lu[i * n + j];
      }
      l[i * n + i] = 1;
    }
    const pa = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pa[i * n + j] = a[pivots[i] * n + j];
    expect(relativeError(matmul(l, u, n, n, n), pa)).toBeLessThan(1e-12);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(Math.abs(l[i * n + j])).toBeLessThanOrEqual(1);
  });

  it("reports a singular matrix when solving", () => {
    // Rows [1, 2] and [2, 4] are dependent: the second pivot is exactly 4 − 2·2 = 0.
    const factors = denseLu(Float64Array.from([1, 2, 2, 4]), 2);
    expect(() => denseLuSolve(factors, 2, Float64Array.from([1, 1]))).toThrow(SingularMatrixError);
  });
});
