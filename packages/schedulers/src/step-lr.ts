import { POSITIVE, POSITIVE_INTEGER, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface StepLROptions extends ResumeOptions {
  /** Epochs between two decays; an integer >= 1. */
  stepSize: number;
  /** Factor per decay; finite and > 0 (default 0.1). */
  gamma?: number;
}

export interface StepLRState extends LRSchedulerState {
  stepSize: number;
  gamma: number;
}

function resolve(fn: string, options: Partial<StepLROptions>): { stepSize: number; gamma: number } {
  return {
    stepSize: checkNumber(fn, "stepSize", options.stepSize, POSITIVE_INTEGER),
    gamma: checkNumber(fn, "gamma", options.gamma ?? 0.1, POSITIVE),
  };
}

/**
 * PyTorch's `StepLR`, chainable: multiplies the lr by γ at every multiple of `stepSize`.
 * Alone, `lr_t = initialLr · γ^⌊t/stepSize⌋` (the pure `stepDecay`).
 */
export class StepLR extends LRScheduler {
  stepSize: number;
  gamma: number;

  constructor(optimizer: OptimizerLike, options: StepLROptions) {
    const o = checkOptions("StepLR", options);
    const { stepSize, gamma } = resolve("StepLR", o);
    super("StepLR", optimizer, o.lastEpoch);
    this.stepSize = stepSize;
    this.gamma = gamma;
    this.initialStep();
  }

  protected getLr(): number[] {
    if (this.lastEpoch === 0 || this.lastEpoch % this.stepSize !== 0) return this.groups.map((g) => g.lr);
    return this.groups.map((g) => g.lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((baseLr) => baseLr * this.gamma ** Math.floor(this.lastEpoch / this.stepSize));
  }

  override stateDict(): StepLRState {
    return { ...super.stateDict(), stepSize: this.stepSize, gamma: this.gamma };
  }

  override loadStateDict(state: StepLRState): void {
    const base = this.checkState(state);
    const o = resolve(`${this.name}.loadStateDict`, state);
    this.applyState(base);
    this.stepSize = o.stepSize;
    this.gamma = o.gamma;
  }
}
