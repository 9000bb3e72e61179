import { describe, expect, it } from "vitest";
import { seeded } from "../test-problems";
import { enorm } from "./enorm";
import { qrfac } from "./qrfac";

describe("MINPACK kernels", () => {
  it("enorm neither overflows nor underflows", () => {
    // Naive sums would give Infinity and 0; the exact norms are √2·10²⁰⁰ and 5·10⁻²⁰⁰ (3-4-5).
    expect(enorm(Float64Array.of(1e200, 1e200))).toBeCloseTo(Math.SQRT2 * 1e200, -186);
    expect(enorm(Float64Array.of(3e-200, 4e-200)) / 5e-200).toBeCloseTo(1, 14);
    expect(enorm(Float64Array.of(3, 4))).toBe(5);
  });

  it("qrfac's R and Householder vectors reproduce A·P = Q·R, pivoting the largest column first", () => {
    const m = 7;
    const n = 4;
    const next = seeded(3);
    const a = Float64Array.from({ length: m * n }, () => 2 * next() - 1);
    for (let i = 0; i < m; i++) a[i + 2 * m] *= 10; // column 2 has the largest norm
    const work = Float64Array.from(a);
    const { ipvt, rdiag, acnorm } = qrfac(m, n, work);
    expect(ipvt[0]).toBe(2);
    for (let j = 0; j < n; j++) expect(acnorm[j]).toBeCloseTo(enorm(a, m, j * m), 14);
    // Apply Q = H₀H₁…H_{n−1} (Hⱼ = I − uⱼuⱼᵀ/uⱼⱼ) to R, column by column.
    for (let c = 0; c < n; c++) {
      const v = new Float64Array(m);
      for (let i = 0; i < c; i++) v[i] = work[i + c * m];
      v[c] = rdiag[c];
      for (let j = n - 1; j >= 0; j--) {
        const ujj = work[j + j * m];
        if (ujj === 0) continue;
        let s = 0;
        for (let i = j; i < m; i++) s += work[i + j * m] * v[i];
        for (let i = j; i < m; i++) v[i] -= (s / ujj) * work[i + j * m];
      }
      for (let i = 0; i < m; i++) expect(v[i]).toBeCloseTo(a[i + ipvt[c] * m], 12);
    }
  });
});
