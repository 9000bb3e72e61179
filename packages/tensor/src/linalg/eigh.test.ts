import { describe, expect, it } from "vitest";
import { denseEigh } from "./eigh";
import { matmul, randomMatrix, relativeError, seededUniform, transpose } from "./test-matrices";

function symmetric(n: number, seed: number): Float64Array {
  const g = randomMatrix(seededUniform(seed), n, n);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = g[i * n + j] + g[j * n + i];
  return a;
}

describe("denseEigh", () => {
  it("finds the eigenpairs of [[2, 1], [1, 2]]", () => {
    // Characteristic polynomial (2 − λ)² − 1: λ = 1 (vector (1, −1)/√2) and λ = 3 (vector (1, 1)/√2).
    const { values, vectors } = denseEigh(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(1, 15);
    expect(values[1]).toBeCloseTo(3, 15);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 15);
    expect(vectors[0] * vectors[2]).toBeCloseTo(-0.5, 15);
  });

  it.each([1, 3, 10, 40])("reconstructs V·diag(λ)·Vᵀ = A to 1e-12 (n = %i)", (n) => {
    const a = symmetric(n, 11 + n);
    const { values, vectors } = denseEigh(a, n);
    for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
    const scaled = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scaled[i * n + j] = vectors[i * n + j] * values[j];
    expect(relativeError(matmul(scaled, transpose(vectors, n, n), n, n, n), a)).toBeLessThan(1e-12);
    const identity = new Float64Array(n * n);
    for (let i = 0; i < n; i++) identity[i * n + i] = 1;
    expect(relativeError(matmul(transpose(vectors, n, n), vectors, n, n, n), identity)).toBeLessThan(1e-12);
  });

  it("handles a repeated eigenvalue", () => {
    // 3·I − (1,1,1)(1,1,1)ᵀ has eigenvalue 0 (vector (1,1,1)) and 3 twice.
    const a = Float64Array.from([2, -1, -1, -1, 2, -1, -1, -1, 2]);
    const { values } = denseEigh(a, 3);
    expect(values[0]).toBeCloseTo(0, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(values[2]).toBeCloseTo(3, 14);
  });
});
