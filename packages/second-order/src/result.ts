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

/**
 * How SciPy's BFGS and CG end (`_minimize_bfgs`, `_minimize_cg`): a line-search failure (warnflag
 * 2) is precision loss, else reaching maxiter is status 1, else a NaN in f, ‖∇f‖ or x is status 3.
 */
export function quasiNewtonOutcome(
  warnflag: number, nit: number, maxiter: number, gnorm: number, x: Float64Array, fun: number, jac: Float64Array,
): MethodOutcome {
  let status = warnflag;
  let message: string = statusMessages.success;
  if (warnflag === 2) message = statusMessages.prLoss;
  else if (nit >= maxiter) {
    status = 1;
    message = statusMessages.maxiter;
  } else if (Number.isNaN(gnorm) || Number.isNaN(fun) || x.some((v) => Number.isNaN(v))) {
    status = 3;
    message = statusMessages.nan;
  }
  return { x, fun, jac, nit, status, message };
}

/** Called after each iteration with the current iterate (a copy). */
export type Callback = (x: Float64Array) => void;
