import { POSITIVE, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface ExponentialLROptions extends ResumeOptions {
  /** Factor per epoch; finite and > 0. */
  gamma: number;
}

export interface ExponentialLRState extends LRSchedulerState {
  gamma: number;
}

/**
 * PyTorch's `ExponentialLR`, chainable: `lr_t = lr_{t−1} · γ` (the construction step leaves it).
 * Alone, `lr_t = initialLr · γ^t` (the pure `exponentialDecay`).
 */
export class ExponentialLR extends LRScheduler {
  gamma: number;

  constructor(optimizer: OptimizerLike, options: ExponentialLROptions) {
    const o = checkOptions("ExponentialLR", options);
    const gamma = checkNumber("ExponentialLR", "gamma", o.gamma, POSITIVE);
    super("ExponentialLR", optimizer, o.lastEpoch);
    this.gamma = gamma;
    this.initialStep();
  }

  protected getLr(): number[] {
    if (this.lastEpoch === 0) return this.groups.map((g) => g.lr);
    return this.groups.map((g) => g.lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((baseLr) => baseLr * this.gamma ** this.lastEpoch);
  }

  override stateDict(): ExponentialLRState {
    return { ...super.stateDict(), gamma: this.gamma };
  }

  override loadStateDict(state: ExponentialLRState): void {
    const base = this.checkState(state);
    const gamma = checkNumber(`${this.name}.loadStateDict`, "gamma", state.gamma, POSITIVE);
    this.applyState(base);
    this.gamma = gamma;
  }
}
