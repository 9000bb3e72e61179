import { NON_NEGATIVE_INTEGER, POSITIVE, checkNumber, checkNumberList, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface MultiStepLROptions extends ResumeOptions {
  /** Epochs at which the lr is multiplied by γ, non-decreasing; a milestone listed r times applies γ^r. */
  milestones: readonly number[];
  /** Factor per milestone; finite and > 0 (default 0.1). */
  gamma?: number;
}

export interface MultiStepLRState extends LRSchedulerState {
  milestones: number[];
  gamma: number;
}

function resolve(fn: string, options: Partial<MultiStepLROptions>): { milestones: number[]; gamma: number } {
  return {
    milestones: checkNumberList(fn, "milestones", options.milestones, NON_NEGATIVE_INTEGER, "nonDecreasing"),
    gamma: checkNumber(fn, "gamma", options.gamma ?? 0.1, POSITIVE),
  };
}

/**
 * PyTorch's `MultiStepLR`, chainable: at an epoch listed r times among the milestones the lr
 * is multiplied by γ^r (torch keeps them in a Counter). Alone, it is the pure `multiStepDecay`.
 */
export class MultiStepLR extends LRScheduler {
  milestones: number[];
  gamma: number;

  constructor(optimizer: OptimizerLike, options: MultiStepLROptions) {
    const o = checkOptions("MultiStepLR", options);
    const { milestones, gamma } = resolve("MultiStepLR", o);
    super("MultiStepLR", optimizer, o.lastEpoch);
    this.milestones = milestones;
    this.gamma = gamma;
    this.initialStep();
  }

  private countUpTo(epoch: number, inclusive: "equal" | "atMost"): number {
    return this.milestones.filter((m) => (inclusive === "equal" ? m === epoch : m <= epoch)).length;
  }

  protected getLr(): number[] {
    const repeats = this.countUpTo(this.lastEpoch, "equal");
    if (repeats === 0) return this.groups.map((g) => g.lr);
    return this.groups.map((g) => g.lr * this.gamma ** repeats);
  }

  protected override closedFormLr(): number[] {
    const passed = this.countUpTo(this.lastEpoch, "atMost");
    return this.baseLrs.map((baseLr) => baseLr * this.gamma ** passed);
  }

  override stateDict(): MultiStepLRState {
    return { ...super.stateDict(), milestones: [...this.milestones], gamma: this.gamma };
  }

  override loadStateDict(state: MultiStepLRState): void {
    const base = this.checkState(state);
    const o = resolve(`${this.name}.loadStateDict`, state);
    this.applyState(base);
    this.milestones = o.milestones;
    this.gamma = o.gamma;
  }
}
