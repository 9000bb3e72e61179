import { POSITIVE_INTEGER, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface LinearLROptions extends ResumeOptions {
  /** Factor at epoch 0; in (0, 1] (default 1/3). */
  startFactor?: number;
  /** Factor from `totalIters` on; in [0, 1] (default 1). */
  endFactor?: number;
  /** Epochs over which the factor moves; an integer >= 1 (default 5). */
  totalIters?: number;
}

export interface LinearLRSettings {
  startFactor: number;
  endFactor: number;
  totalIters: number;
}

export type LinearLRState = LRSchedulerState & LinearLRSettings;

function resolve(fn: string, o: Partial<LinearLROptions>): LinearLRSettings {
  return {
    // 0 is rejected: the chainable ratio below would divide by it.
    startFactor: checkNumber(fn, "startFactor", o.startFactor ?? 1 / 3, { min: 0, minExclusive: true, max: 1 }),
    endFactor: checkNumber(fn, "endFactor", o.endFactor ?? 1, { min: 0, max: 1 }),
    totalIters: checkNumber(fn, "totalIters", o.totalIters ?? 5, POSITIVE_INTEGER),
  };
}

/**
 * PyTorch's `LinearLR`, chainable: each step multiplies the lr by the ratio of consecutive factors,
 * `1 + (e − s) / (T s + (t − 1)(e − s))`. Alone, `lr_t = lr · (s + (e − s) · min(t, T)/T)`,
 * which is the pure `linearWarmup` (or `linearToFloor` when e < s) from `s·lr` to `e·lr`.
 */
export class LinearLR extends LRScheduler<LinearLRSettings> {
  constructor(optimizer: OptimizerLike, options?: LinearLROptions) {
    const o = checkOptions("LinearLR", options);
    super("LinearLR", optimizer, o.lastEpoch, resolve("LinearLR", o), resolve);
    this.initialStep();
  }

  protected getLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: n } = this.settings;
    if (this.lastEpoch === 0) return this.groups.map((g) => g.lr * s);
    if (this.lastEpoch > n) return this.groups.map((g) => g.lr);
    return this.groups.map((g) => g.lr * (1 + (e - s) / (n * s + (this.lastEpoch - 1) * (e - s))));
  }

  protected override closedFormLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: n } = this.settings;
    return this.baseLrs.map((baseLr) => baseLr * (s + ((e - s) * Math.min(n, this.lastEpoch)) / n));
  }
}
