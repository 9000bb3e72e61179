import { checkMatrix, checkSize } from "./check";
import { SingularMatrixError } from "./errors";

/** P·A = L·U packed as LAPACK's getrf packs it. */
export interface DenseLu {
  /** n×n row-major: U on and above the diagonal, L's multipliers below (L has a unit diagonal). */
  lu: Float64Array;
  /** Row i of P·A is row `pivots[i]` of A. */
  pivots: Int32Array;
  /** The sign of the permutation, +1 or −1 (det A = sign · Π U[i][i]). */
  sign: number;
}

/**
 * LU factorization with partial pivoting (Doolittle, row swaps on the largest |entry| of each
 * column; Golub & Van Loan alg. 3.4.1). Never throws on singular input: a zero pivot stays in U
 * and {@link denseLuSolve} reports it.
 */
export function denseLu(a: Float64Array, n: number): DenseLu {
  checkSize("denseLu", "n", n);
  checkMatrix("denseLu", "a", a, n, n);
  const lu = Float64Array.from(a);
  const pivots = new Int32Array(n);
  for (let i = 0; i < n; i++) pivots[i] = i;
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const tmp = lu[k * n + j];
        lu[k * n + j] = lu[p * n + j];
        lu[p * n + j] = tmp;
      }
      const tp = pivots[k];
      pivots[k] = pivots[p];
      pivots[p] = tp;
      sign = -sign;
    }
    const pivot = lu[k * n + k];
    if (pivot === 0) continue;
    for (let i = k + 1; i < n; i++) {
      const factor = lu[i * n + k] / pivot;
      lu[i * n + k] = factor;
      if (factor === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] -= factor * lu[k * n + j];
    }
  }
  return { lu, pivots, sign };
}

/** Solves A·X = B (B n×nrhs row-major) from {@link denseLu}'s factors; throws on a zero pivot. */
export function denseLuSolve(factors: DenseLu, n: number, b: Float64Array, nrhs = 1): Float64Array {
  const fn = "denseLuSolve";
  checkSize(fn, "n", n);
  checkSize(fn, "nrhs", nrhs);
  checkMatrix(fn, "factors.lu", factors.lu, n, n);
  checkMatrix(fn, "b", b, n, nrhs);
  const { lu, pivots } = factors;
  for (let i = 0; i < n; i++) if (lu[i * n + i] === 0) throw new SingularMatrixError(fn, i);
  const x = new Float64Array(n * nrhs);
  for (let i = 0; i < n; i++) for (let c = 0; c < nrhs; c++) x[i * nrhs + c] = b[pivots[i] * nrhs + c];
  for (let c = 0; c < nrhs; c++) {
    for (let i = 0; i < n; i++) {
      let sum = x[i * nrhs + c];
      for (let k = 0; k < i; k++) sum -= lu[i * n + k] * x[k * nrhs + c];
      x[i * nrhs + c] = sum;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = x[i * nrhs + c];
      for (let k = i + 1; k < n; k++) sum -= lu[i * n + k] * x[k * nrhs + c];
      x[i * nrhs + c] = sum / lu[i * n + i];
    }
  }
  return x;
}
