import { invalidArgument } from "@descent/tensor";
import { dcstep, fmax, fmin, type StepInterval } from "./dcstep";

/** What dcsrch asks for next: an evaluation at `stp`, or an end state. */
export type DcsrchTask = "FG" | "CONVERGENCE" | "WARNING: ROUNDING ERRORS PREVENT PROGRESS" | "WARNING: XTOL TEST SATISFIED" | "WARNING: STP = STPMAX" | "WARNING: STP = STPMIN" | `ERROR: ${string}`;

export interface DcsrchOptions {
  /** Sufficient-decrease constant c₁ (MINPACK's ftol). */
  ftol: number;
  /** Curvature constant c₂ (MINPACK's gtol). */
  gtol: number;
  /** Relative width of the bracket below which the search stops with a warning. */
  xtol: number;
  stpmin: number;
  stpmax: number;
}

/**
 * MINPACK-2's dcsrch (Moré & Thuente 1994) as a resumable state machine, exactly as SciPy and
 * L-BFGS-B drive it: call `start(stp, f0, g0)`, then `next(stp, f, g)` with φ(stp), φ'(stp)
 * while the task is "FG". Finds a step with φ(stp) ≤ φ(0) + ftol·stp·φ'(0) and
 * |φ'(stp)| ≤ gtol·|φ'(0)| (the strong Wolfe conditions).
 * @see https://doi.org/10.1145/192115.192132
 */
export class Dcsrch {
  private brackt = false;
  private stage = 1;
  private finit = 0;
  private ginit = 0;
  private gtest = 0;
  private width = 0;
  private width1 = 0;
  private stmin = 0;
  private stmax = 0;
  private readonly iv: StepInterval = { stx: 0, fx: 0, dx: 0, sty: 0, fy: 0, dy: 0, brackt: false };

  constructor(private readonly o: DcsrchOptions) {}

  /** The first call (task START): checks the input and returns the first step to evaluate. */
  start(stp: number, f: number, g: number): { stp: number; task: DcsrchTask } {
    const o = this.o;
    let task: DcsrchTask = "FG";
    if (stp < o.stpmin) task = "ERROR: STP .LT. STPMIN";
    if (stp > o.stpmax) task = "ERROR: STP .GT. STPMAX";
    if (!(g < 0)) task = "ERROR: INITIAL G .GE. ZERO";
    if (o.ftol < 0) task = "ERROR: FTOL .LT. ZERO";
    if (o.gtol < 0) task = "ERROR: GTOL .LT. ZERO";
    if (o.xtol < 0) task = "ERROR: XTOL .LT. ZERO";
    if (o.stpmin < 0) task = "ERROR: STPMIN .LT. ZERO";
    if (o.stpmax < o.stpmin) task = "ERROR: STPMAX .LT. STPMIN";
    if (task !== "FG") return { stp, task };
    this.brackt = false;
    this.stage = 1;
    this.finit = f;
    this.ginit = g;
    this.gtest = o.ftol * g;
    this.width = o.stpmax - o.stpmin;
    this.width1 = this.width / 0.5;
    Object.assign(this.iv, { stx: 0, fx: f, dx: g, sty: 0, fy: f, dy: g, brackt: false });
    this.stmin = 0;
    this.stmax = stp + 4 * stp;
    return { stp, task };
  }

