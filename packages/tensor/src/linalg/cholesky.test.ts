import { describe, expect, it } from "vitest";
import { denseCholesky, denseCholeskySolve, tryDenseCholesky } from "./cholesky";
import { NotPositiveDefiniteError } from "./errors";
import { matmul, randomSpd, relativeError, residual, seededUniform, transpose } from "./test-matrices";

describe("denseCholesky", () => {
  it("factors a 2×2 by hand", () => {
    // [[4, 2], [2, 5]]: l00 = 2, l10 = 2/2 = 1, l11 = √(5 − 1) = 2.
    expect(Array.from(denseCholesky(Float64Array.from([4, 2, 2, 5]), 2))).toEqual([2, 0, 1, 2]);
  });

  it.each([1, 7, 60, 200])("reconstructs a random SPD matrix of size %i to 1e-12", (n) => {
    const a = randomSpd(seededUniform(n), n);
    const l = denseCholesky(a, n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(l[i * n + j]).toBe(0);
    expect(relativeError(matmul(l, transpose(l, n, n), n, n, n), a)).toBeLessThan(1e-12);
  });

  it.each([3, 50, 200])("solves A·x = b with residual < 1e-12 (n = %i)", (n) => {
    const next = seededUniform(100 + n);
    const a = randomSpd(next, n);
    const b = Float64Array.from({ length: n }, () => next() - 0.5);
    const x = denseCholeskySolve(denseCholesky(a, n), n, b);
    expect(residual(a, n, x, b)).toBeLessThan(1e-12);
  });

  it("names the failing pivot of an indefinite matrix", () => {
    // [[1, 2], [2, 1]]: pivot 0 is 1, then 1 − 2² = −3 at pivot 1 (eigenvalues −1 and 3).
    const a = Float64Array.from([1, 2, 2, 1]);
    let caught: unknown;
    try {
      denseCholesky(a, 2);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NotPositiveDefiniteError);
    const error = caught as NotPositiveDefiniteError;
    expect(error.pivot).toBe(1);
    expect(error.value).toBe(-3);
    expect(error.message).toContain("pivot 1 is -3");
    expect(Array.from(a)).toEqual([1, 2, 2, 1]);
  });

  it("reports a NaN pivot instead of producing a NaN factor", () => {
    const attempt = tryDenseCholesky(Float64Array.from([Number.NaN, 0, 0, 1]), 2);
    expect(attempt.failedPivot).toBe(0);
    expect(() => denseCholesky(Float64Array.from([Number.NaN, 0, 0, 1]), 2)).toThrow(NotPositiveDefiniteError);
  });

  it("rejects a wrongly sized array", () => {
    expect(() => denseCholesky(new Float64Array(3), 2)).toThrow(/denseCholesky: a has 3 elements, expected 2×2 = 4/);
  });
});
