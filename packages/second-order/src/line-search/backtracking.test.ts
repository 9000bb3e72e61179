import { describe, expect, it } from "vitest";
import { lineSearchArmijo, scalarSearchArmijo } from "./backtracking";

describe("backtracking Armijo", () => {
  it("accepts the first step when it decreases enough", () => {
    // φ(α) = (α − 2)²: φ(1) = 1 ≤ 4 + 1e-4·1·(−4).
    expect(scalarSearchArmijo((a) => (a - 2) ** 2, 4, -4)).toEqual({ alpha: 1, phi: 1, evaluations: 1 });
  });

  it("lands on a quadratic's minimizer by interpolation", () => {
    // φ(α) = (α − 0.3)²: φ(0) = 0.09, φ'(0) = −0.6, φ(1) = 0.49 fails, and the interpolating
    // quadratic is φ itself, so the second trial is its minimizer α = 0.6·1/(2·(0.49 − 0.09 + 0.6)) = 0.3.
    const out = scalarSearchArmijo((a) => (a - 0.3) ** 2, 0.09, -0.6);
    expect(out.alpha).toBeCloseTo(0.3, 15);
    expect(out.evaluations).toBe(2);
  });

  it("satisfies sufficient decrease on a steep quartic and stays bounded", () => {
    const phi = (a: number) => (a - 0.01) ** 4 - 1e-8;
    const phi0 = phi(0);
    const derphi0 = -4 * 0.01 ** 3;
    const out = scalarSearchArmijo(phi, phi0, derphi0, { alpha0: 100, c1: 0.1 });
    expect(out.alpha).not.toBeNull();
    expect(out.phi).toBeLessThanOrEqual(phi0 + 0.1 * out.alpha! * derphi0);
    expect(out.evaluations).toBeLessThan(40);
  });

  it("works along a direction in ℝⁿ and rejects an ascent direction", () => {
    const f = (x: Float64Array) => x[0] ** 2 + 10 * x[1] ** 2;
    const x = Float64Array.of(1, 1);
    const g = Float64Array.of(2, 20);
    const out = lineSearchArmijo(f, x, g.map((v) => -v), g, f(x));
    expect(out.phi).toBeLessThan(f(x));
    expect(() => lineSearchArmijo(f, x, g, g, f(x))).toThrow(/derphi0 is 404, expected a negative slope/);
  });
});
