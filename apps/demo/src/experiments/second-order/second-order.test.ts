import { describe, expect, it } from "vitest";
import { loadBreastCancer, standardizeColumns } from "../../data/breast-cancer";
import { tinyContext } from "../test-support";
import { jacobianRows, meyerModel, osborneModel, residuals } from "./curve-models";
import { LogisticRegression } from "./logistic-regression";
import { secondOrderExperiment } from "./second-order";

describe("second-order experiment", () => {
  const result = secondOrderExperiment.run(tinyContext());
  const [logistic, meyer, osborne] = result.tables;
  const row = (table: (typeof result.tables)[number], prefix: string) => table.rows.find((r) => (r[0] as string).startsWith(prefix))!;

  it("has Newton converge in at least 10× fewer iterations than gradient descent", () => {
    const newton = row(logistic, "Newton")[3] as number;
    const gd = row(logistic, "gradient descent")[3] as number | null;
    expect(newton).toBeLessThan(15);
    // Gradient descent either reached the tolerance 10× later or not at all within its 3000 iterations.
    expect(gd === null || gd >= 10 * newton).toBe(true);
  });

  it("agrees on the minimum across Newton, BFGS, L-BFGS and CG", () => {
    const values = ["Newton", "BFGS", "L-BFGS", "nonlinear CG"].map((m) => row(logistic, m)[4] as number);
    for (const v of values) expect(v).toBeCloseTo(values[0], 8);
  });

  it("reaches the published minima of Meyer and Osborne 1 with Levenberg–Marquardt and Gauss–Newton", () => {
    // Moré, Garbow & Hillstrom (1981): Σr² = 87.9458 (Meyer), 5.46489e-5 (Osborne 1).
    for (const method of ["Levenberg", "Gauss"]) {
      expect(row(meyer, method)[2] as number).toBeCloseTo(87.9458, 3);
      expect((row(osborne, method)[2] as number) / 5.46489e-5).toBeCloseTo(1, 4);
    }
    // Meyer's parameters differ by six orders of magnitude: steepest descent cannot make progress.
    expect(row(meyer, "gradient")[2] as number).toBeGreaterThan(1e3 * 87.9458);
    for (const claim of result.claims) expect(claim.holds, claim.text).toBe(true);
  });
});

describe("LogisticRegression", () => {
  const all = loadBreastCancer();
  const problem = new LogisticRegression(standardizeColumns({ ...all, size: 40, inputs: all.inputs.slice(0, 40 * 30), labels: all.labels.slice(0, 40) }), 0.1);
  const theta = Float64Array.from({ length: 31 }, (_, i) => Math.sin(i) * 0.3);

  it("is log 2 at θ = 0 (every probability ½) plus no penalty", () => {
    expect(problem.value(new Float64Array(31))).toBeCloseTo(Math.LN2, 14);
  });

  it("has the gradient and Hessian of its value (central differences)", () => {
    const h = 1e-6;
    const g = problem.gradient(theta);
    const H = problem.hessian(theta);
    for (const j of [0, 7, 30]) {
      const plus = Float64Array.from(theta);
      const minus = Float64Array.from(theta);
      plus[j] += h;
      minus[j] -= h;
      expect(g[j]).toBeCloseTo((problem.value(plus) - problem.value(minus)) / (2 * h), 7);
      const dg = problem.gradient(plus).map((v, i) => (v - problem.gradient(minus)[i]) / (2 * h));
      for (const i of [0, 3, 30]) expect(H[i][j]).toBeCloseTo(dg[i], 6);
    }
  });
});

describe("curve models", () => {
  it("have the Jacobians of their residuals (central differences)", () => {
    for (const model of [meyerModel, osborneModel]) {
      const x = model.start.map((v) => v * 1.1);
      const J = jacobianRows(model, x);
      x.forEach((v, j) => {
        const h = 1e-6 * Math.max(1, Math.abs(v));
        const plus = x.map((u, k) => (k === j ? u + h : u));
        const minus = x.map((u, k) => (k === j ? u - h : u));
        const rp = residuals(model, plus);
        const rm = residuals(model, minus);
        // Relative error of a central difference: O(h²) truncation plus O(ε/h) rounding, far below 1e-5.
        J.forEach((row, i) => {
          expect(Math.abs(row[j] - (rp[i] - rm[i]) / (2 * h))).toBeLessThan(1e-5 * Math.max(1, Math.abs(row[j])));
        });
      });
    }
  });
});
