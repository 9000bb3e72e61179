import { POSITIVE, POSITIVE_INTEGER, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface StepLROptions extends ResumeOptions {
  /** Epochs between two decays; an integer >= 1. */
  stepSize: number;
  /** Factor per decay; finite and > 0 (default 0.1). */
  gamma?: number;
}

export interface StepLRSettings {
  stepSize: number;
  gamma: number;
}

export type StepLRState = LRSchedulerState & StepLRSettings;

function resolve(fn: string, o: Partial<StepLROptions>): StepLRSettings {
  return { stepSize: checkNumber(fn, "stepSize", o.stepSize, POSITIVE_INTEGER), gamma: checkNumber(fn, "gamma", o.gamma ?? 0.1, POSITIVE) };
}

/**
 * PyTorch's `StepLR`, chainable: multiplies the lr by γ at every multiple of `stepSize`.
 * Alone, `lr_t = initialLr · γ^⌊t/stepSize⌋` (the pure `stepDecay`).
 */
export class StepLR extends LRScheduler<StepLRSettings> {
  constructor(optimizer: OptimizerLike, options: StepLROptions) {
    const o = checkOptions("StepLR", options);
    super("StepLR", optimizer, o.lastEpoch, resolve("StepLR", o), resolve);
    this.initialStep();
  }

  protected getLr(): number[] {
    const { stepSize, gamma } = this.settings;
    if (this.lastEpoch === 0 || this.lastEpoch % stepSize !== 0) return this.groups.map((g) => g.lr);
    return this.groups.map((g) => g.lr * gamma);
  }

  protected override closedFormLr(): number[] {
    const { stepSize, gamma } = this.settings;
    return this.baseLrs.map((baseLr) => baseLr * gamma ** Math.floor(this.lastEpoch / stepSize));
  }
}