  /** Every later call: f = φ(stp), g = φ'(stp) at the step the previous call returned. */
  next(stp: number, f: number, g: number): { stp: number; task: DcsrchTask } {
    const o = this.o;
    const iv = this.iv;
    const ftest = this.finit + stp * this.gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;
    let task: DcsrchTask = "FG";
    if (this.brackt && (stp <= this.stmin || stp >= this.stmax)) task = "WARNING: ROUNDING ERRORS PREVENT PROGRESS";
    if (this.brackt && this.stmax - this.stmin <= o.xtol * this.stmax) task = "WARNING: XTOL TEST SATISFIED";
    if (stp === o.stpmax && f <= ftest && g <= this.gtest) task = "WARNING: STP = STPMAX";
    if (stp === o.stpmin && (f > ftest || g >= this.gtest)) task = "WARNING: STP = STPMIN";
    if (f <= ftest && Math.abs(g) <= o.gtol * -this.ginit) task = "CONVERGENCE";
    if (task !== "FG") return { stp, task };

    iv.brackt = this.brackt;
    if (this.stage === 1 && f <= iv.fx && f > ftest) {
      // Stage 1 with a lower value that fails sufficient decrease: work on the modified function
      // ψ(α) = φ(α) − φ(0) − ftol·α·φ'(0), as Moré–Thuente prescribe.
      const gt = this.gtest;
      Object.assign(iv, { fx: iv.fx - iv.stx * gt, fy: iv.fy - iv.sty * gt, dx: iv.dx - gt, dy: iv.dy - gt });
      stp = dcstep(iv, stp, f - stp * gt, g - gt, this.stmin, this.stmax);
      Object.assign(iv, { fx: iv.fx + iv.stx * gt, fy: iv.fy + iv.sty * gt, dx: iv.dx + gt, dy: iv.dy + gt });
    } else {
      stp = dcstep(iv, stp, f, g, this.stmin, this.stmax);
    }
    this.brackt = iv.brackt;

    // Decide if a bisection step is needed.
    if (this.brackt) {
      if (Math.abs(iv.sty - iv.stx) >= 0.66 * this.width1) stp = iv.stx + 0.5 * (iv.sty - iv.stx);
      this.width1 = this.width;
      this.width = Math.abs(iv.sty - iv.stx);
    }
    // Set the minimum and maximum steps allowed for stp.
    if (this.brackt) {
      this.stmin = fmin(iv.stx, iv.sty);
      this.stmax = fmax(iv.stx, iv.sty);
    } else {
      this.stmin = stp + 1.1 * (stp - iv.stx);
      this.stmax = stp + 4 * (stp - iv.stx);
    }
    stp = fmin(fmax(stp, o.stpmin), o.stpmax);
    // If further progress is not possible, let stp be the best point obtained during the search.
    if ((this.brackt && (stp <= this.stmin || stp >= this.stmax)) || (this.brackt && this.stmax - this.stmin <= o.xtol * this.stmax)) {
      stp = iv.stx;
    }
    return { stp, task: "FG" };
  }
}

export interface MoreThuenteOptions extends Partial<DcsrchOptions> {
  /** φ(0) and φ'(0) when already known. */
  phi0?: number;
  derphi0?: number;
  /** Evaluations allowed (default 100, as SciPy's scalar_search_wolfe1). */
  maxiter?: number;
}

export interface LineSearchOutcome {
  /** The accepted step, or null when the search failed. */
  alpha: number | null;
  /** φ at the last evaluated step. */
  phi: number;
  derphi: number;
  phi0: number;
  /** dcsrch's final task: CONVERGENCE, a WARNING or an ERROR. */
  task: string;
  evaluations: number;
}

/**
 * Strong-Wolfe line search on a scalar function φ(α) = f(x + αp) by Moré–Thuente's dcsrch.
 * `phi(alpha)` returns [φ(α), φ'(α)]. Defaults are SciPy's line_search_wolfe1: c₁ = 1e-4,
 * c₂ = 0.9, xtol = 1e-14, steps in [1e-8, 50]. A warning counts as failure (alpha null), as in SciPy.
 */
export function moreThuente(phi: (alpha: number) => readonly [number, number], alpha1: number, options: MoreThuenteOptions = {}): LineSearchOutcome {
  if (!(alpha1 > 0)) throw invalidArgument("moreThuente", "alpha1", alpha1, "a positive number");
  return runDcsrch(phi, alpha1, options);
}

/**
 * {@link moreThuente} without argument checks, for SciPy's callers: a first step outside
 * [stpmin, stpmax] (SciPy's formula can give 0) ends as dcsrch's ERROR task, i.e. a failed
 * search, exactly as the Fortran reports it.
 */
export function runDcsrch(phi: (alpha: number) => readonly [number, number], alpha1: number, options: MoreThuenteOptions = {}): LineSearchOutcome {
  const search = new Dcsrch({
    ftol: options.ftol ?? 1e-4,
    gtol: options.gtol ?? 0.9,
    xtol: options.xtol ?? 1e-14,
    stpmin: options.stpmin ?? 1e-8,
    stpmax: options.stpmax ?? 50,
  });
  let evaluations = 0;
  let phi0 = options.phi0;
  let derphi0 = options.derphi0;
  if (phi0 === undefined || derphi0 === undefined) {
    const [v, d] = phi(0);
    evaluations++;
    phi0 ??= v;
    derphi0 ??= d;
  }
  const maxiter = options.maxiter ?? 100;
  let f = phi0;
  let g = derphi0;
  let step = search.start(alpha1, f, g);
  let stp = step.stp;
  for (let i = 0; i < maxiter && step.task === "FG"; i++) {
    [f, g] = phi(stp);
    evaluations++;
    step = search.next(stp, f, g);
    if (!Number.isFinite(step.stp)) return { alpha: null, phi: f, derphi: g, phi0, task: "WARNING: NON-FINITE STEP", evaluations };
    stp = step.stp;
  }
  const ok = step.task === "CONVERGENCE";
  return { alpha: ok ? stp : null, phi: f, derphi: g, phi0, task: step.task === "FG" ? "WARNING: TOO MANY EVALUATIONS" : step.task, evaluations };
}
