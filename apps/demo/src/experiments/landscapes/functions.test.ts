import { describe, expect, it } from "vitest";
import { landscapes } from "./functions";

// Central differences, step h: error O(h²) times the third (for the Hessian, fourth) derivative.
const h = 1e-5;

describe.each(landscapes.map((l) => [l.id, l] as const))("%s", (_, landscape) => {
  const points: [number, number][] = [landscape.start as [number, number], [0.3, -0.7], [1.1, 0.4], [-2, 1.3]];

  it("has the gradient of its f (central differences)", () => {
    for (const [x, y] of points) {
      const [gx, gy] = landscape.gradient(x, y);
      const dx = (landscape.f(x + h, y) - landscape.f(x - h, y)) / (2 * h);
      const dy = (landscape.f(x, y + h) - landscape.f(x, y - h)) / (2 * h);
      expect(gx).toBeCloseTo(dx, 3);
      expect(gy).toBeCloseTo(dy, 3);
    }
  });

  it("has the Hessian of its gradient (central differences)", () => {
    for (const [x, y] of points) {
      const [fxx, fxy, fyy] = landscape.hessian(x, y);
      const gxPlus = landscape.gradient(x + h, y);
      const gxMinus = landscape.gradient(x - h, y);
      const gyPlus = landscape.gradient(x, y + h);
      const gyMinus = landscape.gradient(x, y - h);
      expect(fxx).toBeCloseTo((gxPlus[0] - gxMinus[0]) / (2 * h), 3);
      expect(fxy).toBeCloseTo((gyPlus[0] - gyMinus[0]) / (2 * h), 3);
      expect(fyy).toBeCloseTo((gyPlus[1] - gyMinus[1]) / (2 * h), 3);
    }
  });

  it("is 0 with a zero gradient at each listed minimum", () => {
    for (const [x, y] of landscape.minima) {
      expect(landscape.f(x, y)).toBeCloseTo(0, 8);
      // Himmelblau's three irrational minima are given to 6 decimals: the gradient there is O(1e-5).
      for (const g of landscape.gradient(x, y)) expect(Math.abs(g)).toBeLessThan(1e-4);
    }
  });
});
