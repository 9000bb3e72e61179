import { InvalidArgumentError, invalidArgument } from "@descent/tensor";
import type { OptionCheck } from "./option-check";
import { Optimizer } from "./optimizer";
import type { ParamGroup } from "./optimizer";
import { paramData, paramGrad } from "./param";
import type { FloatArray, ParamLike } from "./param";
import type { ParamGroupInput, ParamsInput } from "./param-groups";
import type { StateFields } from "./state-fields";
import { strongWolfe } from "./strong-wolfe";
import type { LinePoint } from "./strong-wolfe";
import { dot, maxAbs, sumAbs } from "./vector";

export interface LBFGSOptions {
  lr: number;
  /** Iterations per `step()`. */
  maxIter: number;
  /** Function evaluations per `step()`; null means ⌊maxIter · 5/4⌋ (resolved at construction, as PyTorch does). */
  maxEval: number | null;
  /** Stop when every |gradient element| ≤ this. */
  toleranceGrad: number;
  /** Stop when the loss or the step changes less than this. */
  toleranceChange: number;
  /** How many (s, y) pairs to keep. */
  historySize: number;
  /** `"strongWolfe"` for PyTorch's strong-Wolfe line search, null for a fixed step lr. */
  lineSearchFn: "strongWolfe" | null;
}

export const lbfgsDefaults: Readonly<LBFGSOptions> = Object.freeze({
  lr: 1,
  maxIter: 20,
  maxEval: null,
  toleranceGrad: 1e-7,
  toleranceChange: 1e-9,
  historySize: 100,
  lineSearchFn: null,
});

/**
 * LBFGS's state: global, kept under the first parameter as PyTorch keeps it. Vectors are
 * flat over all parameters in order, in float64. Null fields are set by the first iteration.
 */
export interface LBFGSState {
  funcEvals: number;
  nIter: number;
  d: Float64Array | null;
  t: number | null;
  /** The yₖ = gₖ₊₁ − gₖ of the history, oldest first. */
  oldDirs: Float64Array[];
  /** The sₖ = tₖ dₖ of the history, oldest first. */
  oldStps: Float64Array[];
  /** ρₖ = 1 / yₖᵀsₖ. */
  ro: number[];
  hDiag: number | null;
  prevFlatGrad: Float64Array | null;
  prevLoss: number | null;
}

/**
 * The L-BFGS direction d = −H g by the two-loop recursion over the history (oldest first),
 * with H₀ = hDiag · I. `alphas` is scratch of at least `ro.length` entries.
 * ```
 * q ← −g
 * for i = k−1 … 0:  αᵢ ← ρᵢ sᵢᵀq;   q ← q − αᵢ yᵢ
 * r ← hDiag · q
 * for i = 0 … k−1:  βᵢ ← ρᵢ yᵢᵀr;   r ← r + (αᵢ − βᵢ) sᵢ
 * d ← r
 * ```
 * @see https://doi.org/10.1090/S0025-5718-1980-0572855-7 (Nocedal, Updating Quasi-Newton Matrices with Limited Storage)
 */
export function lbfgsDirection(
  grad: Float64Array,
  oldDirs: readonly Float64Array[],
  oldStps: readonly Float64Array[],
  ro: readonly number[],
  hDiag: number,
  alphas: number[],
): Float64Array {
  const q = new Float64Array(grad.length);
  for (let j = 0; j < q.length; j++) q[j] = -grad[j];
  for (let i = ro.length - 1; i >= 0; i--) {
    const alpha = (alphas[i] = dot(oldStps[i], q) * ro[i]);
    const y = oldDirs[i];
    for (let j = 0; j < q.length; j++) q[j] = q[j] + -alpha * y[j];
  }
  for (let j = 0; j < q.length; j++) q[j] = q[j] * hDiag;
  for (let i = 0; i < ro.length; i++) {
    const coefficient = alphas[i] - dot(oldDirs[i], q) * ro[i];
    const s = oldStps[i];
    for (let j = 0; j < q.length; j++) q[j] = q[j] + coefficient * s[j];
  }
  return q;
}

/**
 * L-BFGS, PyTorch's `torch.optim.LBFGS` (1.13), with its history, step sizes and stopping
 * tests: each `step(closure)` runs up to `maxIter` iterations. One parameter group only.
 */
