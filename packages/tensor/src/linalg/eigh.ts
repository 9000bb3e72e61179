import { checkMatrix, checkSize } from "./check";
import { LinAlgError } from "./errors";

export interface DenseEigh {
  /** Eigenvalues in ascending order. */
  values: Float64Array;
  /** n×n row-major; column j is the unit eigenvector of values[j] (NumPy's layout). */
  vectors: Float64Array;
}

const maxSweeps = 100;

/**
 * Eigendecomposition of a symmetric matrix (the lower triangle is read) by the cyclic Jacobi
 * method (Golub & Van Loan alg. 8.5.3): each rotation zeroes one off-diagonal pair, sweeps
 * repeat until the off-diagonal mass is negligible. Accurate to a few ulps of ‖A‖; O(n³) per
 * sweep, meant for the small matrices of second-order methods.
 */
export function denseEigh(a: Float64Array, n: number): DenseEigh {
  checkSize("denseEigh", "n", n);
  checkMatrix("denseEigh", "a", a, n, n);
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      s[i * n + j] = a[i * n + j];
      s[j * n + i] = a[i * n + j];
    }
  }
  for (let i = 0; i < n * n; i++) {
    if (!Number.isFinite(s[i])) throw new LinAlgError(`denseEigh: a has a non-finite entry ${s[i]}, expected finite numbers`);
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += s[i] * s[i];
  const tiny = Number.EPSILON * Number.EPSILON * total;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += s[p * n + q] * s[p * n + q];
    if (off <= tiny || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = s[p * n + q];
        if (apq === 0) continue;
        const app = s[p * n + p];
        const aqq = s[q * n + q];
        // t = tan θ, the smaller root of t² + 2τt − 1 = 0 (rotation angle ≤ π/4 for stability).
        const tau = (aqq - app) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const skp = s[k * n + p];
          const skq = s[k * n + q];
          s[k * n + p] = c * skp - sn * skq;
          s[k * n + q] = sn * skp + c * skq;
        }
        for (let k = 0; k < n; k++) {
          const spk = s[p * n + k];
          const sqk = s[q * n + k];
          s[p * n + k] = c * spk - sn * sqk;
          s[q * n + k] = sn * spk + c * sqk;
        }
        s[p * n + q] = 0;
        s[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - sn * vkq;
          v[k * n + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => s[i * n + i] - s[j * n + j]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = s[src * n + src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src];
  });
  return { values, vectors };
}
