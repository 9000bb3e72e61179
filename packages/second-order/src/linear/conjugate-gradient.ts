import { invalidArgument } from "@descent/tensor";
import { allFinite, dot } from "../vector";

/** A symmetric positive definite operator: v ↦ A·v, or A itself as an n×n row-major matrix. */
export type LinearOperator = ((v: Float64Array) => ArrayLike<number>) | Float64Array;

export interface ConjugateGradientOptions {
  /** Starting guess (default 0). */
  x0?: ArrayLike<number>;
  /** v ↦ M⁻¹v for a symmetric positive definite preconditioner M (default: none). */
  preconditioner?: (r: Float64Array) => ArrayLike<number>;
  /** Stop when ‖r‖ ≤ max(tol·‖b‖, atol) (defaults 1e-10 and 0). */
  tol?: number;
  atol?: number;
  /** Iterations allowed (default 10·n; in exact arithmetic CG needs at most n). */
  maxiter?: number;
}

export interface ConjugateGradientResult {
  x: Float64Array;
  /** CG iterations performed (each costs one product with A). */
  iterations: number;
  /** ‖b − Ax‖ by the recurrence. */
  residualNorm: number;
  converged: boolean;
  /** Why it stopped: converged, maxiter, or non-positive curvature (A not positive definite). */
  message: string;
}

/**
 * The (preconditioned) conjugate gradient method for A·x = b with A symmetric positive definite,
 * matrix-free (Hestenes & Stiefel 1952; Nocedal & Wright, 2nd ed., alg. 5.3):
 *
 *   r = b − Ax, z = M⁻¹r, p = z;  repeat: α = rᵀz / pᵀAp, x += αp, r −= αAp,
 *   z = M⁻¹r, β = r₊ᵀz₊ / rᵀz, p = z + βp.
 *
 * Stops with converged = false (never a silent NaN) when pᵀAp ≤ 0: A is then not positive
 * definite along p.
 */
export function conjugateGradient(aop: LinearOperator, b: ArrayLike<number>, options: ConjugateGradientOptions = {}): ConjugateGradientResult {
  const fn = "conjugateGradient";
  const n = b.length;
  if (n === 0 || !allFinite(b)) throw invalidArgument(fn, "b", b, "a non-empty array of finite numbers");
  const apply = operator(fn, aop, n);
  const tol = options.tol ?? 1e-10;
  const atol = options.atol ?? 0;
  const maxiter = options.maxiter ?? 10 * n;
  if (!(tol >= 0)) throw invalidArgument(fn, "options.tol", tol, "a number >= 0");
  if (!(atol >= 0)) throw invalidArgument(fn, "options.atol", atol, "a number >= 0");
  if (!Number.isInteger(maxiter) || maxiter < 0) throw invalidArgument(fn, "options.maxiter", maxiter, "a non-negative integer");
  const x = new Float64Array(n);
  if (options.x0 !== undefined) {
    if (options.x0.length !== n || !allFinite(options.x0)) throw invalidArgument(fn, "options.x0", options.x0, `${n} finite numbers`);
    x.set(Array.from(options.x0));
  }
  const precondition = options.preconditioner === undefined ? (r: Float64Array) => Float64Array.from(r) : (r: Float64Array) => checked(fn, "preconditioner(r)", options.preconditioner!(r), n);
  const ax = options.x0 === undefined ? new Float64Array(n) : apply(x);
  const r = Float64Array.from(b, (v, i) => v - ax[i]);
  const bnorm = Math.sqrt(dot(Float64Array.from(b), Float64Array.from(b)));
  const threshold = Math.max(tol * bnorm, atol);
  let rnorm = Math.sqrt(dot(r, r));
  if (rnorm <= threshold) return { x, iterations: 0, residualNorm: rnorm, converged: true, message: "converged" };
  let z = precondition(r);
  const p = Float64Array.from(z);
  let rz = dot(r, z);
  for (let k = 0; k < maxiter; k++) {
    const ap = apply(p);
    const curvature = dot(p, ap);
    if (!(curvature > 0)) {
      return { x, iterations: k, residualNorm: rnorm, converged: false, message: `non-positive curvature pᵀAp = ${curvature}: A is not positive definite` };
    }
    const alpha = rz / curvature;
    for (let i = 0; i < n; i++) {
      x[i] += alpha * p[i];
      r[i] -= alpha * ap[i];
    }
    rnorm = Math.sqrt(dot(r, r));
    if (rnorm <= threshold) return { x, iterations: k + 1, residualNorm: rnorm, converged: true, message: "converged" };
    z = precondition(r);
    const rzNext = dot(r, z);
    const beta = rzNext / rz;
    rz = rzNext;
    for (let i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
  }
  return { x, iterations: maxiter, residualNorm: rnorm, converged: false, message: "maxiter reached" };
}

function checked(fn: string, what: string, v: ArrayLike<number>, n: number): Float64Array {
  if (v.length !== n) throw invalidArgument(fn, what, v, `an array of length ${n}`);
  return Float64Array.from(v);
}

function operator(fn: string, aop: LinearOperator, n: number): (v: Float64Array) => Float64Array {
  if (aop instanceof Float64Array) {
    if (aop.length !== n * n) throw invalidArgument(fn, "aop", aop, `an ${n}×${n} matrix (Float64Array of ${n * n}) or a function`);
    return (v) => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += aop[i * n + j] * v[j];
        out[i] = s;
      }
      return out;
    };
  }
  if (typeof aop !== "function") throw invalidArgument(fn, "aop", aop, "a function v => A·v or an n×n Float64Array");
  return (v) => checked(fn, "aop(v)", aop(Float64Array.from(v)), n);
}
