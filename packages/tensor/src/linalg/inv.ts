import { checkMatrix, checkSize } from "./check";
import { denseLu, denseLuSolve } from "./lu";

/**
 * The inverse of a square matrix, for convenience: LU with partial pivoting, then n solves.
 * To solve a system, prefer {@link denseSolve}: it is cheaper and more accurate.
 */
export function denseInv(a: Float64Array, n: number): Float64Array {
  checkSize("denseInv", "n", n);
  checkMatrix("denseInv", "a", a, n, n);
  const identity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) identity[i * n + i] = 1;
  return denseLuSolve(denseLu(a, n), n, identity, n);
}
