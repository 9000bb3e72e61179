/** What a least-squares method ends with. */
export interface LeastSquaresOutcome {
  x: Float64Array;
  fvec: Float64Array;
  /** SciPy's status (below). */
  status: number;
}

/** The tolerances and budget every least-squares method honours (SciPy's names). */
export interface LeastSquaresTolerances {
  ftol: number;
  xtol: number;
  gtol: number;
  maxNfev: number;
}

/**
 * SciPy's statuses: 0 evaluation budget exhausted, 1 gtol, 2 ftol, 3 xtol, 4 ftol and xtol;
 * −1 improper input (MINPACK info 0); negative values below that are this package's own failures.
 */
export const leastSquaresMessages: Record<number, string> = {
  [-2]: "The damping parameter overflowed: no decrease found.",
  [-1]: "Improper input parameters status returned from `leastsq`",
  0: "The maximum number of function evaluations is exceeded.",
  1: "`gtol` termination condition is satisfied.",
  2: "`ftol` termination condition is satisfied.",
  3: "`xtol` termination condition is satisfied.",
  4: "Both `ftol` and `xtol` termination conditions are satisfied.",
};

/**
 * The ftol / xtol tests after a step, in MINPACK's form: the actual and predicted relative
 * reductions of ‖r‖² both at most ftol (and the ratio at most 2), and ‖step‖ ≤ xtol·‖x‖.
 * Returns SciPy's status (2, 3 or 4), or null to continue.
 */
export function convergedAfterStep(actred: number, prered: number, stepNorm: number, xNorm: number, o: LeastSquaresTolerances): number | null {
  const ratio = prered !== 0 ? actred / prered : 0;
  const fSmall = Math.abs(actred) <= o.ftol && prered <= o.ftol && 0.5 * ratio <= 1;
  const xSmall = stepNorm <= o.xtol * xNorm;
  if (fSmall && xSmall) return 4;
  if (fSmall) return 2;
  if (xSmall) return 3;
  return null;
}
