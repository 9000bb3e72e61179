import { invalidArgument } from "@descent/tensor";
import { sameValues } from "./vector";

/** f(x) alone. */
export type ScalarFunction = (x: Float64Array) => number;
/** f(x) and ∇f(x) together (SciPy's `jac=True`). */
export type ValueAndGradientFunction = (x: Float64Array) => readonly [number, ArrayLike<number>];
/** ∇f(x), length n. */
export type GradientFunction = (x: Float64Array) => ArrayLike<number>;
/** ∇²f(x): n×n row-major flat, or n rows. */
export type HessianFunction = (x: Float64Array) => ArrayLike<number> | readonly ArrayLike<number>[];
/** ∇²f(x)·p, length n. */
export type HessianVectorProduct = (x: Float64Array, p: Float64Array) => ArrayLike<number>;

export interface ObjectiveSpec {
  fun: ScalarFunction | ValueAndGradientFunction;
  /** A gradient function, `true` when `fun` returns [value, gradient], or absent for finite differences. */
  jac?: GradientFunction | boolean | undefined;
  hess?: HessianFunction | undefined;
  hessp?: HessianVectorProduct | undefined;
}

/** √ε: SciPy's relative step for forward differences. */
const fdRelativeStep = Math.sqrt(Number.EPSILON);

/**
 * The objective as the methods see it: values, gradients and Hessians with SciPy's bookkeeping
 * (`ScalarFunction`): the last point is cached, so asking again at the same x costs nothing, and
 * nfev / njev / nhev count real evaluations (finite-difference evaluations count in nfev, as in
 * SciPy). The user's functions receive a copy of x, so they cannot disturb the iteration.
 */
export class Objective {
  nfev = 0;
  njev = 0;
  nhev = 0;
  /** The first point where f or ∇f was NaN, for the final message. */
  nanAt: Float64Array | null = null;
  readonly finiteDifferences: boolean;
  readonly hasHessian: boolean;
  readonly hasHessianProduct: boolean;
  private cachedX: Float64Array | null = null;
  private cachedF: number | null = null;
  private cachedG: Float64Array | null = null;
  private cachedH: Float64Array | null = null;

  constructor(
    private readonly caller: string,
    readonly n: number,
    private readonly spec: ObjectiveSpec,
  ) {
    this.finiteDifferences = spec.jac === undefined || spec.jac === false;
    this.hasHessian = spec.hess !== undefined;
    this.hasHessianProduct = spec.hessp !== undefined;
  }

  value(x: Float64Array): number {
    this.moveTo(x);
    if (this.cachedF === null) this.evaluate(x, this.spec.jac === true);
    return this.cachedF!;
  }

  gradient(x: Float64Array): Float64Array {
    this.moveTo(x);
    if (this.cachedG === null) {
      const jac = this.spec.jac;
      if (jac === true) {
        this.evaluate(x, true);
      } else if (typeof jac === "function") {
        this.cachedG = this.checkVector("jac", jac(Float64Array.from(x)));
        this.njev++;
      } else {
        this.cachedG = this.forwardDifferenceGradient(x, this.value(x));
        this.njev++;
      }
      if (this.cachedG!.some((v) => Number.isNaN(v))) this.nanAt ??= Float64Array.from(x);
    }
    return this.cachedG!;
  }

  hessian(x: Float64Array): Float64Array {
    const hess = this.spec.hess;
    if (hess === undefined) throw invalidArgument(this.caller, "hess", hess, "a function returning the n×n Hessian");
    this.moveTo(x);
    if (this.cachedH === null) {
      this.cachedH = this.checkMatrix(hess(Float64Array.from(x)));
      this.nhev++;
    }
    return this.cachedH;
  }

