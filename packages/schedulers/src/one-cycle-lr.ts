import { NON_NEGATIVE, POSITIVE, POSITIVE_INTEGER, checkBoolean, checkNumber, checkOneOf, checkOptions, checkPerGroup } from "./check";
import { invalidArgument } from "./errors";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import { checkMomentumGroups, writeMomentum } from "./momentum";
import { checkOptimizer, type OptimizerLike } from "./optimizer-like";
import { ANNEAL_STRATEGIES, anneal, oneCyclePhaseAt, oneCyclePhases, type AnnealStrategy, type OneCyclePhase } from "./schedules/onecycle";

export interface OneCycleLROptions extends ResumeOptions {
  /** Peak lr, per group or for all; finite and > 0. */
  maxLr: number | readonly number[];
  /** Length of the cycle; an integer >= 1. Or give `epochs` and `stepsPerEpoch`. */
  totalSteps?: number;
  epochs?: number;
  stepsPerEpoch?: number;
  /** Fraction of the cycle spent raising the lr; in [0, 1] (default 0.3). */
  pctStart?: number;
  /** "cos" or "linear" (default "cos"). */
  annealStrategy?: AnnealStrategy;
  /** Cycle momentum (or `betas[0]`) inversely to the lr (default true). */
  cycleMomentum?: boolean;
  /** Momentum at the peak lr, per group or for all (default 0.85). */
  baseMomentum?: number | readonly number[];
  /** Momentum at the start and end, per group or for all (default 0.95). */
  maxMomentum?: number | readonly number[];
  /** Initial lr is `maxLr / divFactor`; finite and > 0 (default 25). */
  divFactor?: number;
  /** Final lr is `initial lr / finalDivFactor`; finite and > 0 (default 1e4). */
  finalDivFactor?: number;
  /** Three phases: up, back down to the initial lr, then to the final lr (default false). */
  threePhase?: boolean;
}

export interface OneCycleLRState extends LRSchedulerState {
  totalSteps: number;
  pctStart: number;
  annealStrategy: AnnealStrategy;
  threePhase: boolean;
  maxLrs: number[];
  minLrs: number[];
  cycleMomentum: boolean;
  baseMomentums: number[];
  maxMomentums: number[];
}

function resolveTotalSteps(fn: string, o: Partial<OneCycleLROptions>): number {
  if (o.totalSteps !== undefined) return checkNumber(fn, "totalSteps", o.totalSteps, POSITIVE_INTEGER);
  if (o.epochs === undefined || o.stepsPerEpoch === undefined) {
    throw invalidArgument(fn, "totalSteps", o.totalSteps, "an integer >= 1, or both epochs and stepsPerEpoch");
  }
  return checkNumber(fn, "epochs", o.epochs, POSITIVE_INTEGER) * checkNumber(fn, "stepsPerEpoch", o.stepsPerEpoch, POSITIVE_INTEGER);
}

/**
 * PyTorch's `OneCycleLR` (Smith & Topin, 2017), the pure `oneCycleSchedule` applied per group.
 * At construction each group's `initialLr` becomes `maxLr / divFactor` and its lr that value;
 * with `cycleMomentum`, its momentum (`betas[0]` for Adam-like groups) becomes `maxMomentum` and
 * then moves against the lr. Steps up to `totalSteps` are allowed (the last one extrapolates, as
 * in torch); one more throws, naming the step count.
 *
 * @see https://arxiv.org/abs/1708.07120
 */
export class OneCycleLR extends LRScheduler {
  totalSteps: number;
  pctStart: number;
  annealStrategy: AnnealStrategy;
  threePhase: boolean;
  maxLrs: number[];
  minLrs: number[];
  cycleMomentum: boolean;
  baseMomentums: number[];
  maxMomentums: number[];
  private phases: OneCyclePhase[];

