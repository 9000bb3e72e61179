import { checkMatrix, checkSize } from "./check";
import { denseLu, denseLuSolve } from "./lu";

/**
 * Solves the square system A·X = B (A n×n, B n×nrhs, both row-major) by LU with partial
 * pivoting. Throws {@link SingularMatrixError} when a pivot is exactly zero.
 */
export function denseSolve(a: Float64Array, n: number, b: Float64Array, nrhs = 1): Float64Array {
  checkSize("denseSolve", "n", n);
  checkSize("denseSolve", "nrhs", nrhs);
  checkMatrix("denseSolve", "a", a, n, n);
  checkMatrix("denseSolve", "b", b, n, nrhs);
  return denseLuSolve(denseLu(a, n), n, b, nrhs);
}
