import { DescentError } from "../errors";

/** A factorization or solve that cannot be carried out on the given matrix. */
export class LinAlgError extends DescentError {
  override name = "LinAlgError";
}

/**
 * Cholesky met a pivot that is not positive: the matrix is not (numerically) positive definite.
 * `pivot` is the 0-based index of the failing diagonal entry and `value` what was left there
 * (the leading `pivot × pivot` block is positive definite, the leading `(pivot + 1)²` one is not).
 */
export class NotPositiveDefiniteError extends LinAlgError {
  override name = "NotPositiveDefiniteError";
  constructor(
    fn: string,
    readonly pivot: number,
    readonly value: number,
  ) {
    super(`${fn}: matrix is not positive definite: pivot ${pivot} is ${value}, expected a positive number`);
  }
}

/** LU met an exactly zero pivot: the matrix is singular. `pivot` is the 0-based column. */
export class SingularMatrixError extends LinAlgError {
  override name = "SingularMatrixError";
  constructor(
    fn: string,
    readonly pivot: number,
  ) {
    super(`${fn}: matrix is singular: pivot ${pivot} is 0, expected a nonzero pivot`);
  }
}
