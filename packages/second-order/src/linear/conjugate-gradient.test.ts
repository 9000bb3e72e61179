import { denseSolve } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { randomSpd, seeded } from "../test-problems";
import { conjugateGradient } from "./conjugate-gradient";

describe("conjugateGradient", () => {
  it.each([5, 20, 60])("solves a random SPD system of size %i in at most n iterations", (n) => {
    const next = seeded(n);
    const a = randomSpd(next, n, n);
    const b = Float64Array.from({ length: n }, () => next() - 0.5);
    const out = conjugateGradient(a, b, { tol: 1e-12 });
    expect(out.converged).toBe(true);
    expect(out.iterations).toBeLessThanOrEqual(n);
    const exact = denseSolve(a, n, b);
    for (let i = 0; i < n; i++) expect(Math.abs(out.x[i] - exact[i])).toBeLessThan(1e-10);
  });

  it("solves a 2×2 by hand in two steps", () => {
    // [[4, 1], [1, 3]]·x = [1, 2] → x = [1/11, 7/11] (Nocedal & Wright's example 5.1 matrix).
    const out = conjugateGradient(Float64Array.of(4, 1, 1, 3), [1, 2]);
    expect(out.iterations).toBe(2);
    expect(out.x[0]).toBeCloseTo(1 / 11, 14);
    expect(out.x[1]).toBeCloseTo(7 / 11, 14);
  });

  it("takes an operator and a preconditioner: Jacobi on a diagonal system converges in one step", () => {
    const d = Float64Array.from({ length: 30 }, (_, i) => 10 ** ((i % 7) - 3));
    const b = Float64Array.from({ length: 30 }, (_, i) => i + 1);
    const apply = (v: Float64Array) => v.map((x, i) => d[i] * x);
    const plain = conjugateGradient(apply, b, { tol: 1e-12 });
    const jacobi = conjugateGradient(apply, b, { tol: 1e-12, preconditioner: (r) => r.map((x, i) => x / d[i]) });
    expect(jacobi.iterations).toBe(1);
    expect(plain.iterations).toBeGreaterThan(1);
    for (let i = 0; i < 30; i++) expect(jacobi.x[i]).toBeCloseTo(b[i] / d[i], 6);
  });

  it("stops on negative curvature instead of returning NaN", () => {
    const out = conjugateGradient(Float64Array.of(1, 0, 0, -1), [1, 1]);
    expect(out.converged).toBe(false);
    expect(out.message).toMatch(/not positive definite/);
    expect(out.x.every((v) => Number.isFinite(v))).toBe(true);
  });

  it("validates its input", () => {
    expect(() => conjugateGradient(Float64Array.of(1, 0, 0, 1), [1, Number.NaN])).toThrow(/conjugateGradient: b is/);
    expect(() => conjugateGradient(new Float64Array(3), [1, 1])).toThrow(/an 2×2 matrix/);
    expect(() => conjugateGradient(() => [1, 2, 3], [1, 1])).toThrow(/aop\(v\) is/);
  });
});
