import { invalidArgument } from "@descent/tensor";
import { levenberg } from "./least-squares/levenberg";
import { lmder } from "./least-squares/levenberg-marquardt";
import { Residuals, toRowMajor, type JacobianFunction, type ResidualFunction } from "./least-squares/residuals";
import { leastSquaresMessages, type LeastSquaresOutcome } from "./least-squares/stopping";
import { allFinite } from "./vector";

/** `lm` (MINPACK Levenberg–Marquardt, default), `gauss-newton` (full steps, trust-region fallback) or `levenberg` (λI damping). */
export type LeastSquaresMethod = "lm" | "gauss-newton" | "levenberg";

export interface LeastSquaresOptions {
  method?: LeastSquaresMethod;
  /** J(x), m×n (flat row-major or rows); omitted: forward differences (MINPACK's fdjac2). */
  jac?: JacobianFunction;
  /** Relative reduction of the sum of squares (default 1e-8). */
  ftol?: number;
  /** Relative step size (default 1e-8). */
  xtol?: number;
  /** Largest cosine between r and a column of J (default 1e-8). */
  gtol?: number;
  /** Residual evaluations allowed (default 100·n with `jac`, 100·n·(n + 1) without, as SciPy's lm). */
  maxNfev?: number;
  /**
   * Variable scales for `lm` and `gauss-newton`: a positive number or one per variable
   * (MINPACK's D = 1/xScale), or `"jac"` for Marquardt's scaling by the Jacobian's column norms
   * (diag(JᵀJ)^½, updated as the running maximum). Default 1, as SciPy.
   */
  xScale?: number | ArrayLike<number> | "jac";
  /** Relative finite-difference step when `jac` is omitted (default √ε). */
  diffStep?: number;
  /** SciPy's `loss`: only `"linear"` (plain least squares) is supported. */
  loss?: "linear";
}

export interface LeastSquaresResult {
  x: Float64Array;
  /** ½·Σ rᵢ(x)². */
  cost: number;
  /** r(x). */
  fun: Float64Array;
  /** J(x), m×n row-major. */
  jac: Float64Array;
  /** Jᵀr. */
  grad: Float64Array;
  /** ‖Jᵀr‖∞. */
  optimality: number;
  nfev: number;
  njev: number;
  /** SciPy's: 0 budget, 1 gtol, 2 ftol, 3 xtol, 4 ftol and xtol; negative: failure. */
  status: number;
  success: boolean;
  message: string;
}

const known = new Set(["method", "jac", "ftol", "xtol", "gtol", "maxNfev", "xScale", "diffStep", "loss"]);

/**
 * Minimizes ½·Σ rᵢ(x)² over x ∈ ℝⁿ (m ≥ n residuals), SciPy's `least_squares` without bounds:
 * `lm` is MINPACK's lmder exactly as SciPy's `method='lm'` runs it; `gauss-newton` takes full
 * Gauss–Newton steps (by pivoted QR of J, never JᵀJ or an inverse) as long as they reduce ‖r‖
 * and falls back to lmder's trust region when they do not; `levenberg` is λI damping with
 * Nielsen's update. All share SciPy's tolerances and budget. Bounds and robust losses are out of
 * scope.
 */
