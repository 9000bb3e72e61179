import { describe, expect, test } from "vitest";
import { FUNCTION_IDS, testFunction } from "./test-functions";

describe("test functions", () => {
  // Central differences with h = 1e-6 have error O(h²·f''') ≈ 1e-9 relative here.
  test.each(FUNCTION_IDS)("%s: the gradient matches central differences", (id) => {
    const fn = testFunction(id, 7);
    const out = new Float64Array(2);
    const h = 1e-6;
    for (const [x, y] of [[0.3, -0.7], [-1.2, 1.9], [2.1, 0.4], fn.start]) {
      fn.gradient(x, y, out);
      const dx = (fn.value(x + h, y) - fn.value(x - h, y)) / (2 * h);
      const dy = (fn.value(x, y + h) - fn.value(x, y - h)) / (2 * h);
      expect(out[0]).toBeCloseTo(dx, 4);
      expect(out[1]).toBeCloseTo(dy, 4);
    }
  });

  // The known minimizers from the literature: f = 0 and ∇f = 0 there (Himmelblau's three
  // irrational ones are given to 6 decimals, so only to about 1e-4).
  test.each(FUNCTION_IDS.filter((id) => id !== "saddle"))("%s: the marked minima are stationary with value 0", (id) => {
    const fn = testFunction(id, 7);
    const out = new Float64Array(2);
    for (const [x, y] of fn.minima) {
      expect(fn.value(x, y)).toBeCloseTo(0, 8);
      fn.gradient(x, y, out);
      expect(Math.hypot(out[0], out[1])).toBeLessThan(1e-4);
    }
  });

  test("the quadratic's Hessian is diag(1, κ)", () => {
    // ∇f(1, 1) − ∇f(0, 0) = (1, κ) for f = (x² + κ y²)/2.
    const out = new Float64Array(2);
    testFunction("quadratic", 25).gradient(1, 1, out);
    expect(Array.from(out)).toEqual([1, 25]);
  });
});
