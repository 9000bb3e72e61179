import { lineSearchWolfe12 } from "../line-search/wolfe";
import type { Objective } from "../objective";
import { statusMessages, type Callback, type MethodOutcome } from "../result";
import { dot, sumAbs } from "../vector";

export interface NewtonCgOptions {
  /** Stop when the average |step| per component is below xtol (default 1e-5). */
  xtol: number;
  /** Iterations allowed (default 200·n). */
  maxiter: number;
}

/**
 * Line-search Newton-CG, the truncated Newton method of Nocedal & Wright (2nd ed., alg. 7.1),
 * as SciPy's `_minimize_newtoncg`:
 *
 * - the direction solves ∇²f·p = −∇f approximately by CG from p = 0, stopping when
 *   ‖r‖₁ ≤ min(½, √‖∇f‖₁)·‖∇f‖₁, when the curvature pᵀHp is ≤ 3ε (stop), or negative (stop;
 *   on the first inner step, fall back to the scaled steepest descent direction);
 *   at most 20·n inner steps, else the run stops with status 3;
 * - the step length comes from strong Wolfe (dcsrch, then zoom);
 * - the run stops when Σ|αp| ≤ n·xtol.
 *
 * The Hessian comes from `hess` (evaluated once per iteration), else from `hessp`, else by
 * forward differences of the gradient.
 */
export function newtonCg(objective: Objective, x0: Float64Array, o: NewtonCgOptions, callback?: Callback): MethodOutcome {
  const n = x0.length;
  const f = (x: Float64Array) => objective.value(x);
  const fprime = (x: Float64Array) => objective.gradient(x);
  const cgMaxiter = 20 * n;
  const xtol = n * o.xtol;
  let updateSum = 2 * xtol;
  let xk = x0;
  let k = 0;
  let gfk = new Float64Array(n);
  let oldFval = f(x0);
  let oldOldFval: number | undefined;
  const float64eps = Number.EPSILON;
  const terminate = (status: number, message: string): MethodOutcome => ({ x: xk, fun: oldFval, jac: gfk, nit: k, status, message });

  while (updateSum > xtol) {
    if (k >= o.maxiter) return terminate(1, `Warning: ${statusMessages.maxiter}`);
    const g = fprime(xk);
    const b = g.map((v) => -v);
    const maggrad = sumAbs(b);
    const eta = Math.min(0.5, Math.sqrt(maggrad));
    const termcond = eta * maggrad;
    let xsupi = new Float64Array(n);
    let ri = Float64Array.from(g);
    let psupi = b.slice();
    let i = 0;
    let dri0 = dot(ri, ri);
    const hessian = objective.hasHessian ? objective.hessian(xk) : null;
    let converged = false;
    for (let k2 = 0; k2 < cgMaxiter; k2++) {
      if (sumAbs(ri) <= termcond) {
        converged = true;
        break;
      }
      let ap: Float64Array;
      if (hessian !== null) {
        ap = new Float64Array(n);
        for (let r = 0; r < n; r++) {
          let s = 0;
          for (let c = 0; c < n; c++) s += hessian[r * n + c] * psupi[c];
          ap[r] = s;
        }
      } else {
        ap = objective.hessianProduct(xk, psupi);
      }
      const curv = dot(psupi, ap);
      if (curv >= 0 && curv <= 3 * float64eps) {
        converged = true;
        break;
      } else if (curv < 0) {
        // Negative curvature: keep what CG has, or on the first step use the scaled steepest descent.
        if (i === 0) xsupi = b.map((v) => (dri0 / -curv) * v);
        converged = true;
        break;
      } else if (Number.isNaN(curv)) {
        break;
      }
      const alphai = dri0 / curv;
      xsupi = xsupi.map((v, j) => v + alphai * psupi[j]);
      ri = ri.map((v, j) => v + alphai * ap[j]);
      const dri1 = dot(ri, ri);
      const betai = dri1 / dri0;
      psupi = ri.map((v, j) => -v + betai * psupi[j]);
      i++;
      dri0 = dri1;
    }
    if (!converged) {
      gfk = Float64Array.from(g);
      return terminate(3, "Warning: CG iterations didn't converge. The Hessian is not positive definite.");
    }
    const pk = xsupi;
    gfk = Float64Array.from(g);
    const ls = lineSearchWolfe12({ f, fprime }, xk, pk, { gfk, oldFval, oldOldFval });
    if (ls === null) return terminate(2, `Warning: ${statusMessages.prLoss}`);
    const alphak = ls.alpha!;
    if (Number.isNaN(ls.fval) || ls.fval === Infinity) return terminate(2, `Warning: ${statusMessages.prLoss}`);
    oldOldFval = oldFval;
    oldFval = ls.fval!;
    const update = pk.map((v) => alphak * v);
    xk = xk.map((v, j) => v + update[j]);
    callback?.(Float64Array.from(xk));
    k++;
    updateSum = sumAbs(update);
    if (Number.isNaN(updateSum)) break;
  }
  if (Number.isNaN(oldFval) || Number.isNaN(updateSum)) return terminate(3, statusMessages.nan);
  gfk = Float64Array.from(fprime(xk));
  return terminate(0, statusMessages.success);
}
