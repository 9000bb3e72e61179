import { describe, expect, it } from "vitest";
import { SingularMatrixError } from "./errors";
import { denseSolveTriangular } from "./triangular";
import { matmul, randomMatrix, relativeError, seededUniform, transpose } from "./test-matrices";

function triangle(n: number, lower: boolean, seed: number): Float64Array {
  const a = randomMatrix(seededUniform(seed), n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (lower ? j > i : j < i) a[i * n + j] = 0;
    a[i * n + i] = 2 + Math.abs(a[i * n + i]);
  }
  return a;
}

describe("denseSolveTriangular", () => {
  it("solves a 2×2 lower system by hand", () => {
    // [[2, 0], [1, 4]]·x = [2, 9] → x0 = 1, x1 = (9 − 1)/4 = 2.
    expect(Array.from(denseSolveTriangular(Float64Array.from([2, 0, 1, 4]), 2, Float64Array.from([2, 9])))).toEqual([1, 2]);
  });

  it.each([
    [true, false],
    [false, false],
    [true, true],
    [false, true],
  ])("lower=%s transpose=%s: T·X = B with 3 right-hand sides to 1e-12", (lower, trans) => {
    const n = 40;
    const t = triangle(n, lower, 7);
    const b = randomMatrix(seededUniform(8), n, 3);
    const x = denseSolveTriangular(t, n, b, { lower, transpose: trans }, 3);
    const op = trans ? transpose(t, n, n) : t;
    expect(relativeError(matmul(op, x, n, n, 3), b)).toBeLessThan(1e-12);
  });

  it("takes a unit diagonal without reading it", () => {
    // [[9, 0], [3, 9]] read as [[1, 0], [3, 1]]: x = [1, 5 − 3] = [1, 2].
    const x = denseSolveTriangular(Float64Array.from([9, 0, 3, 9]), 2, Float64Array.from([1, 5]), { unitDiagonal: true });
    expect(Array.from(x)).toEqual([1, 2]);
  });

  it("throws on a zero diagonal", () => {
    expect(() => denseSolveTriangular(Float64Array.from([1, 0, 1, 0]), 2, Float64Array.from([1, 1]))).toThrow(SingularMatrixError);
  });
});
