import { checkMatrix, checkSize } from "./check";
import { NotPositiveDefiniteError } from "./errors";

/** Outcome of {@link tryDenseCholesky}: the factor so far and the failing pivot (-1 when none). */
export interface CholeskyAttempt {
  /**
   * Lower-triangular L (n×n, row-major) with A = L·Lᵀ. After a failure at pivot k, rows < k hold
   * the factor of the leading k×k block, row k its multipliers left of the diagonal (what
   * LAPACK's potrf leaves in U's column k), and the rest is 0.
   */
  l: Float64Array;
  /** 0-based index of the first non-positive pivot, or -1 when A is positive definite. */
  failedPivot: number;
  /** What was left on the diagonal at the failed pivot (A[k][k] − Σ L[k][j]²), NaN-propagating. */
  pivotValue: number;
}

/**
 * Cholesky–Banachiewicz factorization of a symmetric matrix (only the lower triangle is read),
 * stopping at the first pivot that is not positive instead of throwing: trust-region solvers
 * (Moré–Sorensen) need that index. Golub & Van Loan, Matrix Computations, alg. 4.2.1.
 */
export function tryDenseCholesky(a: Float64Array, n: number): CholeskyAttempt {
  checkSize("tryDenseCholesky", "n", n);
  checkMatrix("tryDenseCholesky", "a", a, n, n);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j < i; j++) {
      const rowJ = j * n;
      let sum = a[rowI + j];
      for (let k = 0; k < j; k++) sum -= l[rowI + k] * l[rowJ + k];
      l[rowI + j] = sum / l[rowJ + j];
    }
    let d = a[rowI + i];
    for (let k = 0; k < i; k++) d -= l[rowI + k] * l[rowI + k];
    // `!(d > 0)` also catches NaN: a NaN pivot is a failure, never a silent NaN factor.
    if (!(d > 0)) return { l, failedPivot: i, pivotValue: d };
    l[rowI + i] = Math.sqrt(d);
  }
  return { l, failedPivot: -1, pivotValue: Number.NaN };
}

/**
 * Lower Cholesky factor L of a symmetric positive definite n×n matrix (row-major, lower triangle
 * read), A = L·Lᵀ. Throws {@link NotPositiveDefiniteError} naming the failing pivot otherwise.
 */
export function denseCholesky(a: Float64Array, n: number): Float64Array {
  checkSize("denseCholesky", "n", n);
  checkMatrix("denseCholesky", "a", a, n, n);
  const attempt = tryDenseCholesky(a, n);
  if (attempt.failedPivot >= 0) throw new NotPositiveDefiniteError("denseCholesky", attempt.failedPivot, attempt.pivotValue);
  return attempt.l;
}

/**
 * Solves A·X = B given the lower Cholesky factor L of A (B is n×nrhs row-major): forward
 * substitution with L, then back substitution with Lᵀ. Returns a new array.
 */
export function denseCholeskySolve(l: Float64Array, n: number, b: Float64Array, nrhs = 1): Float64Array {
  checkSize("denseCholeskySolve", "n", n);
  checkSize("denseCholeskySolve", "nrhs", nrhs);
  checkMatrix("denseCholeskySolve", "l", l, n, n);
  checkMatrix("denseCholeskySolve", "b", b, n, nrhs);
  const x = Float64Array.from(b);
  for (let c = 0; c < nrhs; c++) {
    for (let i = 0; i < n; i++) {
      let sum = x[i * nrhs + c];
      for (let k = 0; k < i; k++) sum -= l[i * n + k] * x[k * nrhs + c];
      x[i * nrhs + c] = sum / l[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = x[i * nrhs + c];
      for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k * nrhs + c];
      x[i * nrhs + c] = sum / l[i * n + i];
    }
  }
  return x;
}
