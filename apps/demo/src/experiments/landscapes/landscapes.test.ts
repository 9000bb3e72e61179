import { describe, expect, it } from "vitest";
import type { ContourPlot } from "../../report/result";
import { tinyContext } from "../test-support";
import { beale, himmelblau, quadratic, saddle } from "./functions";
import { landscapesExperiment } from "./landscapes";
import { trajectory } from "./trajectory";

describe("landscapes experiment", () => {
  const result = landscapesExperiment.run(tinyContext());

  it("states claims that hold on this run", () => {
    expect(result.claims).toHaveLength(5);
    for (const claim of result.claims) expect(claim.holds, claim.text).toBe(true);
  });

  it("draws a contour plot with one path per method for each function", () => {
    const contours = result.figures.filter((f): f is ContourPlot => f.kind === "contour");
    expect(contours).toHaveLength(5);
    for (const c of contours) expect(c.paths).toHaveLength(8);
  });
});

describe("trajectory", () => {
  it("takes plain gradient steps for SGD: x ← (1 − lr)x, y ← (1 − 20 lr)y on ½(x² + 20y²)", () => {
    const points = trajectory(quadratic, "SGD", 0.01);
    // (1 − 0.01)^t · (−4.5) and (1 − 0.2)^t · 1.5 at t = 10.
    expect(points[10][0]).toBeCloseTo(-4.5 * 0.99 ** 10, 12);
    expect(points[10][1]).toBeCloseTo(1.5 * 0.8 ** 10, 12);
  });

  it("solves the quadratic in one Newton step", () => {
    expect(trajectory(quadratic, "Newton", 1)[1]).toEqual([0, 0]);
  });

  it("moves Newton by x ← 2x/3 on the saddle, so it converges to the saddle point", () => {
    // f = y⁴ − x⁴: ∂f/∂x = −4x³, ∂²f/∂x² = −12x², so x − (−4x³)/(−12x²) = 2x/3 (and the same for y).
    const points = trajectory(saddle, "Newton", 1);
    expect(points[3][0]).toBeCloseTo(saddle.start[0] * (2 / 3) ** 3, 14);
    expect(points[3][1]).toBeCloseTo(saddle.start[1] * (2 / 3) ** 3, 14);
  });

  it("reaches Beale's minimum with Adam and a Himmelblau minimum with SGD", () => {
    const [x, y] = trajectory(beale, "Adam", 0.3).at(-1)!;
    expect(Math.hypot(x - 3, y - 0.5)).toBeLessThan(1e-3);
    const [hx, hy] = trajectory(himmelblau, "SGD", 0.01).at(-1)!;
    expect(himmelblau.f(hx, hy)).toBeLessThan(1e-10);
  });
});
