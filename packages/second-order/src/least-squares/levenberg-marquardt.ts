import { enorm } from "./enorm";
import { lmpar } from "./lmpar";
import { qrfac } from "./qrfac";
import type { Residuals } from "./residuals";

export interface LmderOptions {
  ftol: number;
  xtol: number;
  gtol: number;
  maxfev: number;
  /** Variable scaling D (MINPACK mode 2), or null for mode 1: D from the Jacobian's column norms. */
  diag: Float64Array | null;
  /** Initial step bound Δ₀ = factor·‖Dx₀‖ (MINPACK's default 100). */
  factor: number;
  /**
   * Try the full Gauss–Newton step first at every iterate, unbounded by Δ (the `gauss-newton`
   * method); the trust-region step is used only when it fails to reduce ‖r‖.
   */
  gaussNewtonFirst?: boolean;
}

export interface LmderOutcome {
  x: Float64Array;
  fvec: Float64Array;
  /** MINPACK's info: 1 ftol, 2 xtol, 3 both, 4 gtol, 5 maxfev, 6–8 tolerances too small. */
  info: number;
}

/**
 * MINPACK's lmder (Moré 1978): Levenberg–Marquardt as a trust-region method on the scaled step
 * ‖D·p‖ ≤ Δ, the LM parameter from {@link lmpar}, Δ updated from the ratio of actual to
 * predicted reduction. This is the algorithm SciPy's `least_squares(method='lm')` calls, with
 * the same tests:
 *   ftol: both actual and predicted relative reductions of ‖r‖² ≤ ftol (info 1);
 *   xtol: Δ ≤ xtol·‖Dx‖ (info 2); gtol: the cosine between r and every column of J ≤ gtol (info 4).
 * With `diag` null (SciPy's x_scale='jac') D is the running maximum of J's column norms —
 * Marquardt's diag(JᵀJ)^½ scaling.
 *
 * `gaussNewtonFirst` turns this into the `gauss-newton` method: at the start, and after every
 * accepted full Gauss–Newton step, the next trial is the full Gauss–Newton step δ = −R⁻¹Qᵀr
 * (pivoted QR, λ = 0, not bounded by Δ); only when it fails to reduce ‖r‖ does the iteration
 * fall back to the trust-region step, with Δ at most ½‖Dδ‖, until lmpar's step is a full
 * Gauss–Newton step again. That is Gauss–Newton with trust-region step control.
 * @see https://doi.org/10.1007/BFb0067700
 */
