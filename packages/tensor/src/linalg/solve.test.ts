import { describe, expect, it } from "vitest";
import { denseSolve } from "./solve";
import { randomMatrix, relativeError, residual, seededUniform, wellConditioned, matmul } from "./test-matrices";

describe("denseSolve", () => {
  it("solves a 2×2 by Cramer's rule", () => {
    // [[2, 1], [1, 3]]·x = [3, 5]: det 5, x = [(9 − 5)/5, (10 − 3)/5] = [0.8, 1.4].
    const x = denseSolve(Float64Array.from([2, 1, 1, 3]), 2, Float64Array.from([3, 5]));
    expect(x[0]).toBeCloseTo(0.8, 15);
    expect(x[1]).toBeCloseTo(1.4, 15);
  });

  it.each([1, 2, 10, 50, 120, 200])("residual ‖Ax − b‖/‖b‖ < 1e-12 on a random system (n = %i)", (n) => {
    const next = seededUniform(1000 + n);
    const a = wellConditioned(next, n);
    const b = randomMatrix(next, n, 1);
    expect(residual(a, n, denseSolve(a, n, b), b)).toBeLessThan(1e-12);
  });

  it("solves several right-hand sides at once", () => {
    const n = 30;
    const next = seededUniform(5);
    const a = wellConditioned(next, n);
    const b = randomMatrix(next, n, 4);
    expect(relativeError(matmul(a, denseSolve(a, n, b, 4), n, n, 4), b)).toBeLessThan(1e-12);
  });

  it("needs row exchanges for a zero leading entry", () => {
    // [[0, 1], [1, 1]]·x = [2, 3] → x1 = 2, x0 = 1.
    expect(Array.from(denseSolve(Float64Array.from([0, 1, 1, 1]), 2, Float64Array.from([2, 3])))).toEqual([1, 2]);
  });
});
