import { NON_NEGATIVE, POSITIVE, checkBoolean, checkFunction, checkNumber, checkOneOf, checkOptions, checkPerGroup } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import { checkMomentumGroups, writeMomentum } from "./momentum";
import { checkOptimizer, type OptimizerLike } from "./optimizer-like";
import { CYCLIC_MODES, cyclicAmplitude, cyclicPosition, type CyclicMode } from "./schedules/cyclic";

/** Whether a custom `scaleFn` is given the cycle number or the iteration. */
export type CyclicScaleMode = "cycle" | "iterations";

export interface CyclicLROptions extends ResumeOptions {
  /** Lower lr of the cycle, per group or for all; finite and > 0. Set on the optimizer at construction. */
  baseLr: number | readonly number[];
  /** Upper lr of the first cycle, per group or for all; finite and > 0. */
  maxLr: number | readonly number[];
  /** Iterations from base to peak; finite and > 0 (default 2000). */
  stepSizeUp?: number;
  /** Iterations from peak to base; finite and >= 0 (default `stepSizeUp`). */
  stepSizeDown?: number;
  /** "triangular", "triangular2" or "expRange" (default "triangular"); ignored when `scaleFn` is given. */
  mode?: CyclicMode;
  /** γ of "expRange", per iteration; finite and > 0 (default 1). */
  gamma?: number;
  /** A custom amplitude policy, in (0, 1] for every argument; replaces `mode`. */
  scaleFn?: (x: number) => number;
  /** What `scaleFn` receives (default "cycle"). */
  scaleMode?: CyclicScaleMode;
  /** Cycle momentum (or `betas[0]`) inversely to the lr (default true). */
  cycleMomentum?: boolean;
  /** Momentum at the peak lr, per group or for all (default 0.8). */
  baseMomentum?: number | readonly number[];
  /** Momentum at the base lr, per group or for all (default 0.9). */
  maxMomentum?: number | readonly number[];
}

export interface CyclicLRState extends LRSchedulerState {
  maxLrs: number[];
  stepSizeUp: number;
  stepSizeDown: number;
  mode: CyclicMode;
  gamma: number;
  cycleMomentum: boolean;
  baseMomentums: number[];
  maxMomentums: number[];
}

interface Resolved {
  maxLrs: number[];
  stepSizeUp: number;
  stepSizeDown: number;
  mode: CyclicMode;
  gamma: number;
  cycleMomentum: boolean;
  baseMomentums: number[];
  maxMomentums: number[];
}

function resolve(fn: string, o: Partial<CyclicLROptions & CyclicLRState>, groupCount: number): Resolved {
  const stepSizeUp = checkNumber(fn, "stepSizeUp", o.stepSizeUp ?? 2000, POSITIVE);
  return {
    maxLrs: checkPerGroup(fn, o.maxLrs === undefined ? "maxLr" : "maxLrs", o.maxLrs ?? o.maxLr, groupCount, POSITIVE),
    stepSizeUp,
    stepSizeDown: checkNumber(fn, "stepSizeDown", o.stepSizeDown ?? stepSizeUp, NON_NEGATIVE),
    mode: checkOneOf(fn, "mode", o.mode ?? "triangular", CYCLIC_MODES),
    gamma: checkNumber(fn, "gamma", o.gamma ?? 1, POSITIVE),
    cycleMomentum: checkBoolean(fn, "cycleMomentum", o.cycleMomentum ?? true),
    baseMomentums: checkPerGroup(fn, "baseMomentum", o.baseMomentums ?? o.baseMomentum ?? 0.8, groupCount, NON_NEGATIVE),
    maxMomentums: checkPerGroup(fn, "maxMomentum", o.maxMomentums ?? o.maxMomentum ?? 0.9, groupCount, NON_NEGATIVE),
  };
}

/**
 * PyTorch's `CyclicLR` (Smith, 2017). At construction it overwrites each group's lr with
 * `baseLr` (and, with `cycleMomentum`, its momentum), then every step sets
 * `lr = base + (max − base) · scale · a` from the closed form of the pure `cyclicSchedule`, and
 * `momentum = maxMomentum − (maxMomentum − baseMomentum) · scale · a`. Not chainable.
 * SGD-like groups cycle `momentum`, Adam-like groups `betas[0]`.
 *
 * @see https://arxiv.org/abs/1506.01186
 */
