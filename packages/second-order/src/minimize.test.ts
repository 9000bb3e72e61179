import { InvalidArgumentError, denseSolve } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { minimize } from "./minimize";
import { quadratic, randomSpd, rosen, rosenGrad, rosenHess, seeded } from "./test-problems";

describe("minimize on Rosenbrock from (−1.2, 1)", () => {
  // nit and nfev of SciPy 1.10's minimize(rosen, [-1.2, 1], method=..., jac=rosen_der, hess=rosen_hess)
  // as printed by SciPy; the methods follow SciPy step for step, so the counts agree exactly.
  it.each([
    ["Newton-CG", 83, 105, 1e-4],
    ["trust-ncg", 29, 30, 1e-5],
    ["trust-exact", 25, 26, 1e-8],
    ["BFGS", 32, 39, 1e-6],
    ["L-BFGS-B", 36, 44, 1e-5],
    ["CG", 36, 78, 1e-6],
  ])("%s converges to (1, 1) with SciPy's nit %i and nfev %i", (method, nit, nfev, xtol) => {
    const r = minimize(rosen, [-1.2, 1], { method, jac: rosenGrad, hess: rosenHess });
    expect(r.success).toBe(true);
    expect(r.status).toBe(0);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(xtol);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(2 * xtol);
    expect(r.nit).toBe(nit);
    expect(r.nfev).toBe(nfev);
    expect(r.fun).toBeCloseTo(rosen(r.x), 20);
    expect(Array.from(r.jac)).toEqual(rosenGrad(r.x));
  });

  it("newton (exact Hessian, shifted where indefinite) converges to (1, 1)", () => {
    const r = minimize(rosen, [-1.2, 1], { method: "newton", jac: rosenGrad, hess: rosenHess });
    expect(r.success).toBe(true);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-8);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-8);
    expect(r.nhev).toBe(r.nit);
  });

  it.each(["fletcher-reeves", "hestenes-stiefel"])("cg with beta %s converges to (1, 1)", (beta) => {
    const r = minimize(rosen, [-1.2, 1], { method: "cg", jac: rosenGrad, options: { beta, maxiter: 5000 } });
    expect(r.success).toBe(true);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-5);
  });

  it("newton-cg and trust-ncg work from Hessian-vector products alone", () => {
    const hessp = (x: Float64Array, p: Float64Array) => {
      const h = rosenHess(x);
      return [h[0][0] * p[0] + h[0][1] * p[1], h[1][0] * p[0] + h[1][1] * p[1]];
    };
    for (const method of ["newton-cg", "trust-ncg"]) {
      const fromHessp = minimize(rosen, [-1.2, 1], { method, jac: rosenGrad, hessp });
      const fromHess = minimize(rosen, [-1.2, 1], { method, jac: rosenGrad, hess: rosenHess });
      expect(fromHessp.success).toBe(true);
      expect(fromHessp.nit).toBe(fromHess.nit);
      expect(Math.abs(fromHessp.x[0] - 1)).toBeLessThan(1e-4);
    }
  });

  it("accepts [value, gradient] with jac: true, counting one evaluation for both", () => {
    const both = (x: Float64Array) => [rosen(x), rosenGrad(x)] as const;
    const r = minimize(both, [-1.2, 1], { method: "bfgs", jac: true });
    const separate = minimize(rosen, [-1.2, 1], { method: "bfgs", jac: rosenGrad });
    expect(Array.from(r.x)).toEqual(Array.from(separate.x));
    expect(r.nfev).toBe(separate.nfev);
  });

  it("falls back to forward differences without jac, and says so", () => {
    const r = minimize(rosen, [-1.2, 1], { method: "bfgs" });
    expect(r.success).toBe(true);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-4);
    expect(r.message).toMatch(/finite differences/);
    // Each gradient costs n = 2 extra evaluations of f.
    expect(r.nfev).toBeGreaterThanOrEqual(3 * r.njev);
  });

  it("calls the callback once per iteration", () => {
    const seen: number[][] = [];
    const r = minimize(rosen, [-1.2, 1], { method: "bfgs", jac: rosenGrad, callback: (x) => seen.push(Array.from(x)) });
    expect(seen.length).toBe(r.nit);
    expect(seen[seen.length - 1]).toEqual(Array.from(r.x));
  });
});

