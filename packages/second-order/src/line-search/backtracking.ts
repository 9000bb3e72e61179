import { invalidArgument } from "@descent/tensor";
import { dot } from "../vector";

export interface ArmijoOptions {
  /** Sufficient-decrease constant c₁ (default 1e-4). */
  c1?: number;
  /** First trial step (default 1). */
  alpha0?: number;
  /** Give up below this step (default 0). */
  amin?: number;
  /** Trial steps allowed after the first two (default 100): the loop is always bounded. */
  maxiter?: number;
}

export interface ArmijoResult {
  /** A step with φ(α) ≤ φ(0) + c₁·α·φ'(0), or null. */
  alpha: number | null;
  phi: number;
  evaluations: number;
}

/**
 * Backtracking Armijo search by interpolation (Nocedal & Wright §3.5, pp. 56–58, the scheme of
 * SciPy's scalar_search_armijo): try α₀, then the minimizer of the quadratic through φ(0),
 * φ'(0), φ(α₀), then the minimizer of the cubic through the last two trials. Each new trial is
 * safeguarded into [α/10, α/2] of the previous one before it is evaluated (SciPy applies its
 * safeguard after the evaluation, so its cubic can mix up steps and values; this does not).
 * Only the sufficient decrease condition is enforced.
 */
export function scalarSearchArmijo(phi: (alpha: number) => number, phi0: number, derphi0: number, options: ArmijoOptions = {}): ArmijoResult {
  const fn = "scalarSearchArmijo";
  const c1 = options.c1 ?? 1e-4;
  let alpha0 = options.alpha0 ?? 1;
  const amin = options.amin ?? 0;
  const maxiter = options.maxiter ?? 100;
  if (!(alpha0 > 0)) throw invalidArgument(fn, "options.alpha0", alpha0, "a positive number");
  if (!(derphi0 < 0)) throw invalidArgument(fn, "derphi0", derphi0, "a negative slope (a descent direction)");
  let evaluations = 1;
  let phiA0 = phi(alpha0);
  if (phiA0 <= phi0 + c1 * alpha0 * derphi0) return { alpha: alpha0, phi: phiA0, evaluations };
  // Minimizer of the quadratic interpolant of φ(0), φ'(0), φ(α₀).
  let alpha1 = (-derphi0 * alpha0 * alpha0) / 2 / (phiA0 - phi0 - derphi0 * alpha0);
  // A NaN φ(α₀) gives a NaN α₁: fall back to halving so the search can still recover.
  if (!Number.isFinite(alpha1) || alpha1 <= 0) alpha1 = alpha0 / 2;
  let phiA1 = phi(alpha1);
  evaluations++;
  if (phiA1 <= phi0 + c1 * alpha1 * derphi0) return { alpha: alpha1, phi: phiA1, evaluations };
  for (let i = 0; i < maxiter && alpha1 > amin; i++) {
    const factor = alpha0 * alpha0 * alpha1 * alpha1 * (alpha1 - alpha0);
    const r1 = phiA1 - phi0 - derphi0 * alpha1;
    const r0 = phiA0 - phi0 - derphi0 * alpha0;
    const a = (alpha0 * alpha0 * r1 - alpha1 * alpha1 * r0) / factor;
    const b = (-(alpha0 ** 3) * r1 + alpha1 ** 3 * r0) / factor;
    let alpha2 = (-b + Math.sqrt(Math.abs(b * b - 3 * a * derphi0))) / (3 * a);
    if (!Number.isFinite(alpha2)) alpha2 = alpha1 / 2;
    alpha2 = Math.min(alpha1 / 2, Math.max(alpha1 / 10, alpha2));
    const phiA2 = phi(alpha2);
    evaluations++;
    if (phiA2 <= phi0 + c1 * alpha2 * derphi0) return { alpha: alpha2, phi: phiA2, evaluations };
    alpha0 = alpha1;
    alpha1 = alpha2;
    phiA0 = phiA1;
    phiA1 = phiA2;
  }
  return { alpha: null, phi: phiA1, evaluations };
}

/** SciPy's line_search_armijo: {@link scalarSearchArmijo} along pk from xk, f(xk) and ∇f(xk) given. */
export function lineSearchArmijo(f: (x: Float64Array) => number, xk: Float64Array, pk: Float64Array, gfk: Float64Array, oldFval: number, options: ArmijoOptions = {}): ArmijoResult {
  const phi = (alpha: number) => f(xk.map((v, i) => v + alpha * pk[i]));
  return scalarSearchArmijo(phi, oldFval, dot(gfk, pk), options);
}