export class CyclicLR extends LRScheduler {
  maxLrs: number[];
  stepSizeUp: number;
  stepSizeDown: number;
  mode: CyclicMode;
  gamma: number;
  cycleMomentum: boolean;
  baseMomentums: number[];
  maxMomentums: number[];
  private readonly scaleFn: ((x: number) => number) | undefined;
  private readonly scaleMode: CyclicScaleMode;

  constructor(optimizer: OptimizerLike, options: CyclicLROptions) {
    const fn = "CyclicLR";
    const o = checkOptions(fn, options);
    const groups = checkOptimizer(fn, optimizer);
    const baseLrs = checkPerGroup(fn, "baseLr", o.baseLr, groups.length, POSITIVE);
    const r = resolve(fn, o, groups.length);
    const scaleFn = o.scaleFn === undefined ? undefined : checkFunction(fn, "scaleFn", o.scaleFn);
    const scaleMode = checkOneOf(fn, "scaleMode", o.scaleMode ?? "cycle", ["cycle", "iterations"] as const);
    if (r.cycleMomentum) checkMomentumGroups(fn, groups);
    const fresh = (o.lastEpoch ?? -1) === -1;
    // torch writes base lr and base momentum into the groups before the base class reads them.
    if (fresh) {
      groups.forEach((group, i) => {
        group.lr = baseLrs[i];
        if (r.cycleMomentum) writeMomentum(group, r.baseMomentums[i]);
      });
    }
    super(fn, optimizer, o.lastEpoch);
    this.maxLrs = r.maxLrs;
    this.stepSizeUp = r.stepSizeUp;
    this.stepSizeDown = r.stepSizeDown;
    this.mode = r.mode;
    this.gamma = r.gamma;
    this.cycleMomentum = r.cycleMomentum;
    this.baseMomentums = r.baseMomentums;
    this.maxMomentums = r.maxMomentums;
    this.scaleFn = scaleFn;
    this.scaleMode = scaleMode;
    this.initialStep();
    // As torch: the construction step scaled the groups' initialLr; from now on, baseLr.
    this.baseLrs = baseLrs;
  }

  private amplitude(cycle: number): number {
    if (this.scaleFn === undefined) return cyclicAmplitude(this.mode, cycle, this.lastEpoch, this.gamma);
    return this.scaleFn(this.scaleMode === "cycle" ? cycle : this.lastEpoch);
  }

  protected getLr(): number[] {
    const { cycle, scale } = cyclicPosition(this.lastEpoch, this.stepSizeUp, this.stepSizeDown);
    const amplitude = this.amplitude(cycle);
    const lrs = this.baseLrs.map((baseLr, i) => baseLr + (this.maxLrs[i] - baseLr) * scale * amplitude);
    if (this.cycleMomentum) {
      this.groups.forEach((group, i) => {
        const baseHeight = (this.maxMomentums[i] - this.baseMomentums[i]) * scale;
        writeMomentum(group, this.maxMomentums[i] - baseHeight * amplitude);
      });
    }
    return lrs;
  }

  override stateDict(): CyclicLRState {
    return {
      ...super.stateDict(),
      maxLrs: [...this.maxLrs],
      stepSizeUp: this.stepSizeUp,
      stepSizeDown: this.stepSizeDown,
      mode: this.mode,
      gamma: this.gamma,
      cycleMomentum: this.cycleMomentum,
      baseMomentums: [...this.baseMomentums],
      maxMomentums: [...this.maxMomentums],
    };
  }

  override loadStateDict(state: CyclicLRState): void {
    const base = this.checkState(state);
    const r = resolve(`${this.name}.loadStateDict`, state, this.groups.length);
    this.applyState(base);
    this.maxLrs = r.maxLrs;
    this.stepSizeUp = r.stepSizeUp;
    this.stepSizeDown = r.stepSizeDown;
    this.mode = r.mode;
    this.gamma = r.gamma;
    this.cycleMomentum = r.cycleMomentum;
    this.baseMomentums = r.baseMomentums;
    this.maxMomentums = r.maxMomentums;
  }
}
