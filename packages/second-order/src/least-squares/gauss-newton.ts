import { enorm } from "./enorm";
import { gaussNewtonStep } from "./gauss-newton-step";
import type { Residuals } from "./residuals";
import type { LeastSquaresTolerances } from "./stopping";

export interface LeastSquaresOutcome {
  x: Float64Array;
  fvec: Float64Array;
  /** SciPy's status (see stopping.ts). */
  status: number;
}

/** J·v for a column-major m×n J. */
function jacTimes(jac: Float64Array, v: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const vj = v[j];
    if (vj === 0) continue;
    for (let i = 0; i < m; i++) out[i] += jac[i + j * m] * vj;
  }
  return out;
}

/**
 * The scaled dog-leg step inside ‖D·h‖ ≤ Δ (MINPACK's dogleg; Nocedal & Wright §4.1): the
 * Gauss–Newton step when it fits, else the point where the path from the Cauchy point of the
 * scaled gradient direction to the Gauss–Newton step leaves the region.
 */
function dogleg(jac: Float64Array, m: number, n: number, d: Float64Array, gn: Float64Array, grad: Float64Array, delta: number): { h: Float64Array; full: boolean } {
  const dgn = enorm(gn.map((v, j) => d[j] * v));
  if (dgn <= delta) return { h: gn, full: true };
  // Steepest descent in the scaled variables y = Dx: direction s = −D⁻²g, Cauchy length τ.
  const s = grad.map((v, j) => -v / (d[j] * d[j]));
  const ds = enorm(s.map((v, j) => d[j] * v));
  const js = enorm(jacTimes(jac, s, m, n));
  const tau = (ds * ds) / (js * js);
  const cauchy = tau * ds;
  if (!(cauchy < delta) || !Number.isFinite(tau)) return { h: s.map((v) => (delta / ds) * v), full: false };
  // h = a + β(b − a), a the Cauchy point, b the Gauss–Newton step, ‖D·h‖ = Δ.
  const a = s.map((v) => tau * v);
  const da = a.map((v, j) => d[j] * v);
  const dba = gn.map((v, j) => d[j] * (v - a[j]));
  let c = 0;
  let bb = 0;
  for (let j = 0; j < n; j++) {
    c += da[j] * dba[j];
    bb += dba[j] * dba[j];
  }
  const gap = delta * delta - cauchy * cauchy;
  const disc = Math.sqrt(c * c + bb * gap);
  const beta = c <= 0 ? (-c + disc) / bb : gap / (c + disc);
  return { h: a.map((v, j) => v + beta * (gn[j] - v)), full: false };
}

/**
 * Gauss–Newton with trust-region step control: Powell's dog leg (Madsen, Nielsen & Tingleff,
 * "Methods for non-linear least squares problems", 2004, alg. 3.21; MINPACK's hybrj uses the
 * same step). The Gauss–Newton step δ minimizes ‖Jδ + r‖ by pivoted QR of J (never forming or
 * inverting JᵀJ) and is taken whole whenever it lies inside the region ‖D·h‖ ≤ Δ, so near a
 * solution this is plain Gauss–Newton; otherwise the step follows the dog leg from the Cauchy
 * point towards δ, which keeps the method robust where J is ill-conditioned. D scales the
 * variables (Jacobian column norms, as MINPACK's mode 1, or 1/xScale), Δ is updated by lmder's
 * rules, and the tests are lmder's: gtol (cosine), ftol (actual and predicted reductions), xtol
 * (Δ ≤ xtol·‖Dx‖), and the evaluation budget.
 */
export function gaussNewton(res: Residuals, x0: Float64Array, r0: Float64Array, o: LeastSquaresTolerances, scale: Float64Array | null): LeastSquaresOutcome {
  const { m, n } = res;
  let x = Float64Array.from(x0);
  let r = r0;
  let rnorm = enorm(r);
  const d = scale === null ? new Float64Array(n) : Float64Array.from(scale);
  let delta = 0;
  let first = true;
  for (;;) {
    if (!Number.isFinite(rnorm)) return { x, fvec: r, status: -1 };
    const jac = res.jacobianColumnMajor(x, r);
    const { step: gn, grad, gnorm, colNorms } = gaussNewtonStep(jac, r, m, n);
    if (scale === null) for (let j = 0; j < n; j++) d[j] = Math.max(first ? 0 : d[j], colNorms[j] || (first ? 1 : 0));
    if (first) {
      delta = 100 * enorm(x.map((v, j) => d[j] * v)) || 100;
    }
    if (gnorm <= o.gtol) return { x, fvec: r, status: 1 };
    for (;;) {
      const { h, full } = dogleg(jac, m, n, d, gn, grad, delta);
      const hnorm = enorm(h.map((v, j) => d[j] * v));
      if (first) {
        delta = Math.min(delta, hnorm);
        first = false;
      }
      const xNew = x.map((v, j) => v + h[j]);
      const rNew = res.value(xNew);
      const rnormNew = enorm(rNew);
      // lmder's scaled reductions of ‖r‖²: actual, predicted (−2gᵀh − ‖Jh‖²), directional derivative.
      const actred = 0.1 * rnormNew < rnorm ? 1 - (rnormNew / rnorm) ** 2 : -1;
      let gh = 0;
      for (let j = 0; j < n; j++) gh += grad[j] * h[j];
      const jh2 = enorm(jacTimes(jac, h, m, n)) ** 2;
      const prered = (-2 * gh - jh2) / (rnorm * rnorm);
      const dirder = gh / (rnorm * rnorm);
      const ratio = prered !== 0 ? actred / prered : 0;
      if (ratio <= 0.25) {
        let temp = actred >= 0 ? 0.5 : (0.5 * dirder) / (dirder + 0.5 * actred);
        if (0.1 * rnormNew >= rnorm || temp < 0.1) temp = 0.1;
        delta = temp * Math.min(delta, hnorm / 0.1);
      } else if (full || ratio >= 0.75) {
        delta = hnorm / 0.5;
      }
      const accepted = ratio >= 1e-4;
      if (accepted) {
        x = xNew;
        r = rNew;
        rnorm = rnormNew;
      }
      const fSmall = Math.abs(actred) <= o.ftol && prered <= o.ftol && 0.5 * ratio <= 1;
      const xSmall = delta <= o.xtol * enorm(x.map((v, j) => d[j] * v));
      if (fSmall && xSmall) return { x, fvec: r, status: 4 };
      if (fSmall) return { x, fvec: r, status: 2 };
      if (xSmall) return { x, fvec: r, status: 3 };
      if (rnorm === 0) return { x, fvec: r, status: 2 };
      if (res.nfev >= o.maxNfev) return { x, fvec: r, status: 0 };
      if (accepted) break;
    }
  }
}
