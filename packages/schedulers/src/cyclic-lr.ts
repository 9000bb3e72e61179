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

/** The hyperparameters after defaults, per group where torch allows a list. */
export interface CyclicLRSettings {
  maxLr: number[];
  stepSizeUp: number;
  stepSizeDown: number;
  mode: CyclicMode;
  gamma: number;
  cycleMomentum: boolean;
  baseMomentum: number[];
  maxMomentum: number[];
}

export type CyclicLRState = LRSchedulerState & CyclicLRSettings;

function resolve(fn: string, o: Partial<CyclicLROptions>, groupCount: number): CyclicLRSettings {
  const stepSizeUp = checkNumber(fn, "stepSizeUp", o.stepSizeUp ?? 2000, POSITIVE);
  return {
    maxLr: checkPerGroup(fn, "maxLr", o.maxLr, groupCount, POSITIVE),
    stepSizeUp,
    stepSizeDown: checkNumber(fn, "stepSizeDown", o.stepSizeDown ?? stepSizeUp, NON_NEGATIVE),
    mode: checkOneOf(fn, "mode", o.mode ?? "triangular", CYCLIC_MODES),
    gamma: checkNumber(fn, "gamma", o.gamma ?? 1, POSITIVE),
    cycleMomentum: checkBoolean(fn, "cycleMomentum", o.cycleMomentum ?? true),
    baseMomentum: checkPerGroup(fn, "baseMomentum", o.baseMomentum ?? 0.8, groupCount, NON_NEGATIVE),
    maxMomentum: checkPerGroup(fn, "maxMomentum", o.maxMomentum ?? 0.9, groupCount, NON_NEGATIVE),
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
export class CyclicLR extends LRScheduler<CyclicLRSettings> {
  private readonly scaleFn: ((x: number) => number) | undefined;
  private readonly scaleMode: CyclicScaleMode;

  constructor(optimizer: OptimizerLike, options: CyclicLROptions) {
    const fn = "CyclicLR";
    const o = checkOptions(fn, options);
    const groups = checkOptimizer(fn, optimizer);
    const baseLrs = checkPerGroup(fn, "baseLr", o.baseLr, groups.length, POSITIVE);
    const s = resolve(fn, o, groups.length);
    const scaleFn = o.scaleFn === undefined ? undefined : checkFunction(fn, "scaleFn", o.scaleFn);
    const scaleMode = checkOneOf(fn, "scaleMode", o.scaleMode ?? "cycle", ["cycle", "iterations"] as const);
    if (s.cycleMomentum) checkMomentumGroups(fn, groups);
    // torch writes base lr and base momentum into the groups before the base class reads them.
    if ((o.lastEpoch ?? -1) === -1) {
      groups.forEach((group, i) => {
        group.lr = baseLrs[i];
        if (s.cycleMomentum) writeMomentum(group, s.baseMomentum[i]);
      });
    }
    super(fn, optimizer, o.lastEpoch, s, resolve);
    this.scaleFn = scaleFn;
    this.scaleMode = scaleMode;
    this.initialStep();
    // As torch: the construction step scaled the groups' initialLr; from now on, baseLr.
    this.baseLrs = baseLrs;
  }

  protected getLr(): number[] {
    const s = this.settings;
    const { cycle, scale } = cyclicPosition(this.lastEpoch, s.stepSizeUp, s.stepSizeDown);
    // A custom scaleFn is checked before the momentum is written, so a bad one changes nothing.
    const amplitude =
      this.scaleFn === undefined
        ? cyclicAmplitude(s.mode, cycle, this.lastEpoch, s.gamma)
        : checkNumber(`${this.name}.step`, "scaleFn result", this.scaleFn(this.scaleMode === "cycle" ? cycle : this.lastEpoch));
    if (s.cycleMomentum) {
      this.groups.forEach((group, i) => {
        const baseHeight = (s.maxMomentum[i] - s.baseMomentum[i]) * scale;
        writeMomentum(group, s.maxMomentum[i] - baseHeight * amplitude);
      });
    }
    return this.baseLrs.map((baseLr, i) => baseLr + (s.maxLr[i] - baseLr) * scale * amplitude);
  }
}
