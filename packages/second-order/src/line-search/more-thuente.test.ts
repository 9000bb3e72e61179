import { describe, expect, it } from "vitest";
import { Dcsrch, moreThuente } from "./more-thuente";

/** Moré & Thuente's test functions (1994, §5), φ and φ'. */
const tests: [string, (a: number) => readonly [number, number]][] = [
  // (5.1) φ(α) = −α/(α² + β), β = 2: minimizer √2.
  ["-a/(a^2+2)", (a) => [-a / (a * a + 2), (a * a - 2) / (a * a + 2) ** 2]],
  // (5.2) φ(α) = (α + β)⁵ − 2(α + β)⁴, β = 0.004: minimizer 1.6 − β.
  ["(a+b)^5-2(a+b)^4", (a) => [(a + 0.004) ** 5 - 2 * (a + 0.004) ** 4, 5 * (a + 0.004) ** 4 - 8 * (a + 0.004) ** 3]],
  // A quadratic with minimizer 3.
  ["(a-3)^2", (a) => [(a - 3) ** 2, 2 * (a - 3)]],
];

describe("moreThuente (MINPACK-2 dcsrch)", () => {
  it.each(tests)("finds a step satisfying the strong Wolfe conditions on %s from every start", (_name, phi) => {
    const [phi0, derphi0] = phi(0);
    for (const alpha1 of [1e-3, 1e-1, 1, 10, 1000]) {
      for (const [c1, c2] of [
        [1e-3, 0.1],
        [1e-4, 0.9],
        [0.1, 0.1],
      ]) {
        const out = moreThuente(phi, alpha1, { ftol: c1, gtol: c2, stpmin: 0, stpmax: 1e10, xtol: 1e-10 });
        expect(out.task, `α₁ = ${alpha1}`).toBe("CONVERGENCE");
        const alpha = out.alpha!;
        const [f, g] = phi(alpha);
        expect(f).toBeLessThanOrEqual(phi0 + c1 * alpha * derphi0);
        expect(Math.abs(g)).toBeLessThanOrEqual(c2 * Math.abs(derphi0));
        expect(out.evaluations).toBeLessThanOrEqual(30);
      }
    }
  });

  it("lands on the quadratic's exact minimizer after one interpolation", () => {
    // From α = 1 on (α − 3)²: φ(1) = 4, φ'(1) = −4 < 0 with |φ'(1)| > 0.1·6, so dcstep extrapolates;
    // the cubic through φ(0), φ'(0), φ(1), φ'(1) of a quadratic is the quadratic: its minimizer 3
    // is clipped to the extrapolation bracket [1 + 1.1, 1 + 4] = [2.1, 5] and taken.
    const out = moreThuente(tests[2][1], 1, { ftol: 1e-4, gtol: 0.1, stpmin: 0, stpmax: 100 });
    expect(out.alpha).toBe(3);
    // φ(0) (not given), φ(1), φ(3).
    expect(out.evaluations).toBe(3);
  });

  it("reports its argument errors as tasks", () => {
    const search = new Dcsrch({ ftol: 1e-4, gtol: 0.9, xtol: 0.1, stpmin: 0, stpmax: 10 });
    expect(search.start(1, 0, 1).task).toBe("ERROR: INITIAL G .GE. ZERO");
    expect(search.start(20, 0, -1).task).toBe("ERROR: STP .GT. STPMAX");
    expect(() => moreThuente(tests[0][1], 0)).toThrow(/moreThuente: alpha1 is 0, expected a positive number/);
  });

  it("stops at stpmax when φ decreases all the way", () => {
    // φ(α) = −α: sufficient decrease holds everywhere and the slope never flattens.
    const out = moreThuente((a) => [-a, -1], 1, { stpmin: 0, stpmax: 8 });
    expect(out.task).toBe("WARNING: STP = STPMAX");
    expect(out.alpha).toBeNull();
  });
});