export function leastSquares(residuals: ResidualFunction, x0: ArrayLike<number>, options: LeastSquaresOptions = {}): LeastSquaresResult {
  const fn = "leastSquares";
  if (typeof residuals !== "function") throw invalidArgument(fn, "residuals", residuals, "a function of x returning the residual vector");
  if (typeof x0 !== "object" || typeof x0.length !== "number" || x0.length === 0) throw invalidArgument(fn, "x0", x0, "a non-empty array of numbers");
  if (!allFinite(x0)) throw invalidArgument(fn, "x0", Array.from(x0), "finite numbers (no NaN or Infinity)");
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw invalidArgument(fn, `options.${key}`, (options as Record<string, unknown>)[key], `one of ${[...known].join(", ")}`);
  }
  const method: unknown = options.method ?? "lm";
  if (method !== "lm" && method !== "gauss-newton" && method !== "levenberg") {
    throw invalidArgument(fn, "options.method", method, '"lm", "gauss-newton" or "levenberg"');
  }
  if (options.jac !== undefined && typeof options.jac !== "function") throw invalidArgument(fn, "options.jac", options.jac, "a function returning the m×n Jacobian");
  const loss: unknown = options.loss;
  if (loss !== undefined && loss !== "linear") throw invalidArgument(fn, "options.loss", loss, '"linear" (robust losses are out of scope)');
  const tol = (name: "ftol" | "xtol" | "gtol") => {
    const v = options[name] ?? 1e-8;
    // SciPy's rule for 'lm': every tolerance at least machine epsilon.
    if (typeof v !== "number" || !(v >= Number.EPSILON)) throw invalidArgument(fn, `options.${name}`, v, `a number >= ${Number.EPSILON} (machine epsilon)`);
    return v;
  };
  const ftol = tol("ftol");
  const xtol = tol("xtol");
  const gtol = tol("gtol");
  const x = Float64Array.from(x0);
  const n = x.length;
  const maxNfev = options.maxNfev ?? (options.jac === undefined ? 100 * n * (n + 1) : 100 * n);
  if (!Number.isInteger(maxNfev) || maxNfev < 1) throw invalidArgument(fn, "options.maxNfev", maxNfev, "a positive integer");
  const diffStep = options.diffStep;
  if (diffStep !== undefined && !(diffStep > 0)) throw invalidArgument(fn, "options.diffStep", diffStep, "a positive number");
  const epsfcn = diffStep === undefined ? Number.EPSILON : diffStep * diffStep;
  const diag = scaling(fn, options.xScale, n);

  // The residuals at x0 fix m (MINPACK counts this evaluation as its first).
  const first: unknown = residuals(Float64Array.from(x));
  if (first === null || typeof first !== "object" || typeof (first as { length?: unknown }).length !== "number") throw invalidArgument(fn, "residuals(x0)", first, "an array of numbers");
  const m = (first as ArrayLike<number>).length;
  if (m < n) throw invalidArgument(fn, "residuals(x0).length", m, `at least n = ${n} residuals (m >= n)`);
  const res = new Residuals(fn, n, m, residuals, options.jac, Math.sqrt(Math.max(epsfcn, Number.EPSILON)));
  res.nfev = 1;
  const r0 = Float64Array.from(first as ArrayLike<number>);

  let outcome: LeastSquaresOutcome;
  if (r0.some((v) => Number.isNaN(v))) {
    outcome = { x, fvec: r0, status: -1 };
    res.nanAt = x;
  } else if (method === "lm" || method === "gauss-newton") {
    const out = lmder(res, x, r0, { ftol, xtol, gtol, maxfev: maxNfev, diag, factor: 100, gaussNewtonFirst: method === "gauss-newton" });
    // SciPy's FROM_MINPACK_TO_COMMON; 6–8 (tolerances too small) read as 2, 3, 1.
    const status = ({ 0: -1, 1: 2, 2: 3, 3: 4, 4: 1, 5: 0, 6: 2, 7: 3, 8: 1 } as Record<number, number>)[out.info];
    outcome = { x: out.x, fvec: out.fvec, status };
  } else {
    outcome = levenberg(res, x, r0, { ftol, xtol, gtol, maxNfev });
  }

  // As SciPy: J, the gradient and the optimality at the solution (this Jacobian is not counted).
  const counts = { nfev: res.nfev, njev: res.njev };
  const fvec = outcome.fvec;
  const jacColumns = res.jacobianColumnMajor(outcome.x, fvec);
  const jac = toRowMajor(jacColumns, m, n);
  const grad = new Float64Array(n);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) grad[j] += jacColumns[j * m + i] * fvec[i];
  let cost = 0;
  for (const v of fvec) cost += v * v;
  let message = leastSquaresMessages[outcome.status] ?? "Unknown status.";
  if (res.nanAt !== null) message += ` The residuals had a NaN at x = [${Array.from(res.nanAt).join(", ")}].`;
  if (res.finiteDifferences) message += " (Jacobian by forward finite differences.)";
  return {
    x: outcome.x,
    cost: 0.5 * cost,
    fun: fvec,
    jac,
    grad,
    optimality: grad.reduce((a, v) => Math.max(a, Math.abs(v)), 0),
    nfev: counts.nfev,
    njev: counts.njev,
    status: outcome.status,
    success: outcome.status > 0,
    message,
  };
}

/** MINPACK's D: null for mode 1 (`"jac"`), else 1/xScale per variable (mode 2). */
function scaling(fn: string, xScale: LeastSquaresOptions["xScale"], n: number): Float64Array | null {
  if (xScale === "jac") return null;
  if (xScale === undefined) return new Float64Array(n).fill(1);
  if (typeof xScale === "number") {
    if (!(xScale > 0) || !Number.isFinite(xScale)) throw invalidArgument(fn, "options.xScale", xScale, 'a positive finite number, one per variable, or "jac"');
    return new Float64Array(n).fill(1 / xScale);
  }
  if (typeof xScale !== "object" || xScale.length !== n || !Array.from(xScale).every((v) => v > 0 && Number.isFinite(v))) {
    throw invalidArgument(fn, "options.xScale", xScale, `${n} positive finite numbers, one number, or "jac"`);
  }
  return Float64Array.from(xScale, (v) => 1 / v);
}
