// Dense linear algebra (float64): owned by the second-order work; re-exported from the package entry.
// The core works on plain row-major Float64Array matrices with explicit sizes.
export { LinAlgError, NotPositiveDefiniteError, SingularMatrixError } from "./errors";
export { denseCholesky, denseCholeskySolve, tryDenseCholesky } from "./cholesky";
export type { CholeskyAttempt } from "./cholesky";
export { denseSolveTriangular } from "./triangular";
export type { SolveTriangularOptions } from "./triangular";
export { denseLu, denseLuSolve } from "./lu";
export type { DenseLu } from "./lu";
export { denseSolve } from "./solve";
export { denseQr } from "./qr";
export type { DenseQr, DenseQrOptions } from "./qr";
export { denseEigh } from "./eigh";
export type { DenseEigh } from "./eigh";
export { denseInv } from "./inv";
export { cholesky, eigh, inv, lu, qr, solve, solveTriangular } from "./tensor-linalg";