export function lmder(res: Residuals, x0: Float64Array, r0: Float64Array, o: LmderOptions): LmderOutcome {
  const { m, n } = res;
  const epsmch = Number.EPSILON;
  const x = Float64Array.from(x0);
  const diag = o.diag === null ? new Float64Array(n) : Float64Array.from(o.diag);
  const mode = o.diag === null ? 1 : 2;
  const qtf = new Float64Array(n);
  const wa1 = new Float64Array(n);
  const wa2 = new Float64Array(n);
  const wa3 = new Float64Array(n);
  const sdiag = new Float64Array(n);
  let info = 0;
  let fvec = r0;
  let fnorm = enorm(fvec);
  let par = 0;
  let iter = 1;
  let delta = 0;
  let xnorm = 0;
  // gauss-newton: keep trying the unbounded Gauss–Newton step while it keeps succeeding.
  let gaussNewtonNext = o.gaussNewtonFirst === true;
  if (!Number.isFinite(fnorm)) return { x, fvec, info: 0 };

  outer: for (;;) {
    const fjac = res.jacobianColumnMajor(x, fvec);
    const { ipvt, rdiag, acnorm } = qrfac(m, n, fjac);
    // On the first iteration: scale by the column norms in mode 1, and set Δ₀ from ‖Dx₀‖.
    if (iter === 1) {
      if (mode === 1) for (let j = 0; j < n; j++) diag[j] = acnorm[j] === 0 ? 1 : acnorm[j];
      for (let j = 0; j < n; j++) wa3[j] = diag[j] * x[j];
      xnorm = enorm(wa3);
      delta = o.factor * xnorm;
      if (delta === 0) delta = o.factor;
    }
    // Qᵀr, the first n components in qtf.
    const wa4 = Float64Array.from(fvec);
    for (let j = 0; j < n; j++) {
      if (fjac[j + j * m] !== 0) {
        let sum = 0;
        for (let i = j; i < m; i++) sum += fjac[i + j * m] * wa4[i];
        const temp = -sum / fjac[j + j * m];
        for (let i = j; i < m; i++) wa4[i] += fjac[i + j * m] * temp;
      }
      fjac[j + j * m] = rdiag[j];
      qtf[j] = wa4[j];
    }
    // The norm of the scaled gradient: the largest cosine between r and a column of J.
    let gnorm = 0;
    if (fnorm !== 0) {
      for (let j = 0; j < n; j++) {
        const l = ipvt[j];
        if (acnorm[l] === 0) continue;
        let sum = 0;
        for (let i = 0; i <= j; i++) sum += fjac[i + j * m] * (qtf[i] / fnorm);
        gnorm = Math.max(gnorm, Math.abs(sum / acnorm[l]));
      }
    }
    if (gnorm <= o.gtol) info = 4;
    if (info !== 0) break;
    if (mode === 1) for (let j = 0; j < n; j++) diag[j] = Math.max(diag[j], acnorm[j]);

    let tryFullStep = gaussNewtonNext;
    for (;;) {
      // The full Gauss–Newton step is lmpar's answer for an infinite Δ (λ = 0).
      const stepBound = tryFullStep ? Infinity : delta;
      const parUsed = lmpar(n, fjac, m, ipvt, diag, qtf, stepBound, tryFullStep ? 0 : par, wa1, sdiag);
      if (!tryFullStep) par = parUsed;
      // The direction p = −wa1, the trial point x + p and ‖Dp‖.
      for (let j = 0; j < n; j++) {
        wa1[j] = -wa1[j];
        wa2[j] = x[j] + wa1[j];
        wa3[j] = diag[j] * wa1[j];
      }
      const pnorm = enorm(wa3);
      if (iter === 1 && !tryFullStep) delta = Math.min(delta, pnorm);
      const trial = res.value(wa2);
      const fnorm1 = enorm(trial);
      // The scaled actual reduction (−1 when ‖r‖ grew tenfold or became NaN).
      const actred = 0.1 * fnorm1 < fnorm ? 1 - (fnorm1 / fnorm) ** 2 : -1;
      // The scaled predicted reduction and directional derivative.
      for (let j = 0; j < n; j++) {
        wa3[j] = 0;
        const temp = wa1[ipvt[j]];
        for (let i = 0; i <= j; i++) wa3[i] += fjac[i + j * m] * temp;
      }
      const temp1 = enorm(wa3) / fnorm;
      const temp2 = tryFullStep ? 0 : (Math.sqrt(par) * pnorm) / fnorm;
      const prered = temp1 * temp1 + (temp2 * temp2) / 0.5;
      const dirder = -(temp1 * temp1 + temp2 * temp2);
      const ratio = prered !== 0 ? actred / prered : 0;
      if (tryFullStep) {
        tryFullStep = false;
        if (ratio < 1e-4) {
          // The full step failed: fall back to the trust region, no larger than half of it,
          // until the trust region's own step is a full Gauss–Newton step again.
          delta = Math.min(delta, 0.5 * pnorm);
          gaussNewtonNext = false;
          continue;
        }
        delta = Math.max(delta, 2 * pnorm);
        par = 0;
      } else if (ratio <= 0.25) {
        let temp = actred >= 0 ? 0.5 : (0.5 * dirder) / (dirder + 0.5 * actred);
        if (0.1 * fnorm1 >= fnorm || temp < 0.1) temp = 0.1;
        delta = temp * Math.min(delta, pnorm / 0.1);
        par /= temp;
      } else if (par === 0 || ratio >= 0.75) {
        delta = pnorm / 0.5;
        par *= 0.5;
      }
      // A successful iteration: take the step.
      if (ratio >= 1e-4) {
        if (o.gaussNewtonFirst === true) gaussNewtonNext = par === 0;
        x.set(wa2);
        for (let j = 0; j < n; j++) wa2[j] = diag[j] * x[j];
        fvec = trial;
        xnorm = enorm(wa2);
        fnorm = fnorm1;
        iter++;
      }
      // Convergence tests.
      const fSmall = Math.abs(actred) <= o.ftol && prered <= o.ftol && 0.5 * ratio <= 1;
      if (fSmall) info = 1;
      if (delta <= o.xtol * xnorm) info = 2;
      if (fSmall && info === 2) info = 3;
      if (info !== 0) break outer;
      // Termination on the evaluation budget or on tolerances below machine precision.
      if (res.nfev >= o.maxfev) info = 5;
      if (Math.abs(actred) <= epsmch && prered <= epsmch && 0.5 * ratio <= 1) info = 6;
      if (delta <= epsmch * xnorm) info = 7;
      if (gnorm <= epsmch) info = 8;
      if (info !== 0) break outer;
      if (ratio >= 1e-4) break;
    }
  }
  return { x, fvec, info };
}
