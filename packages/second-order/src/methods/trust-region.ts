import type { Objective } from "../objective";
import { statusMessages, type Callback, type MethodOutcome } from "../result";
import { dot, matVec, norm2 } from "../vector";

/**
 * The quadratic model m(p) = f + gᵀp + ½pᵀBp at one point, with lazily evaluated pieces that
 * the model keeps, as SciPy's `BaseQuadraticSubproblem` does. Keeping the Hessian matters for the
 * count of evaluations: the objective caches only its last point, so after f was evaluated at a
 * rejected proposal, asking the objective again for ∇²f(x) would move its cache back to x, and an
 * identical proposal next (an interior step shrinks no further) would cost f once more.
 */
export class QuadraticModel {
  private f: number | null = null;
  private g: Float64Array | null = null;
  private gMag: number | null = null;
  private h: Float64Array | null = null;

  constructor(
    readonly x: Float64Array,
    private readonly objective: Objective,
  ) {}

  get fun(): number {
    this.f ??= this.objective.value(this.x);
    return this.f;
  }

  get jac(): Float64Array {
    this.g ??= Float64Array.from(this.objective.gradient(this.x));
    return this.g;
  }

  get jacMag(): number {
    this.gMag ??= norm2(this.jac);
    return this.gMag;
  }

  get hess(): Float64Array {
    this.h ??= this.objective.hessian(this.x);
    return this.h;
  }

  /** B·p: the user's `hessp` when given (called at this x, like SciPy), else the kept Hessian times p. */
  hessp(p: Float64Array): Float64Array {
    if (this.objective.hasHessianProduct || !this.objective.hasHessian) return this.objective.hessianProduct(this.x, p);
    return matVec(this.hess, p);
  }

  /** m(p). */
  predict(p: Float64Array): number {
    return this.fun + dot(this.jac, p) + 0.5 * dot(p, this.hessp(p));
  }

  /** The two t with ‖z + t·d‖ = radius, low to high (a line–sphere intersection, cancellation-free). */
  boundaryIntersections(z: Float64Array, d: Float64Array, radius: number): [number, number] {
    const a = dot(d, d);
    const b = 2 * dot(z, d);
    const c = dot(z, z) - radius * radius;
    const sqrtDiscriminant = Math.sqrt(b * b - 4 * a * c);
    const aux = b + (b >= 0 ? sqrtDiscriminant : -sqrtDiscriminant);
    const ta = -aux / (2 * a);
    const tb = (-2 * c) / aux;
    return ta <= tb ? [ta, tb] : [tb, ta];
  }
}

/** Solves the trust-region subproblem min m(p) s.t. ‖p‖ ≤ radius. */
export interface SubproblemSolver {
  solve(model: QuadraticModel, radius: number): { p: Float64Array; hitsBoundary: boolean };
}

export interface TrustRegionOptions {
  initialTrustRadius: number;
  maxTrustRadius: number;
  /** Accept a step when actual/predicted reduction exceeds eta (default 0.15). */
  eta: number;
  /** Stop when ‖∇f‖₂ < gtol (default 1e-4). */
  gtol: number;
  maxiter: number;
}

export class SubproblemError extends Error {}

/**
 * The trust-region driver of Nocedal & Wright (2nd ed., alg. 4.1) as SciPy's
 * `_minimize_trust_region`: ρ = actual/predicted reduction; radius × ¼ when ρ < ¼, × 2 (up to
 * the maximum) when ρ > ¾ and the step reached the boundary; the step is taken when ρ > η.
 */
export function trustRegion(objective: Objective, x0: Float64Array, solver: (x: Float64Array) => SubproblemSolver, o: TrustRegionOptions, callback?: Callback): MethodOutcome {
  let radius = o.initialTrustRadius;
  let x = x0;
  let m = new QuadraticModel(x, objective);
  let sub = solver(x);
  let k = 0;
  let warnflag = 0;
  while (m.jacMag >= o.gtol) {
    let step: { p: Float64Array; hitsBoundary: boolean };
    try {
      step = sub.solve(m, radius);
    } catch (error) {
      if (error instanceof SubproblemError) {
        warnflag = 3;
        break;
      }
      throw error;
    }
    const predicted = m.predict(step.p);
    const xProposed = x.map((v, i) => v + step.p[i]);
    const mProposed = new QuadraticModel(xProposed, objective);
    const actualReduction = m.fun - mProposed.fun;
    const predictedReduction = m.fun - predicted;
    if (!(predictedReduction > 0)) {
      warnflag = 2;
      break;
    }
    const rho = actualReduction / predictedReduction;
    if (rho < 0.25) radius *= 0.25;
    else if (rho > 0.75 && step.hitsBoundary) radius = Math.min(2 * radius, o.maxTrustRadius);
    if (rho > o.eta) {
      x = xProposed;
      m = mProposed;
      sub = solver(x);
    }
    callback?.(Float64Array.from(x));
    k++;
    if (m.jacMag < o.gtol) {
      warnflag = 0;
      break;
    }
    if (k >= o.maxiter) {
      warnflag = 1;
      break;
    }
    if (Number.isNaN(m.fun) || Number.isNaN(m.jacMag)) {
      warnflag = 3;
      break;
    }
  }
  const messages = [
    statusMessages.success,
    statusMessages.maxiter,
    "A bad approximation caused failure to predict improvement.",
    "A linalg error occurred, such as a non-psd Hessian.",
  ];
  return { x, fun: m.fun, jac: m.jac, nit: k, status: warnflag, message: messages[warnflag] };
}
