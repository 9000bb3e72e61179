import { POSITIVE, POSITIVE_INTEGER, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface PolynomialLROptions extends ResumeOptions {
  /** T, the epoch at which the lr reaches 0; an integer >= 1 (default 5). */
  totalIters?: number;
  /** p; finite and > 0 (default 1). */
  power?: number;
}

export interface PolynomialLRSettings {
  totalIters: number;
  power: number;
}

export type PolynomialLRState = LRSchedulerState & PolynomialLRSettings;

function resolve(fn: string, o: Partial<PolynomialLROptions>): PolynomialLRSettings {
  return {
    totalIters: checkNumber(fn, "totalIters", o.totalIters ?? 5, POSITIVE_INTEGER),
    power: checkNumber(fn, "power", o.power ?? 1, POSITIVE),
  };
}

/**
 * PyTorch's `PolynomialLR` (new in 1.13), chainable: each step multiplies the lr by
 * `((1 − t/T) / (1 − (t−1)/T))^p` until T. Alone, `lr_t = initialLr · (1 − min(t, T)/T)^p`
 * (the pure `polynomialDecay` with end value 0).
 */
export class PolynomialLR extends LRScheduler<PolynomialLRSettings> {
  constructor(optimizer: OptimizerLike, options?: PolynomialLROptions) {
    const o = checkOptions("PolynomialLR", options);
    super("PolynomialLR", optimizer, o.lastEpoch, resolve("PolynomialLR", o), resolve);
    this.initialStep();
  }

  protected getLr(): number[] {
    const t = this.lastEpoch;
    const { totalIters: n, power } = this.settings;
    if (t === 0 || t > n) return this.groups.map((g) => g.lr);
    const decayFactor = ((1 - t / n) / (1 - (t - 1) / n)) ** power;
    return this.groups.map((g) => g.lr * decayFactor);
  }

  protected override closedFormLr(): number[] {
    const { totalIters: n, power } = this.settings;
    return this.baseLrs.map((baseLr) => baseLr * (1 - Math.min(n, this.lastEpoch) / n) ** power);
  }
}
