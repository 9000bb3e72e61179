import { describe, expect, it } from "vitest";
import { cubicInterpolate, strongWolfe } from "./strong-wolfe";

describe("cubicInterpolate", () => {
  it("finds the exact minimizer when the data come from a quadratic", () => {
    // f(x) = (x − 1)²: x1 = 0 (f 1, f' −2), x2 = 3 (f 4, f' 4).
    // d1 = −2 + 4 − 3(1 − 4)/(0 − 3) = −1; d2 = √(1 + 8) = 3; x = 3 − 3·(4 + 3 + 1)/(4 + 2 + 6) = 1
    expect(cubicInterpolate(0, 1, -2, 3, 4, 4)).toBe(1);
    // The same points in the other order.
    expect(cubicInterpolate(3, 4, 4, 0, 1, -2)).toBe(1);
  });

  it("clamps to the bounds and falls back to their midpoint without a real minimizer", () => {
    // The quadratic's minimizer 1 lies left of [1.5, 2]: clamped to 1.5.
    expect(cubicInterpolate(0, 1, -2, 3, 4, 4, [1.5, 2])).toBe(1.5);
    // f 0 and 1 at x 0 and 1, slopes 2 and 2: d1 = 2 + 2 − 3(0 − 1)/(0 − 1) = 1, d1² − g1g2 = 1 − 4 < 0,
    // so no minimizer: the midpoint of the bounds [0, 4], 2.
    expect(cubicInterpolate(0, 0, 2, 1, 1, 2, [0, 4])).toBe(2);
  });
});

describe("strongWolfe", () => {
  it("returns a step satisfying both strong Wolfe conditions on a 1-d quartic", () => {
    // φ(t) = f(x + t d) for f(x) = x⁴ − 3x, x = 0, d = 1: φ(0) = 0, φ'(0) = −3.
    const f = (x: number) => x ** 4 - 3 * x;
    const df = (x: number) => 4 * x ** 3 - 3;
    const d = new Float64Array([1]);
    let calls = 0;
    const evaluate = (t: number) => {
      calls += 1;
      return { loss: f(t), grad: new Float64Array([df(t)]) };
    };
    const result = strongWolfe(evaluate, 5, d, 0, new Float64Array([-3]), -3);
    expect(result.evals).toBe(calls);
    expect(result.loss).toBeLessThanOrEqual(0 + 1e-4 * result.t * -3);
    expect(Math.abs(result.grad[0])).toBeLessThanOrEqual(0.9 * 3);
    expect(result.loss).toBe(f(result.t));
  });

  it("extrapolates when the first step is too short", () => {
    // φ(t) = (t − 10)², φ(0) = 100, φ'(0) = −20. At t = 0.1, φ' = −19.8 is steeper than −0.9·20 = −18,
    // so it extrapolates: the cubic through the data is exact for a quadratic and proposes 10, clamped
    // to 10·0.1 = 1. There φ(1) = 81 ≤ 100 − 1e-4·20 and |φ'(1)| = 18 ≤ 18: accepted after 2 evaluations.
    const evaluate = (t: number) => ({ loss: (t - 10) ** 2, grad: new Float64Array([2 * (t - 10)]) });
    const result = strongWolfe(evaluate, 0.1, new Float64Array([1]), 100, new Float64Array([-20]), -20);
    expect(result).toMatchObject({ t: 1, loss: 81, evals: 2 });
  });
});