export class LBFGS extends Optimizer<LBFGSOptions, LBFGSState> {
  constructor(params: ParamsInput<LBFGSOptions>, options: Partial<LBFGSOptions> = {}) {
    const maxIter = (options as Partial<LBFGSOptions> | undefined)?.maxIter ?? lbfgsDefaults.maxIter;
    const maxEval = (options as Partial<LBFGSOptions> | undefined)?.maxEval ?? Math.floor((maxIter * 5) / 4);
    super("LBFGS", params, lbfgsDefaults, { ...options, maxEval });
    if (this.paramGroups.length !== 1) {
      throw new InvalidArgumentError(`LBFGS: params has ${this.paramGroups.length} parameter groups, expected one (LBFGS does not support per-group options)`);
    }
  }

  /** Rejected: LBFGS keeps a single group, as in PyTorch. */
  override addParamGroup(group: ParamGroupInput<LBFGSOptions>): void {
    throw invalidArgument("LBFGS.addParamGroup", "group", Object.keys(group), "no call (LBFGS supports one parameter group only)");
  }

  protected validateOptions(o: LBFGSOptions, check: OptionCheck): void {
    check.nonNegative("lr", o.lr);
    check.positiveInteger("maxIter", o.maxIter);
    if (o.maxEval !== null) check.positiveInteger("maxEval", o.maxEval);
    check.nonNegative("toleranceGrad", o.toleranceGrad);
    check.nonNegative("toleranceChange", o.toleranceChange);
    check.positiveInteger("historySize", o.historySize);
    check.oneOf("lineSearchFn", o.lineSearchFn, ["strongWolfe", null]);
  }

  protected initState(): LBFGSState {
    return { funcEvals: 0, nIter: 0, d: null, t: null, oldDirs: [], oldStps: [], ro: [], hDiag: null, prevFlatGrad: null, prevLoss: null };
  }

  protected stateFields(): StateFields<LBFGSState> {
    return {
      funcEvals: "scalar",
      nIter: "scalar",
      d: "buffer?",
      t: "scalar?",
      oldDirs: "buffers",
      oldStps: "buffers",
      ro: "scalars",
      hDiag: "scalar?",
      prevFlatGrad: "buffer?",
      prevLoss: "scalar?",
    };
  }

  protected override stateLayout(): { length: number; like: FloatArray } {
    return { length: this.numel(), like: new Float64Array(0) };
  }

  protected override checkLoadedState(state: LBFGSState, group: ParamGroup<LBFGSOptions>, param: ParamLike, fn: string, what: string): void {
    if (param !== group.params[0]) throw invalidArgument(fn, what, "the state of a parameter other than the first", "LBFGS's state under the first parameter (the flat layout follows the parameters' order)");
    const k = state.ro.length;
    if (state.oldDirs.length !== k || state.oldStps.length !== k || k > group.historySize) {
      throw invalidArgument(fn, `${what}.ro.length`, k, `oldDirs.length = oldStps.length = ro.length <= historySize ${group.historySize}`);
    }
    if (state.nIter > 0 && (state.d === null || state.t === null || state.hDiag === null || state.prevFlatGrad === null || state.prevLoss === null)) {
      throw invalidArgument(fn, what, "null d, t, hDiag, prevFlatGrad or prevLoss", `all set once nIter (${state.nIter}) > 0`);
    }
  }

  /** Never called: LBFGS moves all parameters together in `runStep`. */
  protected update(): void {
    throw new InvalidArgumentError("LBFGS.update: LBFGS steps all parameters at once, through step(closure)");
  }

  private numel(): number {
    return this.paramGroups[0].params.reduce((n, p) => n + paramData("LBFGS", p).length, 0);
  }

  private gatherFlatGrad(): Float64Array {
    const flat = new Float64Array(this.numel());
    let offset = 0;
    for (const p of this.paramGroups[0].params) {
      const grad = paramGrad("LBFGS.step", p);
      const n = paramData("LBFGS.step", p).length;
      if (grad !== null) {
        if (grad.length !== n) throw invalidArgument("LBFGS.step", "param.grad.length", grad.length, `${n} (the parameter's length)`);
        flat.set(grad, offset);
      }
      offset += n;
    }
    return flat;
  }

  /** θ ← θ + t·d over the flat layout. */
  private addScaled(t: number, d: Float64Array): void {
    let offset = 0;
    for (const p of this.paramGroups[0].params) {
      const data = paramData("LBFGS.step", p);
      for (let i = 0; i < data.length; i++) data[i] = data[i] + t * d[offset + i];
      offset += data.length;
    }
  }

