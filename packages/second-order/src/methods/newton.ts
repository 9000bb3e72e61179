import { denseCholeskySolve, tryDenseCholesky } from "@descent/tensor";
import { lineSearchWolfe12 } from "../line-search/wolfe";
import type { Objective } from "../objective";
import { statusMessages, type Callback, type MethodOutcome } from "../result";
import { vecnorm } from "../vector";

export interface NewtonOptions {
  /** Stop when ‖∇f‖ (in `norm`) ≤ gtol (default 1e-5). */
  gtol: number;
  norm: number;
  maxiter: number;
  /** The smallest shift tried when the Hessian is not positive definite (default 1e-3). */
  shiftFloor: number;
}

/** How many times the shift may double before the Hessian is declared hopeless. */
const maxShiftAttempts = 80;

/**
 * Solves (H + τI)p = −g with τ ≥ 0 the first of τ₀, 2τ₀, 4τ₀, … that makes Cholesky succeed
 * (Nocedal & Wright, 2nd ed., alg. 3.3, "Cholesky with added multiple of the identity"):
 * τ₀ = 0 when every Hᵢᵢ > 0, else −min Hᵢᵢ + β. Returns null if no shift works (a NaN Hessian).
 */
export function modifiedNewtonDirection(h: Float64Array, g: Float64Array, beta: number): { p: Float64Array; shift: number } | null {
  const n = g.length;
  let minDiag = Infinity;
  for (let i = 0; i < n; i++) minDiag = Math.min(minDiag, h[i * n + i]);
  let tau = minDiag > 0 ? 0 : -minDiag + beta;
  for (let attempt = 0; attempt < maxShiftAttempts; attempt++) {
    const shifted = Float64Array.from(h);
    for (let i = 0; i < n; i++) shifted[i * n + i] += tau;
    const { l, failedPivot } = tryDenseCholesky(shifted, n);
    if (failedPivot < 0) return { p: denseCholeskySolve(l, n, g.map((v) => -v)), shift: tau };
    tau = Math.max(2 * tau, beta);
  }
  return null;
}

/**
 * Newton's method with the exact Hessian and a line search (Nocedal & Wright §3.4): the
 * direction solves (∇²f + τI)p = −∇f, τ = 0 when ∇²f is positive definite (a pure Newton step),
 * else the shift of {@link modifiedNewtonDirection}, so p is always a descent direction; the step
 * comes from strong Wolfe (dcsrch from α = 1, then zoom). A quadratic with positive definite
 * Hessian is solved in one iteration.
 */
export function newton(objective: Objective, x0: Float64Array, o: NewtonOptions, callback?: Callback): MethodOutcome {
  const f = (x: Float64Array) => objective.value(x);
  const fprime = (x: Float64Array) => objective.gradient(x);
  let xk = x0;
  let fk = f(xk);
  let gk = Float64Array.from(fprime(xk));
  let k = 0;
  let status = 0;
  let message: string = statusMessages.success;
  while (vecnorm(gk, o.norm) > o.gtol) {
    if (k >= o.maxiter) {
      status = 1;
      message = statusMessages.maxiter;
      break;
    }
    const direction = modifiedNewtonDirection(objective.hessian(xk), gk, o.shiftFloor);
    if (direction === null) {
      status = 3;
      message = "The Hessian could not be made positive definite (it has NaN or infinite entries).";
      break;
    }
    // Newton's natural step is 1: no previous value is passed, so the search starts there.
    const ls = lineSearchWolfe12({ f, fprime }, xk, direction.p, { gfk: gk, oldFval: fk });
    if (ls === null) {
      status = 2;
      message = statusMessages.prLoss;
      break;
    }
    const alpha = ls.alpha!;
    if (Number.isNaN(ls.fval) || ls.fval === Infinity) {
      status = 2;
      message = statusMessages.prLoss;
      break;
    }
    xk = xk.map((v, i) => v + alpha * direction.p[i]);
    fk = ls.fval!;
    gk = Float64Array.from(ls.gval ?? fprime(xk));
    k++;
    callback?.(Float64Array.from(xk));
    if (!Number.isFinite(fk)) {
      status = 3;
      message = statusMessages.nan;
      break;
    }
  }
  return { x: xk, fun: fk, jac: gk, nit: k, status, message };
}
