import { describe, expect, it } from "vitest";
import { denseQr } from "./qr";
import { matmul, randomMatrix, relativeError, seededUniform, transpose } from "./test-matrices";

function identity(k: number): Float64Array {
  const e = new Float64Array(k * k);
  for (let i = 0; i < k; i++) e[i * k + i] = 1;
  return e;
}

describe("denseQr", () => {
  it("factors a 2×2 by hand", () => {
    // [[3, 1], [4, 2]]: the first column has norm 5, so R[0][0] = ∓5 and |R[1][1]| = |det|/5 = 2/5.
    const { q, r } = denseQr(Float64Array.from([3, 1, 4, 2]), 2, 2);
    expect(Math.abs(r[0])).toBeCloseTo(5, 14);
    expect(Math.abs(r[3])).toBeCloseTo(0.4, 14);
    expect(relativeError(matmul(q, r, 2, 2, 2), [3, 1, 4, 2])).toBeLessThan(1e-15);
  });

  it.each([
    [6, 6],
    [50, 20],
    [20, 50],
    [200, 200],
    [1, 4],
    [4, 1],
  ])("reconstructs a random %i×%i matrix to 1e-12 with orthonormal Q", (m, n) => {
    const a = randomMatrix(seededUniform(m * 1000 + n), m, n);
    const { q, r, k } = denseQr(a, m, n);
    expect(k).toBe(Math.min(m, n));
    expect(relativeError(matmul(q, r, m, k, n), a)).toBeLessThan(1e-12);
    expect(relativeError(matmul(transpose(q, m, k), q, k, m, k), identity(k))).toBeLessThan(1e-12);
    for (let i = 0; i < k; i++) for (let j = 0; j < Math.min(i, n); j++) expect(r[i * n + j]).toBe(0);
  });

  it("gives a square Q in complete mode", () => {
    const m = 9;
    const n = 4;
    const a = randomMatrix(seededUniform(3), m, n);
    const { q, r, k } = denseQr(a, m, n, { mode: "complete" });
    expect(k).toBe(m);
    expect(relativeError(matmul(q, r, m, m, n), a)).toBeLessThan(1e-12);
    expect(relativeError(matmul(transpose(q, m, m), q, m, m, m), identity(m))).toBeLessThan(1e-12);
  });

  it("handles a zero column", () => {
    const a = Float64Array.from([0, 1, 0, 2, 0, 3]);
    const { q, r, k } = denseQr(a, 3, 2);
    expect(relativeError(matmul(q, r, 3, k, 2), a)).toBeLessThan(1e-15);
  });
});
