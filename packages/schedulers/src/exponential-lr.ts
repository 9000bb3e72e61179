import { POSITIVE, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface ExponentialLROptions extends ResumeOptions {
  /** Factor per epoch; finite and > 0. */
  gamma: number;
}

export interface ExponentialLRSettings {
  gamma: number;
}

export type ExponentialLRState = LRSchedulerState & ExponentialLRSettings;

function resolve(fn: string, o: Partial<ExponentialLROptions>): ExponentialLRSettings {
  return { gamma: checkNumber(fn, "gamma", o.gamma, POSITIVE) };
}

/**
 * PyTorch's `ExponentialLR`, chainable: `lr_t = lr_{t−1} · γ` (the construction step leaves it).
 * Alone, `lr_t = initialLr · γ^t` (the pure `exponentialDecay`).
 */
export class ExponentialLR extends LRScheduler<ExponentialLRSettings> {
  constructor(optimizer: OptimizerLike, options: ExponentialLROptions) {
    const o = checkOptions("ExponentialLR", options);
    super("ExponentialLR", optimizer, o.lastEpoch, resolve("ExponentialLR", o), resolve);
    this.initialStep();
  }

  protected getLr(): number[] {
    if (this.lastEpoch === 0) return this.groups.map((g) => g.lr);
    return this.groups.map((g) => g.lr * this.settings.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((baseLr) => baseLr * this.settings.gamma ** this.lastEpoch);
  }
}
