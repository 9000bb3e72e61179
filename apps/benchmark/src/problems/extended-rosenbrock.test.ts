import { describe, expect, it } from "vitest";
import { extendedRosenbrock, extendedRosenbrockStart } from "./extended-rosenbrock";

describe("extended Rosenbrock", () => {
  it("is n/2 copies of the 2-D function: 24.2 per pair at the standard start", () => {
    // (1 + 1.2)² + 100 (1 − 1.44)² = 4.84 + 19.36 = 24.2 per pair.
    expect(extendedRosenbrock(extendedRosenbrockStart(2))[0]).toBeCloseTo(24.2, 12);
    expect(extendedRosenbrock(extendedRosenbrockStart(100))[0]).toBeCloseTo(50 * 24.2, 9);
    expect(extendedRosenbrock(new Float64Array(10).fill(1))[0]).toBe(0);
  });

  it("has the gradient of central differences", () => {
    const x = Float64Array.from([-1.2, 1, 0.3, -0.7]);
    const [, g] = extendedRosenbrock(x);
    for (let j = 0; j < x.length; j++) {
      const up = x.slice();
      const down = x.slice();
      up[j] += 1e-6;
      down[j] -= 1e-6;
      const numeric = (extendedRosenbrock(up)[0] - extendedRosenbrock(down)[0]) / 2e-6;
      expect(g[j]).toBeCloseTo(numeric, 4);
    }
  });
});