describe("minimize on a quadratic ½xᵀAx − bᵀx", () => {
  const n = 12;
  const next = seeded(21);
  const a = randomSpd(next, n, 1);
  const b = Float64Array.from({ length: n }, () => next() - 0.5);
  const q = quadratic(a, b);
  const xStar = denseSolve(a, n, b);

  it("newton takes one step to x* = A⁻¹b", () => {
    const r = minimize(q.f, new Float64Array(n), { method: "newton", jac: q.grad, hess: q.hess });
    expect(r.nit).toBe(1);
    for (let i = 0; i < n; i++) expect(Math.abs(r.x[i] - xStar[i])).toBeLessThan(1e-12);
  });

  it("every other method reaches A⁻¹b", () => {
    for (const method of ["trust-exact", "newton-cg", "trust-ncg", "lbfgs", "bfgs", "cg"]) {
      // L-BFGS-B's ftol is a relative decrease of f: tol would set it too, so give gtol alone.
      const tolerance = method === "lbfgs" ? { options: { ftol: 1e-15, gtol: 1e-9 } } : { tol: 1e-8 };
      const r = minimize(q.f, new Float64Array(n), { method, jac: q.grad, hess: q.hess, ...tolerance });
      expect(r.success, method).toBe(true);
      for (let i = 0; i < n; i++) expect(Math.abs(r.x[i] - xStar[i]), method).toBeLessThan(1e-6);
    }
  });
});

describe("minimize with bad input", () => {
  it("rejects x0 with NaN, an empty x0 and an unknown method", () => {
    expect(() => minimize(rosen, [Number.NaN, 1])).toThrow(InvalidArgumentError);
    expect(() => minimize(rosen, [Number.NaN, 1])).toThrow(/minimize: x0 is \[null,1\], expected finite numbers/);
    expect(() => minimize(rosen, [])).toThrow(InvalidArgumentError);
    expect(() => minimize(rosen, [1, 1], { method: "nelder-mead" })).toThrow(/minimize: method is "nelder-mead", expected one of/);
  });

  it("rejects a gradient of the wrong length, and unknown options", () => {
    expect(() => minimize(rosen, [1, 2], { jac: () => [1, 2, 3] })).toThrow(/minimize: jac is .*, expected an array of length 2/);
    expect(() => minimize(rosen, [1, 2], { jac: rosenGrad, options: { gTol: 1e-3 } })).toThrow(/options.gTol/);
    expect(() => minimize(rosen, [1, 2], { method: "newton", jac: rosenGrad })).toThrow(/needs the full Hessian/);
    expect(() => minimize(() => "x" as unknown as number, [1, 2])).toThrow(/fun\(x\) is "x", expected a number/);
  });

  it("reports a NaN at x0 as a failure without iterating", () => {
    const r = minimize(() => Number.NaN, [1, 2], { jac: () => [0, 0] });
    expect(r.success).toBe(false);
    expect(r.status).toBe(3);
    expect(r.nit).toBe(0);
    expect(r.message).toMatch(/NaN at x0/);
  });

  it("ends cleanly when the line search runs into NaN (f undefined for x < 0)", () => {
    // f(x) = x on x ≥ 0 has no stationary point: every descent step heads into the NaN region.
    const f = (x: Float64Array) => (x[0] < 0 ? Number.NaN : x[0]);
    for (const method of ["bfgs", "cg", "lbfgs"]) {
      const r = minimize(f, [2], { method, jac: (x) => [x[0] < 0 ? Number.NaN : 1] });
      expect(r.success, method).toBe(false);
      expect(r.x[0], method).toBeGreaterThanOrEqual(0);
      expect(r.message, method).toMatch(/NaN/);
    }
  });

  it("never loops forever: maxiter bounds every method", () => {
    for (const method of ["bfgs", "cg", "lbfgs", "newton-cg", "trust-ncg", "trust-exact", "newton"]) {
      const r = minimize(rosen, [-1.2, 1], { method, jac: rosenGrad, hess: rosenHess, options: { maxiter: 3 } });
      expect(r.nit, method).toBeLessThanOrEqual(3);
      expect(r.success, method).toBe(false);
      expect(r.status, method).toBe(1);
    }
  });
});
