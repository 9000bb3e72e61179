import { NON_NEGATIVE_INTEGER, POSITIVE, checkNumber, checkNumberList, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface MultiStepLROptions extends ResumeOptions {
  /** Epochs at which the lr is multiplied by γ, non-decreasing; a milestone listed r times applies γ^r. */
  milestones: readonly number[];
  /** Factor per milestone; finite and > 0 (default 0.1). */
  gamma?: number;
}

export interface MultiStepLRSettings {
  milestones: number[];
  gamma: number;
}

export type MultiStepLRState = LRSchedulerState & MultiStepLRSettings;

function resolve(fn: string, o: Partial<MultiStepLROptions>): MultiStepLRSettings {
  return {
    milestones: checkNumberList(fn, "milestones", o.milestones, NON_NEGATIVE_INTEGER, "nonDecreasing"),
    gamma: checkNumber(fn, "gamma", o.gamma ?? 0.1, POSITIVE),
  };
}

/**
 * PyTorch's `MultiStepLR`, chainable: at an epoch listed r times among the milestones the lr
 * is multiplied by γ^r (torch keeps them in a Counter). Alone, it is the pure `multiStepDecay`.
 */
export class MultiStepLR extends LRScheduler<MultiStepLRSettings> {
  constructor(optimizer: OptimizerLike, options: MultiStepLROptions) {
    const o = checkOptions("MultiStepLR", options);
    super("MultiStepLR", optimizer, o.lastEpoch, resolve("MultiStepLR", o), resolve);
    this.initialStep();
  }

  protected getLr(): number[] {
    const { milestones, gamma } = this.settings;
    const repeats = milestones.filter((m) => m === this.lastEpoch).length;
    if (repeats === 0) return this.groups.map((g) => g.lr);
    return this.groups.map((g) => g.lr * gamma ** repeats);
  }

  protected override closedFormLr(): number[] {
    const { milestones, gamma } = this.settings;
    const passed = milestones.filter((m) => m <= this.lastEpoch).length;
    return this.baseLrs.map((baseLr) => baseLr * gamma ** passed);
  }
}
