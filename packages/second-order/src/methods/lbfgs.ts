import { Dcsrch, type DcsrchTask } from "../line-search/more-thuente";
import type { Objective } from "../objective";
import type { Callback, MethodOutcome } from "../result";
import { dot, dotUnrolled, normInf } from "../vector";

export interface LbfgsOptions {
  /** Stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol (default 2.22e-9, SciPy's factr·ε). */
  ftol: number;
  /** Stop when ‖∇f‖∞ ≤ gtol (default 1e-5). */
  gtol: number;
  /** Correction pairs kept (default 10). */
  maxcor: number;
  /** Iterations allowed (default 15000). */
  maxiter: number;
  /** Stop after an iteration once more than maxfun evaluations were made (default 15000). */
  maxfun: number;
  /** Evaluations per line search (default 20). */
  maxls: number;
}

/** The line search constants and the largest step of L-BFGS-B's lnsrlb. */
const lnsrlb = { ftol: 1e-3, gtol: 0.9, xtol: 0.1, stpmax: 1e10 };
/** L-BFGS-B's epsmch (ε of float64) for the curvature test. */
const epsmch = Number.EPSILON;

/** −H·g for the L-BFGS inverse Hessian: the two-loop recursion with H₀ = (sᵀy/yᵀy)·I, into `q`. */
function twoLoop(g: Float64Array, s: Float64Array[], y: Float64Array[], sy: number[], theta: number, q: Float64Array): void {
  const n = q.length;
  for (let j = 0; j < n; j++) q[j] = -g[j];
  const m = s.length;
  const alpha = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    const a = dotUnrolled(s[i], q) / sy[i];
    alpha[i] = a;
    const yi = y[i];
    for (let j = 0; j < n; j++) q[j] -= a * yi[j];
  }
  for (let j = 0; j < n; j++) q[j] /= theta;
  for (let i = 0; i < m; i++) {
    const c = alpha[i] - dotUnrolled(y[i], q) / sy[i];
    const si = s[i];
    for (let j = 0; j < n; j++) q[j] += si[j] * c;
  }
}

/**
 * Limited-memory BFGS (Nocedal 1980; Nocedal & Wright alg. 7.4 and 7.5) with the stopping rules,
 * line search and safeguards of L-BFGS-B 3.0 (Byrd, Lu, Nocedal & Zhu 1995; Morales & Nocedal
 * 2011) without bounds, which is what SciPy's `L-BFGS-B` runs when no bounds are given:
 *
 * - direction −H∇f by the two-loop recursion over the last `maxcor` pairs, H₀ = I/θ with
 *   θ = yᵀy/sᵀy of the newest pair; with no pairs, the Cauchy step −∇f;
 * - step by dcsrch (c₁ = 1e-3, c₂ = 0.9, xtol = 0.1), first trial 1/‖d‖ on the first
 *   iteration and 1 afterwards; a dcsrch warning still yields a new iterate;
 * - a pair is stored only when sᵀy > ε·(−gᵀs);
 * - a failed line search (ascent direction, or `maxls` evaluations) restarts from steepest
 *   descent with an empty memory; failing with an empty memory ends the run (status 2);
 * - stop on ‖∇f‖∞ ≤ gtol, or on a relative decrease of f below ftol.
 * @see https://doi.org/10.1137/0916069
 */
