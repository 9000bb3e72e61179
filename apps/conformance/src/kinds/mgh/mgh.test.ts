import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mghProblems, sumOfSquares } from "./index";

interface SecondOrderCase {
  id: string;
  problem: string;
  n: number;
  m: number;
  x0: number[];
  reference: { x: number[]; fun: number };
}

const cases = (JSON.parse(readFileSync(new URL("../../../cases/second-order.json", import.meta.url), "utf8")) as { cases: SecondOrderCase[] }).cases;

/** One case per (problem, n): the derivatives do not depend on the method. */
const problems = [...new Map(cases.map((c) => [`${c.problem}-${c.n}`, c])).values()];

/** A fixed pseudo-random perturbation, so the checks also run away from the standard point. */
function perturbed(x: readonly number[], seed: number): Float64Array {
  let s = seed;
  return Float64Array.from(x, (v) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return v + 0.05 * (s / 2147483648 - 0.5) * Math.max(1, Math.abs(v));
  });
}

/** Central difference of a vector function along coordinate j. */
function centralDifference(f: (x: Float64Array) => Float64Array, x: Float64Array, j: number): Float64Array {
  const h = 1e-6 * Math.max(1, Math.abs(x[j]));
  const plus = Float64Array.from(x);
  const minus = Float64Array.from(x);
  plus[j] += h;
  minus[j] -= h;
  const fp = f(plus);
  const fm = f(minus);
  return fp.map((v, i) => (v - fm[i]) / (plus[j] - minus[j]));
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

describe("MGH problems", () => {
  it("covers every problem of the cases", () => {
    for (const c of cases) expect(mghProblems.has(c.problem), c.problem).toBe(true);
  });

  describe.each(problems.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const problem = mghProblems.get(c.problem)!;
    const points = [Float64Array.from(c.x0), perturbed(c.x0, 7), perturbed(c.reference.x, 11)];

    it("has a Jacobian equal to central differences of the residuals", () => {
      for (const x of points) {
        const jac = problem.jacobian(x, c.m);
        // Truncation error O(h²) plus the rounding of r itself, ε·|r|/h (Brown badly scaled has r ≈ 10⁶).
        const rounding = (4 * Number.EPSILON * maxAbs(problem.residuals(x, c.m))) / 1e-6;
        const scale = Math.max(1, maxAbs(jac));
        for (let j = 0; j < c.n; j++) {
          const fd = centralDifference((y) => problem.residuals(y, c.m), x, j);
          for (let i = 0; i < c.m; i++) {
            expect(Math.abs(fd[i] - jac[i * c.n + j]), `J[${i}][${j}]`).toBeLessThan(1e-6 * scale + rounding / Math.max(1, Math.abs(x[j])));
          }
        }
      }
    });

    it("has a residual curvature Σ wᵢ∇²rᵢ equal to central differences of Jᵀw", () => {
      for (const x of points) {
        const w = perturbed(Array.from({ length: c.m }, (_, i) => (i % 3) - 1), 3);
        const jtw = (y: Float64Array) => {
          const jac = problem.jacobian(y, c.m);
          const out = new Float64Array(c.n);
          for (let i = 0; i < c.m; i++) for (let k = 0; k < c.n; k++) out[k] += jac[i * c.n + k] * w[i];
          return out;
        };
        const h = problem.residualCurvature(x, c.m, w);
        const scale = Math.max(1, maxAbs(h), maxAbs(jtw(x)));
        for (let j = 0; j < c.n; j++) {
          const fd = centralDifference(jtw, x, j);
          for (let k = 0; k < c.n; k++) expect(Math.abs(fd[k] - h[k * c.n + j]), `W[${k}][${j}]`).toBeLessThan(1e-6 * scale);
        }
      }
    });

    it("gives SciPy's f at SciPy's minimizer (data and formula match the paper's)", () => {
      const objective = sumOfSquares(problem, c.n, c.m);
      const f = objective.value(Float64Array.from(c.reference.x));
      expect(Math.abs(f - c.reference.fun)).toBeLessThanOrEqual(1e-9 * Math.max(1e-10, Math.abs(c.reference.fun)) + 1e-20);
    });
  });
});
