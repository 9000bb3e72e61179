import { NON_NEGATIVE, NON_NEGATIVE_INTEGER, checkNumber, checkNumberList, checkOneOf, checkOptions, checkPerGroup } from "./check";
import { invalidArgument } from "./errors";
import { checkOptimizer, type OptimizerLike } from "./optimizer-like";

export type PlateauMode = "min" | "max";
export type ThresholdMode = "rel" | "abs";

export interface ReduceLROnPlateauOptions {
  /** "min": the metric should fall (a loss); "max": it should rise (an accuracy). Default "min". */
  mode?: PlateauMode;
  /** Factor on the lr at each reduction; in (0, 1) (default 0.1). */
  factor?: number;
  /** Bad epochs tolerated before reducing; an integer >= 0 (default 10). */
  patience?: number;
  /** How much better counts as better; finite and >= 0 (default 1e-4). */
  threshold?: number;
  /** "rel": better than `best · (1 ∓ threshold)`; "abs": than `best ∓ threshold` (default "rel"). */
  thresholdMode?: ThresholdMode;
  /** Epochs to wait after a reduction before counting bad epochs again; an integer >= 0 (default 0). */
  cooldown?: number;
  /** Floor of the lr, per group or for all; finite and >= 0 (default 0). */
  minLr?: number | readonly number[];
  /** A reduction smaller than eps is skipped; finite and >= 0 (default 1e-8). */
  eps?: number;
}

/** The options after defaults, `minLr` per group. */
export interface ReduceLROnPlateauSettings {
  mode: PlateauMode;
  factor: number;
  patience: number;
  threshold: number;
  thresholdMode: ThresholdMode;
  cooldown: number;
  minLr: number[];
  eps: number;
}

export interface ReduceLROnPlateauState extends ReduceLROnPlateauSettings {
  /** Best metric so far: ±Infinity before the first step. */
  best: number;
  numBadEpochs: number;
  cooldownCounter: number;
  lastEpoch: number;
  lastLr: number[];
}

function resolve(fn: string, o: Partial<ReduceLROnPlateauOptions>, groupCount: number): ReduceLROnPlateauSettings {
  return {
    mode: checkOneOf(fn, "mode", o.mode ?? "min", ["min", "max"] as const),
    factor: checkNumber(fn, "factor", o.factor ?? 0.1, { min: 0, minExclusive: true, max: 1, maxExclusive: true }),
    patience: checkNumber(fn, "patience", o.patience ?? 10, NON_NEGATIVE_INTEGER),
    threshold: checkNumber(fn, "threshold", o.threshold ?? 1e-4, NON_NEGATIVE),
    thresholdMode: checkOneOf(fn, "thresholdMode", o.thresholdMode ?? "rel", ["rel", "abs"] as const),
    cooldown: checkNumber(fn, "cooldown", o.cooldown ?? 0, NON_NEGATIVE_INTEGER),
    minLr: checkPerGroup(fn, "minLr", o.minLr ?? 0, groupCount, NON_NEGATIVE),
    eps: checkNumber(fn, "eps", o.eps ?? 1e-8, NON_NEGATIVE),
  };
}

/**
 * PyTorch's `ReduceLROnPlateau`: `step(metric)` after each evaluation. When the metric has not
 * improved on the best so far (by `threshold`, relative or absolute) for more than `patience`
 * steps, every group's lr becomes `max(lr · factor, minLr)`, unless that changes it by less
 * than `eps`; then `cooldown` steps pass before bad steps count again.
 */
export class ReduceLROnPlateau {
  readonly optimizer: OptimizerLike;
  settings: ReduceLROnPlateauSettings;
  /** Best metric so far: ±Infinity before the first step. */
  best: number;
  numBadEpochs = 0;
  cooldownCounter = 0;
  lastEpoch = 0;
  private lastLr: number[];

  constructor(optimizer: OptimizerLike, options?: ReduceLROnPlateauOptions) {
    const fn = "ReduceLROnPlateau";
    const o = checkOptions(fn, options);
    const groups = checkOptimizer(fn, optimizer);
    this.settings = resolve(fn, o, groups.length);
    this.optimizer = optimizer;
    this.best = this.settings.mode === "min" ? Infinity : -Infinity;
    // torch has no last lr until the first step; the current lrs are the honest answer.
    this.lastLr = groups.map((g) => g.lr);
  }

  /** Whether `metric` improves on `best` by more than the threshold, as torch's `is_better`. */
  isBetter(metric: number, best: number): boolean {
    const { mode, threshold, thresholdMode } = this.settings;
    if (mode === "min") return thresholdMode === "rel" ? metric < best * (1 - threshold) : metric < best - threshold;
    return thresholdMode === "rel" ? metric > best * (threshold + 1) : metric > best + threshold;
  }

  /** Records one evaluation of the metric (NaN counts as not better, as in torch). */
  step(metric: number): void {
    if (typeof metric !== "number") throw invalidArgument("ReduceLROnPlateau.step", "metric", metric, "a number");
    const s = this.settings;
    this.lastEpoch += 1;
    if (this.isBetter(metric, this.best)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0; // bad epochs during cooldown do not count
    }
    if (this.numBadEpochs > s.patience) {
      this.optimizer.paramGroups.forEach((group, i) => {
        const newLr = Math.max(group.lr * s.factor, s.minLr[i]);
        if (group.lr - newLr > s.eps) group.lr = newLr;
      });
      this.cooldownCounter = s.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  getLastLr(): number[] {
    return [...this.lastLr];
  }

  stateDict(): ReduceLROnPlateauState {
    return {
      ...this.settings,
      minLr: [...this.settings.minLr],
      best: this.best,
      numBadEpochs: this.numBadEpochs,
      cooldownCounter: this.cooldownCounter,
      lastEpoch: this.lastEpoch,
      lastLr: [...this.lastLr],
    };
  }

  /** Restores a `stateDict()`; everything is checked before anything changes. */
  loadStateDict(state: ReduceLROnPlateauState): void {
    const fn = "ReduceLROnPlateau.loadStateDict";
    if (typeof state !== "object" || (state as unknown) === null) throw invalidArgument(fn, "state", state, "an object from stateDict()");
    const count = this.optimizer.paramGroups.length;
    const settings = resolve(fn, state, count);
    if (typeof state.best !== "number" || Number.isNaN(state.best)) throw invalidArgument(fn, "state.best", state.best, "a number (±Infinity before the first step)");
    const numBadEpochs = checkNumber(fn, "state.numBadEpochs", state.numBadEpochs, NON_NEGATIVE_INTEGER);
    const cooldownCounter = checkNumber(fn, "state.cooldownCounter", state.cooldownCounter, NON_NEGATIVE_INTEGER);
    const lastEpoch = checkNumber(fn, "state.lastEpoch", state.lastEpoch, NON_NEGATIVE_INTEGER);
    const lastLr = checkNumberList(fn, "state.lastLr", state.lastLr, NON_NEGATIVE);
    if (lastLr.length !== count) throw invalidArgument(fn, "state.lastLr", lastLr, `${count} values, one per parameter group`);
    this.settings = settings;
    this.best = state.best;
    this.numBadEpochs = numBadEpochs;
    this.cooldownCounter = cooldownCounter;
    this.lastEpoch = lastEpoch;
    this.lastLr = lastLr;
  }
}
