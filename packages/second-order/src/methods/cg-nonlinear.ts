import { lineSearchWolfe12 } from "../line-search/wolfe";
import type { Objective } from "../objective";
import { quasiNewtonOutcome, type Callback, type MethodOutcome } from "../result";
import { dot, norm2, vecnorm } from "../vector";

/** The β formula: Polak–Ribière+ (SciPy's), Fletcher–Reeves, or Hestenes–Stiefel+. */
export type CgBeta = "polak-ribiere" | "fletcher-reeves" | "hestenes-stiefel";

export interface CgOptions {
  gtol: number;
  norm: number;
  maxiter: number;
  beta: CgBeta;
  /** Restart with steepest descent every this many iterations (default: never for PR+, n otherwise). */
  restartEvery: number;
}

/** Sufficient descent required of every new direction: pᵀg ≤ −σ₃‖g‖² (Gilbert & Nocedal 1992). */
const sigma3 = 0.01;

/**
 * Nonlinear conjugate gradients (Nocedal & Wright, 2nd ed., §5.2), SciPy's `_minimize_cg`:
 * strong Wolfe with c₂ = 0.4, and a step is accepted only if the new direction
 * p₊ = −g₊ + βp is a sufficient descent direction (or ‖g₊‖ ≤ gtol), which is what makes PR+
 * globally convergent. β:
 *   Polak–Ribière+: max(0, yᵀg₊ / gᵀg)           (default, as SciPy)
 *   Fletcher–Reeves: g₊ᵀg₊ / gᵀg
 *   Hestenes–Stiefel+: max(0, yᵀg₊ / yᵀp)
 * with y = g₊ − g, and a steepest-descent restart every `restartEvery` iterations.
 */
export function cgNonlinear(objective: Objective, x0: Float64Array, o: CgOptions, callback?: Callback): MethodOutcome {
  const f = (x: Float64Array) => objective.value(x);
  const fprime = (x: Float64Array) => objective.gradient(x);
  let oldFval = f(x0);
  let gfk = fprime(x0);
  let k = 0;
  let xk = x0;
  let oldOldFval = oldFval + norm2(gfk) / 2;
  let warnflag = 0;
  let pk = gfk.map((v) => -v);
  let gnorm = vecnorm(gfk, o.norm);

  while (gnorm > o.gtol && k < o.maxiter) {
    const deltak = dot(gfk, gfk);
    const restart = o.restartEvery > 0 && (k + 1) % o.restartEvery === 0;
    const current = { xk, pk, gfk };
    const step = (alpha: number, gfkp1: Float64Array | null) => {
      const xkp1 = current.xk.map((v, i) => v + alpha * current.pk[i]);
      const g1 = gfkp1 ?? fprime(xkp1);
      const yk = g1.map((v, i) => v - current.gfk[i]);
      let beta: number;
      if (restart) beta = 0;
      else if (o.beta === "fletcher-reeves") beta = dot(g1, g1) / deltak;
      else if (o.beta === "hestenes-stiefel") beta = Math.max(0, dot(yk, g1) / dot(yk, current.pk));
      else beta = Math.max(0, dot(yk, g1) / deltak);
      if (!Number.isFinite(beta)) beta = 0;
      const pkp1 = g1.map((v, i) => -v + beta * current.pk[i]);
      return { alpha, xkp1, pkp1, gfkp1: g1, gnorm: vecnorm(g1, o.norm) };
    };
    // `as` keeps TypeScript from narrowing to null: the line search's callback assigns it.
    let cached = null as ReturnType<typeof step> | null;
    const descentCondition = (alpha: number, _x: Float64Array, _f: number, g: Float64Array) => {
      cached = step(alpha, g);
      if (cached.gnorm <= o.gtol) return true;
      return dot(cached.pkp1, cached.gfkp1) <= -sigma3 * dot(cached.gfkp1, cached.gfkp1);
    };
    const ls = lineSearchWolfe12({ f, fprime }, xk, pk, { gfk, oldFval, oldOldFval, c2: 0.4, amin: 1e-100, amax: 1e100, extraCondition: descentCondition });
    if (ls === null) {
      warnflag = 2;
      break;
    }
    if (Number.isNaN(ls.fval) || ls.fval === Infinity) {
      // Not taken: keep the last finite iterate (see bfgs).
      warnflag = 2;
      break;
    }
    oldOldFval = oldFval;
    oldFval = ls.fval!;
    const alpha = ls.alpha!;
    const next = cached !== null && cached.alpha === alpha ? cached : step(alpha, ls.gval);
    xk = next.xkp1;
    pk = next.pkp1;
    gfk = next.gfkp1;
    gnorm = next.gnorm;
    callback?.(Float64Array.from(xk));
    k++;
  }
  return quasiNewtonOutcome(warnflag, k, o.maxiter, gnorm, xk, oldFval, gfk);
}
