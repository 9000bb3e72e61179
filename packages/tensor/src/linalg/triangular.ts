import { invalidArgument } from "../errors";
import { checkMatrix, checkSize } from "./check";
import { SingularMatrixError } from "./errors";

export interface SolveTriangularOptions {
  /** Read the lower triangle of `t` (default true); otherwise the upper one. */
  lower?: boolean;
  /** Solve with the transpose tᵀ instead of t (default false). */
  transpose?: boolean;
  /** Take the diagonal as ones without reading it (default false). */
  unitDiagonal?: boolean;
}

/**
 * Solves T·X = B (or Tᵀ·X = B) for triangular T (n×n, row-major) and B (n×nrhs, row-major)
 * by substitution. Returns a new array; throws {@link SingularMatrixError} on a zero diagonal.
 */
export function denseSolveTriangular(
  t: Float64Array,
  n: number,
  b: Float64Array,
  options: SolveTriangularOptions = {},
  nrhs = 1,
): Float64Array {
  const fn = "denseSolveTriangular";
  checkSize(fn, "n", n);
  checkSize(fn, "nrhs", nrhs);
  checkMatrix(fn, "t", t, n, n);
  checkMatrix(fn, "b", b, n, nrhs);
  if (typeof options !== "object") throw invalidArgument(fn, "options", options, "an object");
  const lower = options.lower ?? true;
  const transpose = options.transpose ?? false;
  const unit = options.unitDiagonal ?? false;
  if (!unit) {
    for (let i = 0; i < n; i++) if (t[i * n + i] === 0) throw new SingularMatrixError(fn, i);
  }
  // Tᵀ of a lower matrix is upper: the effective triangle decides the sweep direction.
  const forward = lower !== transpose;
  const at = transpose ? (i: number, j: number) => t[j * n + i] : (i: number, j: number) => t[i * n + j];
  const x = Float64Array.from(b);
  for (let c = 0; c < nrhs; c++) {
    if (forward) {
      for (let i = 0; i < n; i++) {
        let sum = x[i * nrhs + c];
        for (let k = 0; k < i; k++) sum -= at(i, k) * x[k * nrhs + c];
        x[i * nrhs + c] = unit ? sum : sum / at(i, i);
      }
    } else {
      for (let i = n - 1; i >= 0; i--) {
        let sum = x[i * nrhs + c];
        for (let k = i + 1; k < n; k++) sum -= at(i, k) * x[k * nrhs + c];
        x[i * nrhs + c] = unit ? sum : sum / at(i, i);
      }
    }
  }
  return x;
}
