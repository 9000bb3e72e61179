import { NON_NEGATIVE, POSITIVE, POSITIVE_INTEGER, checkBoolean, checkNumber, checkOneOf, checkOptions, checkPerGroup } from "./check";
import { invalidArgument } from "./errors";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import { checkMomentumGroups, writeMomentum } from "./momentum";
import { checkOptimizer, type OptimizerLike } from "./optimizer-like";
import { ANNEAL_STRATEGIES, anneal, oneCyclePhaseAt, oneCyclePhases, type AnnealStrategy } from "./schedules/onecycle";

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

/** The hyperparameters after defaults, per group where torch allows a list. */
export interface OneCycleLRSettings {
  maxLr: number[];
  totalSteps: number;
  pctStart: number;
  annealStrategy: AnnealStrategy;
  cycleMomentum: boolean;
  baseMomentum: number[];
  maxMomentum: number[];
  divFactor: number;
  finalDivFactor: number;
  threePhase: boolean;
}

export type OneCycleLRState = LRSchedulerState & OneCycleLRSettings;

function resolve(fn: string, o: Partial<OneCycleLROptions>, groupCount: number): OneCycleLRSettings {
  let totalSteps = o.totalSteps;
  if (totalSteps === undefined && o.epochs !== undefined && o.stepsPerEpoch !== undefined) {
    totalSteps = checkNumber(fn, "epochs", o.epochs, POSITIVE_INTEGER) * checkNumber(fn, "stepsPerEpoch", o.stepsPerEpoch, POSITIVE_INTEGER);
  }
  if (totalSteps === undefined) throw invalidArgument(fn, "totalSteps", totalSteps, "an integer >= 1, or both epochs and stepsPerEpoch");
  const settings: OneCycleLRSettings = {
    maxLr: checkPerGroup(fn, "maxLr", o.maxLr, groupCount, POSITIVE),
    totalSteps: checkNumber(fn, "totalSteps", totalSteps, POSITIVE_INTEGER),
    pctStart: checkNumber(fn, "pctStart", o.pctStart ?? 0.3, { min: 0, max: 1 }),
    annealStrategy: checkOneOf(fn, "annealStrategy", o.annealStrategy ?? "cos", ANNEAL_STRATEGIES),
    cycleMomentum: checkBoolean(fn, "cycleMomentum", o.cycleMomentum ?? true),
    baseMomentum: checkPerGroup(fn, "baseMomentum", o.baseMomentum ?? 0.85, groupCount, NON_NEGATIVE),
    maxMomentum: checkPerGroup(fn, "maxMomentum", o.maxMomentum ?? 0.95, groupCount, NON_NEGATIVE),
    divFactor: checkNumber(fn, "divFactor", o.divFactor ?? 25, POSITIVE),
    finalDivFactor: checkNumber(fn, "finalDivFactor", o.finalDivFactor ?? 1e4, POSITIVE),
    threePhase: checkBoolean(fn, "threePhase", o.threePhase ?? false),
  };
  oneCyclePhases(fn, settings.totalSteps, settings.pctStart, settings.threePhase); // rejects a rise of zero length
  return settings;
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
export class OneCycleLR extends LRScheduler<OneCycleLRSettings> {
  constructor(optimizer: OptimizerLike, options: OneCycleLROptions) {
    const fn = "OneCycleLR";
    const o = checkOptions(fn, options);
    const fresh = (o.lastEpoch ?? -1) === -1;
    const groups = checkOptimizer(fn, optimizer, !fresh);
    const s = resolve(fn, o, groups.length);
    if (s.cycleMomentum) checkMomentumGroups(fn, groups);
    if (fresh) {
      groups.forEach((group, i) => {
        group.initialLr = s.maxLr[i] / s.divFactor;
        if (s.cycleMomentum) writeMomentum(group, s.maxMomentum[i]);
      });
    }
    super(fn, optimizer, o.lastEpoch, s, resolve);
    this.initialStep();
  }

  /** Checks the step count before anything moves: torch allows `lastEpoch` up to `totalSteps`. */
  override step(epoch?: number): void {
    const next = epoch ?? this.lastEpoch + 1;
    const { totalSteps } = this.settings;
    if (next > totalSteps) {
      throw invalidArgument(`${this.name}.step`, "step count", next + 1, `at most totalSteps + 1 = ${totalSteps + 1} (the construction step and totalSteps more)`);
    }
    super.step(epoch);
  }

  protected getLr(): number[] {
    const s = this.settings;
    const phases = oneCyclePhases(this.name, s.totalSteps, s.pctStart, s.threePhase);
    const { phase, pct } = oneCyclePhaseAt(`${this.name}.step`, phases, this.lastEpoch);
    return this.groups.map((group, i) => {
      // torch: min_lr = initial_lr / final_div_factor, with initial_lr = max_lr / div_factor
      const lrs = { initial: this.baseLrs[i], peak: s.maxLr[i], min: this.baseLrs[i] / s.finalDivFactor };
      if (s.cycleMomentum) {
        const momentums = { max: s.maxMomentum[i], base: s.baseMomentum[i] };
        writeMomentum(group, anneal(s.annealStrategy, momentums[phase.momentumFrom], momentums[phase.momentumTo], pct));
      }
      return anneal(s.annealStrategy, lrs[phase.from], lrs[phase.to], pct);
    });
  }
}
