import type { FloatArray } from "../dtype";
import { ShapeError } from "../errors";
import { Tensor } from "../tensor";
import { denseCholesky } from "./cholesky";
import { denseEigh } from "./eigh";
import { denseInv } from "./inv";
import { denseLu } from "./lu";
import { denseQr, type DenseQrOptions } from "./qr";
import { denseSolve } from "./solve";
import { denseSolveTriangular } from "./triangular";

// Tensor-level faces of the dense float64 core: PyTorch's torch.linalg names, 2-D inputs (no
// batching). Everything is computed in float64; results keep a float input's dtype (float32 in,
// float32 out, as PyTorch) and are float64 for int32 input.

function matrix(fn: string, name: string, t: Tensor, square: boolean): { data: Float64Array; rows: number; cols: number } {
  if (!(t instanceof Tensor)) throw new ShapeError(`${fn}: ${name} must be a Tensor`);
  if (t.ndim !== 2) throw new ShapeError(`${fn}: ${name} has shape [${t.shape.join(", ")}], expected a 2-D matrix`);
  const [rows, cols] = t.shape;
  if (square && rows !== cols) throw new ShapeError(`${fn}: ${name} has shape [${rows}, ${cols}], expected a square matrix`);
  return { data: Float64Array.from(t.toFlatArray()), rows, cols };
}

function output(like: Tensor, data: Float64Array, shape: readonly number[]): Tensor {
  const out: FloatArray = like.dtype === "float32" ? Float32Array.from(data) : data;
  return new Tensor(out, shape);
}

/** torch.linalg.cholesky: the lower factor L of a symmetric positive definite A = L·Lᵀ (`upper`: Lᵀ). */
export function cholesky(a: Tensor, options: { upper?: boolean } = {}): Tensor {
  const { data, rows: n } = matrix("cholesky", "a", a, true);
  const l = denseCholesky(data, n);
  if (!options.upper) return output(a, l, [n, n]);
  const u = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) u[j * n + i] = l[i * n + j];
  return output(a, u, [n, n]);
}

/** torch.linalg.solve: X with A·X = B, for B of shape [n] or [n, k] (LU with partial pivoting). */
export function solve(a: Tensor, b: Tensor): Tensor {
  const { data, rows: n } = matrix("solve", "a", a, true);
  if (!(b instanceof Tensor) || (b.ndim !== 1 && b.ndim !== 2) || b.shape[0] !== n) {
    throw new ShapeError(`solve: b has shape [${b instanceof Tensor ? b.shape.join(", ") : "?"}], expected [${n}] or [${n}, k] to match a [${n}, ${n}]`);
  }
  const nrhs = b.ndim === 1 ? 1 : b.shape[1];
  return output(a, denseSolve(data, n, Float64Array.from(b.toFlatArray()), nrhs), b.shape);
}

/** torch.linalg.solve_triangular: X with T·X = B (or Tᵀ·X = B), T lower unless `upper`. */
export function solveTriangular(t: Tensor, b: Tensor, options: { upper?: boolean; transpose?: boolean; unitriangular?: boolean } = {}): Tensor {
  const { data, rows: n } = matrix("solveTriangular", "t", t, true);
  if (!(b instanceof Tensor) || (b.ndim !== 1 && b.ndim !== 2) || b.shape[0] !== n) {
    throw new ShapeError(`solveTriangular: b has shape [${b instanceof Tensor ? b.shape.join(", ") : "?"}], expected [${n}] or [${n}, k]`);
  }
  const nrhs = b.ndim === 1 ? 1 : b.shape[1];
  const x = denseSolveTriangular(data, n, Float64Array.from(b.toFlatArray()), { lower: !options.upper, transpose: options.transpose ?? false, unitDiagonal: options.unitriangular ?? false }, nrhs);
  return output(t, x, b.shape);
}

/** torch.linalg.qr: A = Q·R by Householder reflections; `mode` reduced (default) or complete. */
export function qr(a: Tensor, options: DenseQrOptions = {}): { q: Tensor; r: Tensor } {
  const { data, rows: m, cols: n } = matrix("qr", "a", a, false);
  const { q, r, k } = denseQr(data, m, n, options);
  return { q: output(a, q, [m, k]), r: output(a, r, [k, n]) };
}

/** torch.linalg.eigh: eigenvalues (ascending) and unit eigenvectors (columns) of a symmetric A (lower triangle read). */
export function eigh(a: Tensor): { eigenvalues: Tensor; eigenvectors: Tensor } {
  const { data, rows: n } = matrix("eigh", "a", a, true);
  const { values, vectors } = denseEigh(data, n);
  return { eigenvalues: output(a, values, [n]), eigenvectors: output(a, vectors, [n, n]) };
}

/** torch.linalg.lu: A = P·L·U with P a permutation matrix, L unit lower and U upper triangular. */
export function lu(a: Tensor): { p: Tensor; l: Tensor; u: Tensor } {
  const { data, rows: n } = matrix("lu", "a", a, true);
  const { lu: packed, pivots } = denseLu(data, n);
  const p = new Float64Array(n * n);
  const l = new Float64Array(n * n);
  const u = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    // denseLu gives Π·A = L·U with row i of Π·A = row pivots[i] of A; torch's P is Πᵀ.
    p[pivots[i] * n + i] = 1;
    for (let j = 0; j < n; j++) {
      if (j < i) l[i * n + j] = packed[i * n + j];
      else u[i * n + j] = packed[i * n + j];
    }
    l[i * n + i] = 1;
  }
  return { p: output(a, p, [n, n]), l: output(a, l, [n, n]), u: output(a, u, [n, n]) };
}

/** torch.linalg.inv (prefer `solve` for systems). */
export function inv(a: Tensor): Tensor {
  const { data, rows: n } = matrix("inv", "a", a, true);
  return output(a, denseInv(data, n), [n, n]);
}
