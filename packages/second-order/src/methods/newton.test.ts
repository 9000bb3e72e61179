import { describe, expect, it } from "vitest";
import { minimize } from "../minimize";
import { modifiedNewtonDirection } from "./newton";

// f(x, y) = x² − y² + y⁴/4: a saddle at 0, minima −1 at (0, ±√2). H = diag(2, −2 + 3y²).
const f = (v: Float64Array) => v[0] ** 2 - v[1] ** 2 + v[1] ** 4 / 4;
const grad = (v: Float64Array) => [2 * v[0], -2 * v[1] + v[1] ** 3];
const hess = (v: Float64Array) => [2, 0, 0, -2 + 3 * v[1] ** 2];

describe("newton with an indefinite Hessian", () => {
  it("shifts the Hessian until Cholesky succeeds, giving a descent direction", () => {
    // At (1, 0.1): H = diag(2, −1.97), min Hᵢᵢ = −1.97, so τ₀ = 1.97 + β; H + τ₀I is PD.
    const h = Float64Array.of(2, 0, 0, -1.97);
    const g = Float64Array.of(2, -0.199);
    const out = modifiedNewtonDirection(h, g, 1e-3)!;
    expect(out.shift).toBeCloseTo(1.971, 15);
    expect(out.p[0]).toBeCloseTo(-2 / (2 + 1.971), 14);
    expect(out.p[1]).toBeCloseTo(0.199 / 1e-3, 9);
    expect(out.p[0] * g[0] + out.p[1] * g[1]).toBeLessThan(0);
  });

  it("leaves a positive definite Hessian alone: the pure Newton step", () => {
    const out = modifiedNewtonDirection(Float64Array.of(4, 1, 1, 3), Float64Array.of(1, 2), 1e-3)!;
    expect(out.shift).toBe(0);
    // −[[4, 1], [1, 3]]⁻¹·[1, 2] = −[1/11, 7/11].
    expect(out.p[0]).toBeCloseTo(-1 / 11, 15);
    expect(out.p[1]).toBeCloseTo(-7 / 11, 15);
  });

  it("escapes the saddle region and reaches a minimum −1", () => {
    for (const method of ["newton", "trust-exact", "trust-ncg", "newton-cg"]) {
      const r = minimize(f, [1, 0.1], { method, jac: grad, hess });
      expect(r.success, method).toBe(true);
      // trust-ncg stops at ‖∇f‖ < 1e-4 (SciPy's default), so f is within ~1e-9.
      expect(r.fun, method).toBeCloseTo(-1, 8);
      expect(Math.abs(Math.abs(r.x[1]) - Math.SQRT2), method).toBeLessThan(1e-4);
    }
  });

  it("reports a Hessian with NaN instead of looping", () => {
    const r = minimize(f, [1, 0.1], { method: "newton", jac: grad, hess: () => [Number.NaN, 0, 0, 1] });
    expect(r.success).toBe(false);
    expect(r.status).toBe(3);
    expect(modifiedNewtonDirection(Float64Array.of(Number.NaN, 0, 0, 1), Float64Array.of(1, 1), 1e-3)).toBeNull();
  });
});