  /** ∇²f(x)·p from `hessp`, else from `hess`, else by a forward difference of the gradient. */
  hessianProduct(x: Float64Array, p: Float64Array): Float64Array {
    const hessp = this.spec.hessp;
    if (hessp !== undefined) {
      this.nhev++;
      return this.checkVector("hessp", hessp(Float64Array.from(x), Float64Array.from(p)));
    }
    if (this.spec.hess !== undefined) {
      const h = this.hessian(x);
      const n = this.n;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += h[i * n + j] * p[j];
        out[i] = s;
      }
      return out;
    }
    // SciPy's approx_fhess_p: (∇f(x + εp) − ∇f(x))/ε with ε = √(machine ε).
    const g0 = Float64Array.from(this.gradient(x));
    const shifted = x.map((v, i) => v + fdRelativeStep * p[i]);
    const g1 = this.gradient(shifted);
    return g1.map((v, i) => (v - g0[i]) / fdRelativeStep);
  }

  private moveTo(x: Float64Array): void {
    if (this.cachedX !== null && sameValues(this.cachedX, x)) return;
    this.cachedX = Float64Array.from(x);
    this.cachedF = null;
    this.cachedG = null;
    this.cachedH = null;
  }

  private evaluate(x: Float64Array, withGradient: boolean): void {
    const out: unknown = this.spec.fun(Float64Array.from(x));
    this.nfev++;
    if (withGradient) {
      if (!Array.isArray(out) || out.length !== 2 || typeof out[0] !== "number") {
        throw invalidArgument(this.caller, "fun(x)", out, "[value, gradient] because jac is true");
      }
      this.cachedF = out[0];
      this.cachedG = this.checkVector("the gradient returned by fun", out[1] as ArrayLike<number>);
      this.njev++;
    } else {
      if (typeof out !== "number") throw invalidArgument(this.caller, "fun(x)", out, "a number (or pass jac: true to return [value, gradient])");
      this.cachedF = out;
    }
    if (Number.isNaN(this.cachedF)) this.nanAt ??= Float64Array.from(x);
  }

  /** SciPy's '2-point' scheme: h = √ε·sign(x)·max(1, |x|), made exact as (x + h) − x. */
  private forwardDifferenceGradient(x: Float64Array, f0: number): Float64Array {
    const g = new Float64Array(this.n);
    for (let j = 0; j < this.n; j++) {
      const sign = x[j] >= 0 ? 1 : -1;
      const shifted = Float64Array.from(x);
      shifted[j] = x[j] + fdRelativeStep * sign * Math.max(1, Math.abs(x[j]));
      const h = shifted[j] - x[j];
      const f1 = this.spec.fun(shifted);
      this.nfev++;
      const v = Array.isArray(f1) ? (f1 as readonly [number, unknown])[0] : f1;
      if (typeof v !== "number") throw invalidArgument(this.caller, "fun(x)", f1, "a number");
      g[j] = (v - f0) / h;
    }
    return g;
  }

  private checkVector(what: string, v: ArrayLike<number> | null | undefined): Float64Array {
    if (v === null || v === undefined || typeof v.length !== "number" || v.length !== this.n) {
      throw invalidArgument(this.caller, what, v, `an array of length ${this.n} (the length of x0)`);
    }
    return Float64Array.from(v);
  }

  private checkMatrix(h: ArrayLike<number> | readonly ArrayLike<number>[]): Float64Array {
    const n = this.n;
    if (h.length === n * n && typeof h[0] === "number") return Float64Array.from(h as ArrayLike<number>);
    if (h.length === n && Array.from(h as readonly unknown[]).every((row) => typeof row === "object" && row !== null && (row as ArrayLike<number>).length === n)) {
      const out = new Float64Array(n * n);
      (h as readonly ArrayLike<number>[]).forEach((row, i) => {
        for (let j = 0; j < n; j++) out[i * n + j] = row[j];
      });
      return out;
    }
    throw invalidArgument(this.caller, "hess(x)", h, `an ${n}×${n} matrix (flat row-major or ${n} rows)`);
  }
}
