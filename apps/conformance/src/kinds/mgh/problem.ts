/**
 * A Moré–Garbow–Hillstrom (1981) test problem in residual form: f(x) = Σ rᵢ(x)².
 * J. J. Moré, B. S. Garbow, K. E. Hillstrom, "Testing unconstrained optimization software",
 * ACM TOMS 7 (1981) 17–41. Indices in the comments are the paper's (1-based); code is 0-based.
 */
export interface MghProblem {
  /** The name used by the conformance cases. */
  readonly name: string;
  /** Throws unless (n, m) is a size the problem is defined for. */
  checkSize(n: number, m: number): void;
  /** r(x), length m. */
  residuals(x: Float64Array, m: number): Float64Array;
  /** J(x) = ∂r/∂x, m×n row-major. */
  jacobian(x: Float64Array, m: number): Float64Array;
  /** Σᵢ wᵢ ∇²rᵢ(x), n×n row-major: the second-order part of the Hessian of Σ rᵢ². */
  residualCurvature(x: Float64Array, m: number, w: Float64Array): Float64Array;
}

/** Adds v to H[i][j] and, off the diagonal, to H[j][i]: one term of a symmetric Hessian. */
export function addSymmetric(h: Float64Array, n: number, i: number, j: number, v: number): void {
  h[i * n + j] += v;
  if (i !== j) h[j * n + i] += v;
}

export function sizeError(name: string, n: number, m: number, expected: string): Error {
  return new Error(`MGH ${name}: n = ${n}, m = ${m}, expected ${expected}`);
}

/** Checks a fixed size (n, m), or a fixed n with m ≥ some minimum when `mMin` is given. */
export function fixedSize(name: string, nWant: number, mWant: number, mMin?: number) {
  return (n: number, m: number): void => {
    const mOk = mMin === undefined ? m === mWant : m >= mMin;
    if (n !== nWant || !mOk) {
      throw sizeError(name, n, m, mMin === undefined ? `n = ${nWant}, m = ${mWant}` : `n = ${nWant}, m >= ${mMin}`);
    }
  };
}

/** The objective f = Σ r², its gradient 2Jᵀr and its Hessian 2(JᵀJ + Σ rᵢ∇²rᵢ). */
export interface SumOfSquares {
  n: number;
  m: number;
  value(x: Float64Array): number;
  gradient(x: Float64Array): Float64Array;
  hessian(x: Float64Array): Float64Array;
  residuals(x: Float64Array): Float64Array;
  jacobian(x: Float64Array): Float64Array;
}

export function sumOfSquares(problem: MghProblem, n: number, m: number): SumOfSquares {
  problem.checkSize(n, m);
  const residuals = (x: Float64Array) => problem.residuals(x, m);
  const jacobian = (x: Float64Array) => problem.jacobian(x, m);
  return {
    n,
    m,
    residuals,
    jacobian,
    value(x) {
      const r = residuals(x);
      let f = 0;
      for (const ri of r) f += ri * ri;
      return f;
    },
    gradient(x) {
      const r = residuals(x);
      const jac = jacobian(x);
      const g = new Float64Array(n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) g[j] += 2 * jac[i * n + j] * r[i];
      return g;
    },
    hessian(x) {
      const r = residuals(x);
      const jac = jacobian(x);
      const h = problem.residualCurvature(x, m, r);
      for (let j = 0; j < n; j++) {
        for (let k = 0; k < n; k++) {
          let s = 0;
          for (let i = 0; i < m; i++) s += jac[i * n + j] * jac[i * n + k];
          h[j * n + k] = 2 * (h[j * n + k] + s);
        }
      }
      return h;
    },
  };
}
