import { POSITIVE, POSITIVE_INTEGER, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface PolynomialLROptions extends ResumeOptions {
  /** T, the epoch at which the lr reaches 0; an integer >= 1 (default 5). */
  totalIters?: number;
  /** p; finite and > 0 (default 1). */
  power?: number;
}

export interface PolynomialLRState extends LRSchedulerState {
  totalIters: number;
  power: number;
}

function resolve(fn: string, options: Partial<PolynomialLROptions>): { totalIters: number; power: number } {
  return {
    totalIters: checkNumber(fn, "totalIters", options.totalIters ?? 5, POSITIVE_INTEGER),
    power: checkNumber(fn, "power", options.power ?? 1, POSITIVE),
  };
}

/**
 * PyTorch's `PolynomialLR` (new in 1.13), chainable: each step multiplies the lr by
 * `((1 − t/T) / (1 − (t−1)/T))^p` until T. Alone, `lr_t = initialLr · (1 − min(t, T)/T)^p`
 * (the pure `polynomialDecay` with end value 0).
 */
export class PolynomialLR extends LRScheduler {
  totalIters: number;
  power: number;

  constructor(optimizer: OptimizerLike, options?: PolynomialLROptions) {
    const o = checkOptions("PolynomialLR", options);
    const r = resolve("PolynomialLR", o);
    super("PolynomialLR", optimizer, o.lastEpoch);
    this.totalIters = r.totalIters;
    this.power = r.power;
    this.initialStep();
  }

  protected getLr(): number[] {
    const t = this.lastEpoch;
    const n = this.totalIters;
    if (t === 0 || t > n) return this.groups.map((g) => g.lr);
    const decayFactor = ((1 - t / n) / (1 - (t - 1) / n)) ** this.power;
    return this.groups.map((g) => g.lr * decayFactor);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((baseLr) => baseLr * (1 - Math.min(this.totalIters, this.lastEpoch) / this.totalIters) ** this.power);
  }

  override stateDict(): PolynomialLRState {
    return { ...super.stateDict(), totalIters: this.totalIters, power: this.power };
  }

  override loadStateDict(state: PolynomialLRState): void {
    const base = this.checkState(state);
    const o = resolve(`${this.name}.loadStateDict`, state);
    this.applyState(base);
    this.totalIters = o.totalIters;
    this.power = o.power;
  }
}
