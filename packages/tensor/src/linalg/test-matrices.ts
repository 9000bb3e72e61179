// Helpers for the linalg tests only (not exported by the package): a seeded PRNG and small
// dense-matrix products written as plain triple loops, independent of the code under test.

export { seededUniform } from "../testing/seeded-uniform";

/** An m×n matrix of uniform numbers in [−1, 1). */
export function randomMatrix(next: () => number, m: number, n: number): Float64Array {
  return Float64Array.from({ length: m * n }, () => 2 * next() - 1);
}

/** Well conditioned: uniform entries plus √n on the diagonal (the random part has norm ≈ √n). */
export function wellConditioned(next: () => number, n: number): Float64Array {
  const a = randomMatrix(next, n, n);
  for (let i = 0; i < n; i++) a[i * n + i] += 2 * Math.sqrt(n);
  return a;
}

/** Symmetric positive definite: G·Gᵀ + n·I. */
export function randomSpd(next: () => number, n: number): Float64Array {
  const g = randomMatrix(next, n, n);
  const a = matmul(g, transpose(g, n, n), n, n, n);
  for (let i = 0; i < n; i++) a[i * n + i] += n;
  return a;
}

export function matmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) c[i * n + j] += a[i * k + p] * b[p * n + j];
  return c;
}

export function transpose(a: Float64Array, m: number, n: number): Float64Array {
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
  return t;
}

export function norm(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/** max |a − b| / max(1, max |b|): the relative reconstruction error used by the tests. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

/** ‖A·x − b‖ / ‖b‖ for a square A. */
export function residual(a: Float64Array, n: number, x: Float64Array, b: Float64Array): number {
  const ax = matmul(a, x, n, n, 1);
  const d = ax.map((v, i) => v - b[i]);
  return norm(d) / norm(b);
}
