import { InvalidArgumentError, denseCholesky, denseCholeskySolve } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { leastSquares } from "./least-squares";
import { seeded } from "./test-problems";

const t = Float64Array.from({ length: 8 }, (_, i) => i);
const y = Float64Array.of(3.1, 2.2, 1.52, 1.1, 0.78, 0.55, 0.41, 0.29);
const expResiduals = (x: Float64Array) => t.map((ti, i) => x[0] * Math.exp(x[1] * ti) - y[i]);
const expJacobian = (x: Float64Array) => Array.from(t, (ti) => [Math.exp(x[1] * ti), x[0] * ti * Math.exp(x[1] * ti)]);

const rosenResiduals = (x: Float64Array) => [10 * (x[1] - x[0] ** 2), 1 - x[0]];
const rosenJacobian = (x: Float64Array) => [
  [-20 * x[0], 10],
  [-1, 0],
];

describe("leastSquares, method lm (MINPACK lmder)", () => {
  it("matches SciPy 1.10 on an exponential decay fit y ≈ a·e^(bt)", () => {
    // least_squares(f, [1, 0], jac=J, method='lm'): x = [3.09459806, -0.34513068],
    // cost 0.0008494909473503482, nfev 7, njev 6, status 2 (ftol).
    const r = leastSquares(expResiduals, [1, 0], { jac: expJacobian });
    expect(r.status).toBe(2);
    expect(r.success).toBe(true);
    expect(r.nfev).toBe(7);
    expect(r.njev).toBe(6);
    expect(r.x[0]).toBeCloseTo(3.09459806, 8);
    expect(r.x[1]).toBeCloseTo(-0.34513068, 8);
    expect(Math.abs(r.cost - 0.0008494909473503482)).toBeLessThan(1e-15);
    expect(r.jac.length).toBe(16);
    expect(r.optimality).toBeLessThan(1e-6);
  });

  it("takes SciPy's 19 evaluations with a finite-difference Jacobian (lmdif counts them)", () => {
    const r = leastSquares(expResiduals, [1, 0]);
    expect(r.nfev).toBe(19);
    expect(r.x[0]).toBeCloseTo(3.09459806, 7);
    expect(r.message).toMatch(/finite differences/);
  });

  it("solves Rosenbrock's residuals exactly in SciPy's 21 evaluations and 16 Jacobians", () => {
    const r = leastSquares(rosenResiduals, [-1.2, 1], { jac: rosenJacobian });
    expect(Array.from(r.x)).toEqual([1, 1]);
    expect(r.cost).toBe(0);
    expect([r.nfev, r.njev, r.status]).toEqual([21, 16, 1]);
  });

  it("stops on the evaluation budget with status 0", () => {
    const r = leastSquares(rosenResiduals, [-1.2, 1], { jac: rosenJacobian, maxNfev: 5 });
    expect(r.status).toBe(0);
    expect(r.success).toBe(false);
    expect(r.nfev).toBe(5);
  });

  it("honours xScale, including Marquardt's 'jac' scaling", () => {
    const r = leastSquares(expResiduals, [1, 0], { jac: expJacobian, xScale: "jac" });
    expect(r.x[0]).toBeCloseTo(3.09459806, 8);
    expect(r.nfev).toBe(7);
    expect(leastSquares(expResiduals, [1, 0], { jac: expJacobian, xScale: [1, 0.1] }).x[1]).toBeCloseTo(-0.34513068, 8);
  });
});

describe("leastSquares on a linear problem r = Ax − b", () => {
  const m = 30;
  const n = 6;
  const next = seeded(5);
  const a = Float64Array.from({ length: m * n }, () => 2 * next() - 1);
  const b = Float64Array.from({ length: m }, () => next() - 0.5);
  const residuals = (x: Float64Array) => {
    const r = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = -b[i];
      for (let j = 0; j < n; j++) s += a[i * n + j] * x[j];
      r[i] = s;
    }
    return r;
  };
  // The normal equations AᵀA·x = Aᵀb, solved by Cholesky: an independent route to the minimizer.
  const ata = new Float64Array(n * n);
  const atb = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      atb[j] += a[i * n + j] * b[i];
      for (let k = 0; k < n; k++) ata[j * n + k] += a[i * n + j] * a[i * n + k];
    }
  }
  const normal = denseCholeskySolve(denseCholesky(ata, n), n, atb);

  it.each(["gauss-newton", "lm", "levenberg"] as const)("%s finds the normal-equations solution", (method) => {
    const r = leastSquares(residuals, new Float64Array(n), { method, jac: () => a });
    expect(r.success).toBe(true);
    for (let j = 0; j < n; j++) expect(Math.abs(r.x[j] - normal[j])).toBeLessThan(1e-10);
  });

  it("gauss-newton gets there in one step: two evaluations of r", () => {
    const r = leastSquares(residuals, new Float64Array(n), { method: "gauss-newton", jac: () => a });
    expect(r.nfev).toBe(2);
    expect(r.njev).toBe(2);
  });
});

