import { dot } from "../vector";
import { runDcsrch } from "./more-thuente";
import { zoom } from "./zoom";

/**
 * SciPy's first trial step from the previous decrease: α₁ = min(1, 1.01·2(φ(0) − φ_prev)/φ'(0)),
 * i.e. assume the next decrease equals the last one (Nocedal & Wright eq. 3.60); 1 when negative.
 */
function initialStep(phi0: number, oldPhi0: number | undefined, derphi0: number): number {
  if (oldPhi0 === undefined || derphi0 === 0) return 1;
  const alpha = Math.min(1, (1.01 * 2 * (phi0 - oldPhi0)) / derphi0);
  return alpha < 0 ? 1 : alpha;
}

export interface ScalarWolfeOptions {
  phi0?: number;
  /** φ at the previous iterate: sets the first trial step. */
  oldPhi0?: number | undefined;
  derphi0?: number;
  c1?: number;
  c2?: number;
  amax?: number;
  amin?: number;
  xtol?: number;
}

export interface ScalarWolfeResult {
  alpha: number | null;
  phi: number;
  phi0: number;
}

/** SciPy's scalar_search_wolfe1: Moré–Thuente (dcsrch) from SciPy's first trial step. */
export function scalarSearchWolfe1(phi: (alpha: number) => number, derphi: (alpha: number) => number, options: ScalarWolfeOptions = {}): ScalarWolfeResult {
  const phi0 = options.phi0 ?? phi(0);
  const derphi0 = options.derphi0 ?? derphi(0);
  const alpha1 = initialStep(phi0, options.oldPhi0, derphi0);
  const out = runDcsrch((a) => [phi(a), derphi(a)], alpha1, {
    phi0,
    derphi0,
    ftol: options.c1 ?? 1e-4,
    gtol: options.c2 ?? 0.9,
    stpmax: options.amax ?? 50,
    stpmin: options.amin ?? 1e-8,
    xtol: options.xtol ?? 1e-14,
  });
  return { alpha: out.alpha, phi: out.phi, phi0 };
}

export interface ScalarWolfe2Options {
  phi0?: number;
  oldPhi0?: number | undefined;
  derphi0?: number;
  c1?: number;
  c2?: number;
  amax?: number | undefined;
  /** Accept a Wolfe step only if this also holds (SciPy's `extra_condition`). */
  extraCondition?: (alpha: number, phi: number) => boolean;
  maxiter?: number;
}

export interface ScalarWolfe2Result {
  alpha: number | null;
  phi: number | null;
  phi0: number;
  derphi: number | null;
}

/**
 * SciPy's scalar_search_wolfe2: bracketing by doubling, then zoom (Nocedal & Wright alg. 3.5
 * and 3.6), for the strong Wolfe conditions.
 */
export function scalarSearchWolfe2(phi: (alpha: number) => number, derphi: (alpha: number) => number, options: ScalarWolfe2Options = {}): ScalarWolfe2Result {
  const c1 = options.c1 ?? 1e-4;
  const c2 = options.c2 ?? 0.9;
  const amax = options.amax;
  const maxiter = options.maxiter ?? 10;
  const extra = options.extraCondition ?? (() => true);
  let phi0 = options.phi0 ?? phi(0);
  const derphi0 = options.derphi0 ?? derphi(0);
  let alpha0 = 0;
  let alpha1 = initialStep(phi0, options.oldPhi0, derphi0);
  if (amax !== undefined) alpha1 = Math.min(alpha1, amax);
  let phiA1 = phi(alpha1);
  let phiA0 = phi0;
  let derphiA0 = derphi0;
  for (let i = 0; i < maxiter; i++) {
    if (alpha1 === 0 || (amax !== undefined && alpha0 === amax)) {
      // Rounding errors (α₁ slipped to 0) or no acceptable step below amax.
      const failedPhi = phi0;
      phi0 = options.oldPhi0 ?? phi0;
      return { alpha: null, phi: failedPhi, phi0, derphi: null };
    }
    if (phiA1 > phi0 + c1 * alpha1 * derphi0 || (phiA1 >= phiA0 && i > 0)) {
      const z = zoom(alpha0, alpha1, phiA0, phiA1, derphiA0, phi, derphi, phi0, derphi0, c1, c2, extra);
      return { alpha: z.alpha, phi: z.phi, phi0, derphi: z.derphi };
    }
    const derphiA1 = derphi(alpha1);
    if (Math.abs(derphiA1) <= -c2 * derphi0 && extra(alpha1, phiA1)) return { alpha: alpha1, phi: phiA1, phi0, derphi: derphiA1 };
    if (derphiA1 >= 0) {
      const z = zoom(alpha1, alpha0, phiA1, phiA0, derphiA1, phi, derphi, phi0, derphi0, c1, c2, extra);
      return { alpha: z.alpha, phi: z.phi, phi0, derphi: z.derphi };
    }
    let alpha2 = 2 * alpha1;
    if (amax !== undefined) alpha2 = Math.min(alpha2, amax);
    alpha0 = alpha1;
    alpha1 = alpha2;
    phiA0 = phiA1;
    phiA1 = phi(alpha1);
    derphiA0 = derphiA1;
  }
  // Out of iterations: SciPy returns the last step without a slope (callers treat it as found).
  return { alpha: alpha1, phi: phiA1, phi0, derphi: null };
}

/** f and ∇f along a line x + αp, as the vector line searches use them. */
export interface LineFunctions {
  f: (x: Float64Array) => number;
  fprime: (x: Float64Array) => Float64Array;
}

