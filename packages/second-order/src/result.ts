/** What `minimize` returns: SciPy's OptimizeResult, camelCase, float64. */
export interface OptimizeResult {
  /** The solution (the last accepted iterate). */
  x: Float64Array;
  /** f(x). */
  fun: number;
  /** ∇f(x). */
  jac: Float64Array;
  /** Iterations performed. */
  nit: number;
  /** Evaluations of f, of ∇f and of the Hessian (or Hessian-vector products). */
  nfev: number;
  njev: number;
  nhev: number;
  success: boolean;
  /** 0 on success; otherwise method-specific as in SciPy (1: iteration or evaluation limit, 2: line search / precision loss, 3: NaN or non-positive-definite trouble). */
  status: number;
  message: string;
}

/** SciPy's `_status_message` texts, so results read the same. */
export const statusMessages = {
  success: "Optimization terminated successfully.",
  maxfev: "Maximum number of function evaluations has been exceeded.",
  maxiter: "Maximum number of iterations has been exceeded.",
  prLoss: "Desired error not necessarily achieved due to precision loss.",
  nan: "NaN result encountered.",
} as const;

/** A method's own part of the result; `minimize` adds the evaluation counts. */
export interface MethodOutcome {
  x: Float64Array;
  fun: number;
  jac: Float64Array;
  nit: number;
  status: number;
  message: string;
}

/** Called after each iteration with the current iterate (a copy). */
export type Callback = (x: Float64Array) => void;