describe("leastSquares, gauss-newton and levenberg on nonlinear problems", () => {
  it.each(["gauss-newton", "levenberg"] as const)("%s fits the exponential decay to SciPy's minimum", (method) => {
    const r = leastSquares(expResiduals, [1, 0], { method, jac: expJacobian });
    expect(r.success).toBe(true);
    expect(r.cost).toBeLessThan(0.0008494909473503482 * (1 + 1e-10));
    expect(r.x[1]).toBeCloseTo(-0.34513068, 7);
  });

  it.each(["gauss-newton", "levenberg"] as const)("%s solves Rosenbrock's residuals", (method) => {
    const r = leastSquares(rosenResiduals, [-1.2, 1], { method, jac: rosenJacobian });
    expect(r.success).toBe(true);
    expect(r.cost).toBeLessThan(1e-20);
  });

  it("gauss-newton survives a rank-deficient Jacobian", () => {
    // r = (x₀ + x₁ − 2, x₀ + x₁ − 2): J = [[1, 1], [1, 1]] has rank 1; any x₀ + x₁ = 2 is optimal.
    const r = leastSquares((x) => [x[0] + x[1] - 2, x[0] + x[1] - 2], [5, 7], { method: "gauss-newton", jac: () => [1, 1, 1, 1] });
    expect(r.success).toBe(true);
    expect(r.x[0] + r.x[1]).toBeCloseTo(2, 12);
  });
});

describe("leastSquares with bad input", () => {
  it("rejects NaN in x0, fewer residuals than variables and unknown options", () => {
    expect(() => leastSquares(rosenResiduals, [Number.NaN, 1])).toThrow(InvalidArgumentError);
    expect(() => leastSquares((x) => [x[0] + x[1]], [1, 1])).toThrow(/leastSquares: residuals\(x0\).length is 1, expected at least n = 2/);
    expect(() => leastSquares(rosenResiduals, [1, 1], { maxNFev: 3 } as never)).toThrow(/options.maxNFev/);
    expect(() => leastSquares(rosenResiduals, [1, 1], { ftol: 1e-20 })).toThrow(/machine epsilon/);
    expect(() => leastSquares(rosenResiduals, [1, 1], { xScale: [1, -1] })).toThrow(/xScale/);
  });

  it("rejects residuals and Jacobians of the wrong size", () => {
    let calls = 0;
    const growing = (x: Float64Array) => (++calls > 1 ? [x[0], x[1], 0] : [x[0], x[1]]);
    expect(() => leastSquares(growing, [1, 1])).toThrow(/residuals\(x\) is .*, expected an array of length 2/);
    expect(() => leastSquares(rosenResiduals, [1, 1], { jac: () => [1, 2, 3] })).toThrow(/jac\(x\) is .*, expected an 2×2 matrix/);
  });

  it("ends cleanly when the residuals turn NaN away from x0", () => {
    // r = √x − 1 for x ≥ 0 only; lm's steps that land at x < 0 are rejected (actual reduction −1).
    const r = leastSquares((x) => [Math.sqrt(x[0]) - 3], [0.01], { jac: (x) => [[0.5 / Math.sqrt(x[0])]] });
    expect(Number.isFinite(r.cost)).toBe(true);
    expect(r.x[0]).toBeCloseTo(9, 6);
    const bad = leastSquares(() => [Number.NaN], [1]);
    expect(bad.success).toBe(false);
    expect(bad.message).toMatch(/NaN/);
  });
});
