import { describe, expect, it } from "vitest";
import { dot } from "../vector";
import { lineSearchWolfe1, lineSearchWolfe2, scalarSearchWolfe2 } from "./wolfe";
import { cubicMinimizer, quadraticMinimizer } from "./zoom";

const rosen = (x: Float64Array) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
const rosenGrad = (x: Float64Array) => Float64Array.of(-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2));

describe("Wolfe line searches", () => {
  const starts = [
    [-1.2, 1],
    [0, 0],
    [2, -1],
    [-0.5, 3],
  ];

  it.each(starts)("lineSearchWolfe1 and lineSearchWolfe2 satisfy the strong Wolfe conditions along −∇f from (%d, %d)", (a, b) => {
    const x = Float64Array.of(a, b);
    const g = rosenGrad(x);
    const p = g.map((v) => -v);
    const f0 = rosen(x);
    const slope0 = dot(g, p);
    for (const search of [lineSearchWolfe1, lineSearchWolfe2]) {
      const out = search({ f: rosen, fprime: rosenGrad }, x, p, { gfk: g, oldFval: f0, c1: 1e-4, c2: 0.9 });
      expect(out.alpha).not.toBeNull();
      const alpha = out.alpha!;
      const xa = x.map((v, i) => v + alpha * p[i]);
      expect(rosen(xa)).toBeLessThanOrEqual(f0 + 1e-4 * alpha * slope0);
      expect(Math.abs(dot(rosenGrad(xa), p))).toBeLessThanOrEqual(0.9 * Math.abs(slope0));
      expect(out.fval).toBe(rosen(xa));
    }
  });

  it("scalarSearchWolfe2 brackets and zooms on φ(α) = (α − 5)²", () => {
    // From α₁ = 1 the slope −8 is too steep for c₂ = 0.1 (|φ'| ≤ 1 needed), so the step doubles
    // to 2 and 4 (φ'(4) = −2), then 8 overshoots (φ'(8) = 6 > 0) and zoom interpolates the
    // quadratic between 4 and 8: its minimizer 5 satisfies both conditions exactly.
    const out = scalarSearchWolfe2((a) => (a - 5) ** 2, (a) => 2 * (a - 5), { c1: 1e-4, c2: 0.1 });
    expect(out.alpha).toBe(5);
    expect(out.derphi).toBe(0);
  });

  it("honours the extra acceptance condition", () => {
    const seen: number[] = [];
    const out = scalarSearchWolfe2(
      (a) => (a - 5) ** 2,
      (a) => 2 * (a - 5),
      { c2: 0.9, extraCondition: (a) => (seen.push(a), a > 4) },
    );
    expect(out.alpha).toBeGreaterThan(4);
    expect(seen.length).toBeGreaterThan(1);
  });

  it("interpolates exactly", () => {
    // The quadratic through (0, 1) with slope −2 and (2, 1) is (α − 1)²: minimizer 1.
    expect(quadraticMinimizer(0, 1, -2, 2, 1)).toBe(1);
    // The cubic α³ − 3α (slope −3 at 0) through (0, 0), (2, 2), (−1, 2): minimizer 1.
    expect(cubicMinimizer(0, 0, -3, 2, 2, -1, 2)).toBeCloseTo(1, 14);
    expect(quadraticMinimizer(0, 1, -2, 0, 1)).toBeNull();
  });
});