export function lbfgs(objective: Objective, x0: Float64Array, o: LbfgsOptions, callback?: Callback): MethodOutcome {
  let x: Float64Array = Float64Array.from(x0);
  let f = objective.value(x);
  let g: Float64Array = Float64Array.from(objective.gradient(x));
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const sy: number[] = [];
  let theta = 1;
  let iter = 0;
  const done = (status: number, message: string): MethodOutcome => ({ x, fun: f, jac: g, nit: iter, status, message });

  if (normInf(g) <= o.gtol) return done(0, "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL");
  if (!Number.isFinite(f) || g.some((v) => !Number.isFinite(v))) return done(2, "ABNORMAL_TERMINATION_IN_LNSRCH");

  const n = x0.length;
  const p = new Float64Array(n);
  for (;;) {
    // z: the quasi-Newton point x + p, with p from the two-loop recursion or, with an empty
    // memory, the generalized Cauchy point x − ∇f/θ (θ = 1); d = z − x as L-BFGS-B forms it.
    if (s.length === 0) for (let j = 0; j < n; j++) p[j] = -g[j] / theta;
    else twoLoop(g, s, y, sy, theta, p);
    const z = new Float64Array(n);
    const d = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      z[j] = x[j] + p[j];
      d[j] = z[j] - x[j];
    }

    // lnsrlb: dcsrch from stp = 1/‖d‖ on the first iteration, 1 afterwards.
    const dtd = dot(d, d);
    const dnorm = Math.sqrt(dtd);
    let stp = iter === 0 ? Math.min(1 / dnorm, lnsrlb.stpmax) : 1;
    const xOld = x;
    const gOld = g;
    const fOld = f;
    let gd = dot(g, d);
    const gdOld = gd;
    let failed = !(gd < 0);
    let ifun = 0;
    if (!failed) {
      const search = new Dcsrch({ ftol: lnsrlb.ftol, gtol: lnsrlb.gtol, xtol: lnsrlb.xtol, stpmin: 0, stpmax: lnsrlb.stpmax });
      let step: { stp: number; task: DcsrchTask } = search.start(stp, f, gd);
      for (;;) {
        if (step.task !== "FG") break;
        stp = step.stp;
        ifun++;
        if (ifun - 1 >= o.maxls || !Number.isFinite(stp)) {
          failed = true;
          break;
        }
        let xt: Float64Array;
        if (stp === 1) xt = Float64Array.from(z);
        else {
          xt = new Float64Array(n);
          for (let j = 0; j < n; j++) xt[j] = stp * d[j] + xOld[j];
        }
        const ft = objective.value(xt);
        const gt = objective.gradient(xt);
        x = xt;
        f = ft;
        g = gt;
        gd = dot(g, d);
        step = search.next(stp, f, gd);
      }
      if (!failed && step.task.startsWith("ERROR")) failed = true;
    }
    if (failed) {
      x = xOld;
      g = gOld;
      f = fOld;
      if (s.length === 0) {
        iter++;
        return done(2, "ABNORMAL_TERMINATION_IN_LNSRCH");
      }
      // Bad direction: forget the pairs and restart from steepest descent.
      s.length = 0;
      y.length = 0;
      sy.length = 0;
      theta = 1;
      continue;
    }

    iter++;
    const sbgnrm = normInf(g);
    callback?.(Float64Array.from(x));
    if (iter >= o.maxiter) return done(1, "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT");
    if (objective.nfev > o.maxfun) return done(1, "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT");
    if (sbgnrm <= o.gtol) return done(0, "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL");
    if (fOld - f <= o.ftol * Math.max(Math.abs(fOld), Math.abs(f), 1)) return done(0, "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH");
    if (!Number.isFinite(f)) return done(2, "ABNORMAL_TERMINATION_IN_LNSRCH");

    // The new pair: s = stp·d, y = g − g_old, sᵀy = (gd − gd_old)·stp as L-BFGS-B computes it.
    const yk = new Float64Array(n);
    for (let j = 0; j < n; j++) yk[j] = g[j] - gOld[j];
    const rr = dot(yk, yk);
    const dr = stp === 1 ? gd - gdOld : (gd - gdOld) * stp;
    const ddum = stp === 1 ? -gdOld : -gdOld * stp;
    if (dr <= epsmch * ddum) continue;
    const sk = d;
    if (stp !== 1) for (let j = 0; j < n; j++) sk[j] *= stp;
    if (s.length === o.maxcor) {
      s.shift();
      y.shift();
      sy.shift();
    }
    s.push(sk);
    y.push(yk);
    sy.push(dr);
    theta = rr / dr;
  }
}
