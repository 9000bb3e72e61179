import { describe, expect, it } from "vitest";
import { MGH_PROBLEMS, reachedMinimum, sumOfSquares, type MghProblem } from "./mgh";

function byName(name: string): MghProblem {
  const p = MGH_PROBLEMS.find((q) => q.name === name);
  if (p === undefined) throw new Error(`no problem ${name}`);
  return p;
}

/**
 * Central differences of f, step 1e-6·max(1, |xⱼ|): an independent check of each hand-written
 * Jacobian. Their error is about ε·|f|/h, up to 1e-5 of the gradient on Brown's badly scaled
 * problem (f ≈ 10¹² at x₀), while a wrong Jacobian entry is off by O(1).
 */
function numericGradient(f: (x: Float64Array) => number, x: Float64Array): Float64Array {
  const g = new Float64Array(x.length);
  for (let j = 0; j < x.length; j++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[j]));
    const up = x.slice();
    const down = x.slice();
    up[j] += h;
    down[j] -= h;
    g[j] = (f(up) - f(down)) / (2 * h);
  }
  return g;
}

describe("Moré–Garbow–Hillstrom problems", () => {
  for (const p of MGH_PROBLEMS) {
    it(`${p.name}: the gradient 2Jᵀr matches central differences at x₀ and near it`, () => {
      const fg = sumOfSquares(p);
      const points = [Float64Array.from(p.x0), Float64Array.from(p.x0, (v, j) => v + 0.1 * (j + 1))];
      for (const x of points) {
        const [, g] = fg(x);
        const numeric = numericGradient((y) => fg(y)[0], x);
        const scale = Math.max(1, ...Array.from(numeric, Math.abs));
        for (let j = 0; j < x.length; j++) expect(Math.abs(g[j] - numeric[j]) / scale).toBeLessThan(2e-5);
      }
    });
  }

  it("vanishes at the minimizers the paper gives", () => {
    // Moré, Garbow & Hillstrom (1981), section 3: f = 0 at these points.
    const zeros: [string, number[]][] = [
      ["rosenbrock", [1, 1]],
      ["freudenstein-roth", [5, 4]],
      ["brown-badly-scaled", [1e6, 2e-6]],
      ["beale", [3, 0.5]],
      ["helical-valley", [1, 0, 0]],
      ["box-3d", [1, 10, 1]],
      ["powell-singular", [0, 0, 0, 0]],
      ["wood", [1, 1, 1, 1]],
      ["biggs-exp6", [1, 10, 1, 5, 4, 3]],
      ["variably-dimensioned-n10", new Array<number>(10).fill(1)],
    ];
    for (const [name, x] of zeros) expect(sumOfSquares(byName(name))(Float64Array.from(x))[0]).toBeLessThan(1e-20);
  });

  it("starts where the paper starts: Rosenbrock f(−1.2, 1) = 24.2, Wood f(−3, −1, −3, −1) = 19192", () => {
    // (1 − x)² + 100(y − x²)² = 2.2² + 100·0.44² = 4.84 + 19.36; Wood's value is the paper's f(x₀).
    expect(sumOfSquares(byName("rosenbrock"))(Float64Array.from([-1.2, 1]))[0]).toBeCloseTo(24.2, 10);
    expect(sumOfSquares(byName("wood"))(Float64Array.from([-3, -1, -3, -1]))[0]).toBeCloseTo(19192, 8);
  });

  it("accepts a final value as a known minimum to the paper's 6 digits, or within 1e-8 of 0", () => {
    const bard = byName("bard");
    expect(reachedMinimum(bard, 8.214877e-3)).toBe(true);
    expect(reachedMinimum(bard, 8.3e-3)).toBe(false);
    expect(reachedMinimum(byName("rosenbrock"), 5e-9)).toBe(true);
    expect(reachedMinimum(byName("rosenbrock"), 1e-6)).toBe(false);
  });
});
