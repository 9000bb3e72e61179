import { lineSearchWolfe12 } from "../line-search/wolfe";
import type { Objective } from "../objective";
import { quasiNewtonOutcome, type Callback, type MethodOutcome } from "../result";
import { dot, norm2, vecnorm } from "../vector";

export interface BfgsOptions {
  /** Stop when ‖∇f‖ (in `norm`) ≤ gtol (default 1e-5). */
  gtol: number;
  /** Order of the gradient norm (default Infinity). */
  norm: number;
  /** Iterations allowed (default 200·n). */
  maxiter: number;
  /** Stop when the step is below xrtol·(xrtol + ‖x‖) (default 0, SciPy ≥ 1.10). */
  xrtol: number;
}

/**
 * BFGS with the inverse-Hessian update (Nocedal & Wright, Numerical Optimization, 2nd ed.,
 * alg. 6.1), SciPy's `_minimize_bfgs` step for step:
 *
 *   p = −H∇f;  α from strong Wolfe (dcsrch, then zoom);  s = αp, y = ∇f₊ − ∇f, ρ = 1/yᵀs
 *   H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ     (ρ = 1000 when yᵀs = 0, as SciPy)
 *
 * H starts at the identity, and the first trial step is set by f(x₀) − ‖∇f(x₀)‖/2 playing the
 * previous value (a first step of length ≈ 1). The update is expanded to O(n²) work:
 * H − ρ(s(yᵀH) + (Hy)sᵀ) + (ρ²·yᵀHy + ρ)ssᵀ.
 */
export function bfgs(objective: Objective, x0: Float64Array, o: BfgsOptions, callback?: Callback): MethodOutcome {
  const n = x0.length;
  const f = (x: Float64Array) => objective.value(x);
  const fprime = (x: Float64Array) => objective.gradient(x);
  let oldFval = f(x0);
  let gfk = fprime(x0);
  let k = 0;
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) h[i * n + i] = 1;
  let oldOldFval = oldFval + norm2(gfk) / 2;
  let xk = x0;
  let warnflag = 0;
  let gnorm = vecnorm(gfk, o.norm);
  const pk = new Float64Array(n);
  const hy = new Float64Array(n);
  while (gnorm > o.gtol && k < o.maxiter) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += h[i * n + j] * gfk[j];
      pk[i] = -s;
    }
    const ls = lineSearchWolfe12({ f, fprime }, xk, pk, { gfk, oldFval, oldOldFval, amin: 1e-100, amax: 1e100 });
    if (ls === null) {
      warnflag = 2;
      break;
    }
    const alpha = ls.alpha!;
    if (Number.isNaN(ls.fval) || ls.fval === Infinity) {
      // The zoom search can end on an unverified step; one where f is NaN or +∞ is not taken
      // (SciPy takes it and stops; keeping the last finite iterate is the useful answer).
      warnflag = 2;
      break;
    }
    oldOldFval = oldFval;
    oldFval = ls.fval!;
    const sk = pk.map((v) => alpha * v);
    const xkp1 = xk.map((v, i) => v + sk[i]);
    xk = xkp1;
    const gfkp1 = ls.gval ?? fprime(xkp1);
    const yk = gfkp1.map((v, i) => v - gfk[i]);
    gfk = gfkp1;
    callback?.(Float64Array.from(xk));
    k++;
    gnorm = vecnorm(gfk, o.norm);
    if (gnorm <= o.gtol) break;
    if (alpha * norm2(pk) <= o.xrtol * (o.xrtol + norm2(xk))) break;
    if (!Number.isFinite(oldFval)) {
      // +-Inf found as the optimal value, or something went wrong.
      warnflag = 2;
      break;
    }
    const rhokInv = dot(yk, sk);
    const rho = rhokInv === 0 ? 1000 : 1 / rhokInv;
    // H ← H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²·yᵀHy + ρ)ssᵀ, with H symmetric so yᵀH = (Hy)ᵀ.
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += h[i * n + j] * yk[j];
      hy[i] = s;
    }
    const yhy = dot(yk, hy);
    const c = rho * rho * yhy + rho;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) h[i * n + j] += -rho * (sk[i] * hy[j] + hy[i] * sk[j]) + c * sk[i] * sk[j];
    }
  }
  return quasiNewtonOutcome(warnflag, k, o.maxiter, gnorm, xk, oldFval, gfk);
}