export interface LineSearchOptions {
  /** ∇f(xk), f(xk) and f at the previous iterate when known. */
  gfk?: Float64Array;
  oldFval?: number;
  oldOldFval?: number | undefined;
  c1?: number;
  c2?: number;
  amax?: number;
  amin?: number;
  xtol?: number;
  /** Wolfe2 only: `(alpha, x, f, g) => boolean`, an extra acceptance test. */
  extraCondition?: (alpha: number, x: Float64Array, f: number, g: Float64Array) => boolean;
  maxiter?: number;
}

export interface LineSearchResult {
  /** The step, or null when no step was found. */
  alpha: number | null;
  /** f evaluations and gradient evaluations made by the search. */
  fc: number;
  gc: number;
  /** f(xk + αp), f(xk). */
  fval: number | null;
  oldFval: number;
  /** ∇f at the last point where it was evaluated (xk + αp on success), or null. */
  gval: Float64Array | null;
}

function point(xk: Float64Array, alpha: number, pk: Float64Array): Float64Array {
  const x = new Float64Array(xk.length);
  for (let i = 0; i < xk.length; i++) x[i] = xk[i] + alpha * pk[i];
  return x;
}

/**
 * SciPy's line_search_wolfe1: strong Wolfe by MINPACK-2's dcsrch along pk from xk.
 * Defaults c₁ = 1e-4, c₂ = 0.9, steps in [1e-8, 50], xtol = 1e-14.
 */
export function lineSearchWolfe1(fns: LineFunctions, xk: Float64Array, pk: Float64Array, options: LineSearchOptions = {}): LineSearchResult {
  const gfk = options.gfk ?? fns.fprime(xk);
  let gval: Float64Array = gfk;
  let fc = 0;
  let gc = 0;
  const phi = (s: number) => {
    fc++;
    return fns.f(point(xk, s, pk));
  };
  const derphi = (s: number) => {
    gval = fns.fprime(point(xk, s, pk));
    gc++;
    return dot(gval, pk);
  };
  const derphi0 = dot(gfk, pk);
  const out = scalarSearchWolfe1(phi, derphi, {
    phi0: options.oldFval ?? phi(0),
    oldPhi0: options.oldOldFval,
    derphi0,
    c1: options.c1 ?? 1e-4,
    c2: options.c2 ?? 0.9,
    amax: options.amax ?? 50,
    amin: options.amin ?? 1e-8,
    xtol: options.xtol ?? 1e-14,
  });
  return { alpha: out.alpha, fc, gc, fval: out.phi, oldFval: out.phi0, gval };
}

/**
 * SciPy's line_search_wolfe2: strong Wolfe by bracketing and zoom (Nocedal & Wright alg.
 * 3.5/3.6), with an optional extra acceptance condition. At most `maxiter` (10) bracketing steps.
 */
export function lineSearchWolfe2(fns: LineFunctions, xk: Float64Array, pk: Float64Array, options: LineSearchOptions = {}): LineSearchResult {
  let fc = 0;
  let gc = 0;
  let gval: Float64Array | null = null;
  let gvalAlpha: number | null = null;
  const phi = (alpha: number) => {
    fc++;
    return fns.f(point(xk, alpha, pk));
  };
  const derphi = (alpha: number) => {
    gc++;
    gval = fns.fprime(point(xk, alpha, pk));
    gvalAlpha = alpha;
    return dot(gval, pk);
  };
  const gfk = options.gfk ?? fns.fprime(xk);
  const derphi0 = dot(gfk, pk);
  const extra = options.extraCondition;
  const extraCondition =
    extra === undefined
      ? undefined
      : (alpha: number, phiValue: number) => {
          if (gvalAlpha !== alpha) derphi(alpha);
          return extra(alpha, point(xk, alpha, pk), phiValue, gval!);
        };
  const out = scalarSearchWolfe2(phi, derphi, {
    phi0: options.oldFval ?? phi(0),
    oldPhi0: options.oldOldFval,
    derphi0,
    c1: options.c1 ?? 1e-4,
    c2: options.c2 ?? 0.9,
    amax: options.amax,
    ...(extraCondition === undefined ? {} : { extraCondition }),
    maxiter: options.maxiter ?? 10,
  });
  // As SciPy: the gradient is reported only when the search ended with a slope.
  return { alpha: out.alpha, fc, gc, fval: out.phi, oldFval: out.phi0, gval: out.derphi === null ? null : gval };
}

/**
 * SciPy's `_line_search_wolfe12`: dcsrch first, then the zoom search when dcsrch fails (or its
 * step fails `extraCondition`). Returns null when both fail.
 */
export function lineSearchWolfe12(fns: LineFunctions, xk: Float64Array, pk: Float64Array, options: LineSearchOptions): LineSearchResult | null {
  const { extraCondition, ...rest } = options;
  let result: LineSearchResult | null = lineSearchWolfe1(fns, xk, pk, rest);
  if (result.alpha !== null && extraCondition !== undefined) {
    if (!extraCondition(result.alpha, point(xk, result.alpha, pk), result.fval!, result.gval!)) result = null;
  }
  if (result === null || result.alpha === null) {
    const second = lineSearchWolfe2(fns, xk, pk, {
      ...(options.gfk === undefined ? {} : { gfk: options.gfk }),
      ...(options.oldFval === undefined ? {} : { oldFval: options.oldFval }),
      oldOldFval: options.oldOldFval,
      ...(options.c1 === undefined ? {} : { c1: options.c1 }),
      ...(options.c2 === undefined ? {} : { c2: options.c2 }),
      ...(options.amax === undefined ? {} : { amax: options.amax }),
      ...(extraCondition === undefined ? {} : { extraCondition }),
    });
    if (second.alpha === null) return null;
    return second;
  }
  return result;
}
