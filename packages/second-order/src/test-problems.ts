// Objectives shared by the tests (not exported by the package).

/** Rosenbrock's function, minimum 0 at (1, 1), with its gradient and Hessian. */
export const rosen = (x: Float64Array): number => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
export const rosenGrad = (x: Float64Array): number[] => [-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)];
export const rosenHess = (x: Float64Array): number[][] => [
  [2 - 400 * (x[1] - 3 * x[0] ** 2), -400 * x[0]],
  [-400 * x[0], 200],
];

/** A strictly convex quadratic f = ½xᵀAx − bᵀx (A symmetric positive definite, n×n row-major). */
export function quadratic(a: Float64Array, b: Float64Array) {
  const n = b.length;
  const ax = (x: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i] += a[i * n + j] * x[j];
    return out;
  };
  return {
    f: (x: Float64Array) => {
      const v = ax(x);
      let s = 0;
      for (let i = 0; i < n; i++) s += 0.5 * x[i] * v[i] - b[i] * x[i];
      return s;
    },
    grad: (x: Float64Array) => ax(x).map((v, i) => v - b[i]),
    hess: () => a,
    hessp: (_x: Float64Array, p: Float64Array) => ax(p),
  };
}

/** mulberry32: a small seeded generator for test data. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** G·Gᵀ + shift·I for a random G: symmetric positive definite. */
export function randomSpd(next: () => number, n: number, shift: number): Float64Array {
  const g = Float64Array.from({ length: n * n }, () => 2 * next() - 1);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += g[i * n + k] * g[j * n + k];
  for (let i = 0; i < n; i++) a[i * n + i] += shift;
  return a;
}