  constructor(optimizer: OptimizerLike, options: OneCycleLROptions) {
    const fn = "OneCycleLR";
    const o = checkOptions(fn, options);
    const groups = checkOptimizer(fn, optimizer, (o.lastEpoch ?? -1) !== -1);
    const totalSteps = resolveTotalSteps(fn, o);
    const pctStart = checkNumber(fn, "pctStart", o.pctStart ?? 0.3, { min: 0, max: 1 });
    const threePhase = checkBoolean(fn, "threePhase", o.threePhase ?? false);
    const phases = oneCyclePhases(fn, totalSteps, pctStart, threePhase);
    const annealStrategy = checkOneOf(fn, "annealStrategy", o.annealStrategy ?? "cos", ANNEAL_STRATEGIES);
    const maxLrs = checkPerGroup(fn, "maxLr", o.maxLr, groups.length, POSITIVE);
    const divFactor = checkNumber(fn, "divFactor", o.divFactor ?? 25, POSITIVE);
    const finalDivFactor = checkNumber(fn, "finalDivFactor", o.finalDivFactor ?? 1e4, POSITIVE);
    const cycleMomentum = checkBoolean(fn, "cycleMomentum", o.cycleMomentum ?? true);
    const baseMomentums = checkPerGroup(fn, "baseMomentum", o.baseMomentum ?? 0.85, groups.length, NON_NEGATIVE);
    const maxMomentums = checkPerGroup(fn, "maxMomentum", o.maxMomentum ?? 0.95, groups.length, NON_NEGATIVE);
    if (cycleMomentum) checkMomentumGroups(fn, groups);
    const fresh = (o.lastEpoch ?? -1) === -1;
    if (fresh) {
      groups.forEach((group, i) => {
        group.initialLr = maxLrs[i] / divFactor;
        if (cycleMomentum) writeMomentum(group, maxMomentums[i]);
      });
    }
    super(fn, optimizer, o.lastEpoch);
    this.totalSteps = totalSteps;
    this.pctStart = pctStart;
    this.annealStrategy = annealStrategy;
    this.threePhase = threePhase;
    this.phases = phases;
    this.maxLrs = maxLrs;
    this.minLrs = this.baseLrs.map((initialLr) => initialLr / finalDivFactor);
    this.cycleMomentum = cycleMomentum;
    this.baseMomentums = baseMomentums;
    this.maxMomentums = maxMomentums;
    this.initialStep();
  }

  /** Checks the step count before anything moves: torch allows `lastEpoch` up to `totalSteps`. */
  override step(epoch?: number): void {
    const next = epoch ?? this.lastEpoch + 1;
    if (next > this.totalSteps) {
      throw invalidArgument(
        `${this.name}.step`,
        "step count",
        next + 1,
        `at most totalSteps + 1 = ${this.totalSteps + 1} (the construction step and totalSteps more)`,
      );
    }
    super.step(epoch);
  }

  protected getLr(): number[] {
    const { phase, pct } = oneCyclePhaseAt(this.phases, this.lastEpoch);
    return this.groups.map((group, i) => {
      const lrAnchors = { initial: this.baseLrs[i], peak: this.maxLrs[i], min: this.minLrs[i] };
      if (this.cycleMomentum) {
        const momentumAnchors = { max: this.maxMomentums[i], base: this.baseMomentums[i] };
        writeMomentum(group, anneal(this.annealStrategy, momentumAnchors[phase.momentumFrom], momentumAnchors[phase.momentumTo], pct));
      }
      return anneal(this.annealStrategy, lrAnchors[phase.from], lrAnchors[phase.to], pct);
    });
  }

  override stateDict(): OneCycleLRState {
    return {
      ...super.stateDict(),
      totalSteps: this.totalSteps,
      pctStart: this.pctStart,
      annealStrategy: this.annealStrategy,
      threePhase: this.threePhase,
      maxLrs: [...this.maxLrs],
      minLrs: [...this.minLrs],
      cycleMomentum: this.cycleMomentum,
      baseMomentums: [...this.baseMomentums],
      maxMomentums: [...this.maxMomentums],
    };
  }

  override loadStateDict(state: OneCycleLRState): void {
    const fn = `${this.name}.loadStateDict`;
    const base = this.checkState(state);
    const count = this.groups.length;
    const totalSteps = checkNumber(fn, "state.totalSteps", state.totalSteps, POSITIVE_INTEGER);
    const pctStart = checkNumber(fn, "state.pctStart", state.pctStart, { min: 0, max: 1 });
    const threePhase = checkBoolean(fn, "state.threePhase", state.threePhase);
    const phases = oneCyclePhases(fn, totalSteps, pctStart, threePhase);
    const annealStrategy = checkOneOf(fn, "state.annealStrategy", state.annealStrategy, ANNEAL_STRATEGIES);
    const maxLrs = checkPerGroup(fn, "state.maxLrs", state.maxLrs, count, POSITIVE);
    const minLrs = checkPerGroup(fn, "state.minLrs", state.minLrs, count, NON_NEGATIVE);
    const cycleMomentum = checkBoolean(fn, "state.cycleMomentum", state.cycleMomentum);
    const baseMomentums = checkPerGroup(fn, "state.baseMomentums", state.baseMomentums, count, NON_NEGATIVE);
    const maxMomentums = checkPerGroup(fn, "state.maxMomentums", state.maxMomentums, count, NON_NEGATIVE);
    if (base.lastEpoch > totalSteps) throw invalidArgument(fn, "state.lastEpoch", base.lastEpoch, `at most totalSteps ${totalSteps}`);
    this.applyState(base);
    this.totalSteps = totalSteps;
    this.pctStart = pctStart;
    this.threePhase = threePhase;
    this.phases = phases;
    this.annealStrategy = annealStrategy;
    this.maxLrs = maxLrs;
    this.minLrs = minLrs;
    this.cycleMomentum = cycleMomentum;
    this.baseMomentums = baseMomentums;
    this.maxMomentums = maxMomentums;
  }
}