  /**
   * Runs up to `maxIter` L-BFGS iterations (PyTorch's `LBFGS.step`) and returns the loss the
   * closure gave at the starting point. The closure must recompute the loss and write the gradients.
   */
  protected override runStep(closure: (() => number) | undefined): number {
    const fn = "LBFGS.step";
    if (closure === undefined) throw invalidArgument(fn, "closure", closure, "a function that recomputes the loss and the gradients");
    this.validateGroups(fn);
    const group = this.paramGroups[0];
    const { lr, maxIter, toleranceGrad, toleranceChange, lineSearchFn, historySize } = group;
    const maxEval = group.maxEval ?? Math.floor((maxIter * 5) / 4);
    const first = group.params[0];
    const state = this.state.get(first) ?? this.initState();

    const evaluate = (): number => {
      const value = closure();
      if (typeof value !== "number") throw invalidArgument(fn, "closure()", value, "a number (the loss)");
      return value;
    };
    const origLoss = evaluate();
    this.state.set(first, state);
    let loss = origLoss;
    let currentEvals = 1;
    state.funcEvals += 1;
    let flatGrad = this.gatherFlatGrad();
    let optCond = maxAbs(flatGrad) <= toleranceGrad;
    if (optCond) return origLoss;

    let { d, t, hDiag, prevFlatGrad, prevLoss } = state;
    const { oldDirs, oldStps, ro } = state;
    const alphas: number[] = [];
    let nIter = 0;
    while (nIter < maxIter) {
      nIter += 1;
      state.nIter += 1;

      // Direction: steepest descent at the very first iteration, else the L-BFGS two-loop.
      if (state.nIter === 1 || d === null || t === null || hDiag === null || prevFlatGrad === null) {
        d = flatGrad.map((g) => -g);
        oldDirs.length = oldStps.length = ro.length = 0;
        hDiag = 1;
      } else {
        const y = new Float64Array(flatGrad.length);
        const s = new Float64Array(flatGrad.length);
        for (let i = 0; i < y.length; i++) {
          y[i] = flatGrad[i] - prevFlatGrad[i];
          s[i] = d[i] * t;
        }
        const ys = dot(y, s);
        // Keep the pair only under positive curvature, so H stays positive definite.
        if (ys > 1e-10) {
          if (oldDirs.length === historySize) {
            oldDirs.shift();
            oldStps.shift();
            ro.shift();
          }
          oldDirs.push(y);
          oldStps.push(s);
          ro.push(1 / ys);
          hDiag = ys / dot(y, y);
        }
        d = lbfgsDirection(flatGrad, oldDirs, oldStps, ro, hDiag, alphas);
      }
      prevFlatGrad = flatGrad.slice();
      prevLoss = loss;

      // Step length: a cautious first step (at most 1/‖g‖₁), then lr.
      t = state.nIter === 1 ? Math.min(1, 1 / sumAbs(flatGrad)) * lr : lr;
      const gtd = dot(flatGrad, d);
      if (gtd > -toleranceChange) break;

      let lsFuncEvals = 0;
      if (lineSearchFn === "strongWolfe") {
        const x = group.params.map((p) => paramData(fn, p).slice());
        const direction = d;
        const evaluateAt = (step: number): LinePoint => {
          this.addScaled(step, direction);
          const point = { loss: evaluate(), grad: this.gatherFlatGrad() };
          group.params.forEach((p, i) => {
            paramData(fn, p).set(x[i]);
          });
          return point;
        };
        const result = strongWolfe(evaluateAt, t, d, loss, flatGrad, gtd);
        ({ loss, grad: flatGrad, t } = result);
        lsFuncEvals = result.evals;
        this.addScaled(t, d);
        optCond = maxAbs(flatGrad) <= toleranceGrad;
      } else {
        this.addScaled(t, d);
        // No re-evaluation after the last iteration: in a stochastic setting it would be wasted.
        if (nIter !== maxIter) {
          loss = evaluate();
          flatGrad = this.gatherFlatGrad();
          optCond = maxAbs(flatGrad) <= toleranceGrad;
          lsFuncEvals = 1;
        }
      }
      currentEvals += lsFuncEvals;
      state.funcEvals += lsFuncEvals;

      if (nIter === maxIter) break;
      if (currentEvals >= maxEval) break;
      if (optCond) break;
      if (maxAbs(d) * Math.abs(t) <= toleranceChange) break;
      if (Math.abs(loss - prevLoss) < toleranceChange) break;
    }
    Object.assign(state, { d, t, hDiag, prevFlatGrad, prevLoss });
    return origLoss;
  }
}
