import { enorm } from "./enorm";

export interface QrFactors {
  /** Column permutation: column j of A·P is column ipvt[j] of A (0-based). */
  ipvt: Int32Array;
  /** The diagonal of R. */
  rdiag: Float64Array;
  /** The norms of the columns of A. */
  acnorm: Float64Array;
}

/**
 * MINPACK's qrfac with column pivoting: Householder QR of the column-major m×n matrix `a`
 * (leading dimension m), in place. On exit the strict upper triangle holds R, the lower
 * trapezoid holds the Householder vectors uⱼ (Q = Π (I − uⱼuⱼᵀ/uⱼⱼ)), `rdiag` R's diagonal.
 * Pivoting brings the column of largest remaining norm forward; the norms are downdated and
 * recomputed when cancellation makes the downdate unreliable.
 */
export function qrfac(m: number, n: number, a: Float64Array): QrFactors {
  const epsmch = Number.EPSILON;
  const ipvt = new Int32Array(n);
  const rdiag = new Float64Array(n);
  const acnorm = new Float64Array(n);
  const wa = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    acnorm[j] = enorm(a, m, j * m);
    rdiag[j] = acnorm[j];
    wa[j] = rdiag[j];
    ipvt[j] = j;
  }
  const minmn = Math.min(m, n);
  for (let j = 0; j < minmn; j++) {
    // Bring the column of largest norm into the pivot position.
    let kmax = j;
    for (let k = j; k < n; k++) if (rdiag[k] > rdiag[kmax]) kmax = k;
    if (kmax !== j) {
      for (let i = 0; i < m; i++) {
        const temp = a[i + j * m];
        a[i + j * m] = a[i + kmax * m];
        a[i + kmax * m] = temp;
      }
      rdiag[kmax] = rdiag[j];
      wa[kmax] = wa[j];
      const k = ipvt[j];
      ipvt[j] = ipvt[kmax];
      ipvt[kmax] = k;
    }
    // The Householder transformation that reduces column j to a multiple of e_j.
    let ajnorm = enorm(a, m - j, j + j * m);
    if (ajnorm !== 0) {
      if (a[j + j * m] < 0) ajnorm = -ajnorm;
      for (let i = j; i < m; i++) a[i + j * m] /= ajnorm;
      a[j + j * m] += 1;
      // Apply it to the remaining columns and update the norms.
      for (let k = j + 1; k < n; k++) {
        let sum = 0;
        for (let i = j; i < m; i++) sum += a[i + j * m] * a[i + k * m];
        const temp = sum / a[j + j * m];
        for (let i = j; i < m; i++) a[i + k * m] -= temp * a[i + j * m];
        if (rdiag[k] !== 0) {
          const t = a[j + k * m] / rdiag[k];
          rdiag[k] *= Math.sqrt(Math.max(0, 1 - t * t));
          if (0.05 * (rdiag[k] / wa[k]) ** 2 <= epsmch) {
            rdiag[k] = enorm(a, m - j - 1, j + 1 + k * m);
            wa[k] = rdiag[k];
          }
        }
      }
    }
    rdiag[j] = -ajnorm;
  }
  return { ipvt, rdiag, acnorm };
}
