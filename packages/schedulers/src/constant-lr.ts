import { POSITIVE_INTEGER, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface ConstantLROptions extends ResumeOptions {
  /** Factor on the lr until `totalIters`; in (0, 1] (default 1/3). */
  factor?: number;
  /** Epoch at which the factor is lifted; an integer >= 1 (default 5). */
  totalIters?: number;
}

export interface ConstantLRSettings {
  factor: number;
  totalIters: number;
}

export type ConstantLRState = LRSchedulerState & ConstantLRSettings;

function resolve(fn: string, o: Partial<ConstantLROptions>): ConstantLRSettings {
  return {
    // torch accepts 0, then divides by it when lifting the factor; 0 is rejected here instead.
    factor: checkNumber(fn, "factor", o.factor ?? 1 / 3, { min: 0, minExclusive: true, max: 1 }),
    totalIters: checkNumber(fn, "totalIters", o.totalIters ?? 5, POSITIVE_INTEGER),
  };
}

/**
 * PyTorch's `ConstantLR`, chainable: multiplies the lr by `factor` at epoch 0 and divides it
 * back out (`× 1/factor`) at `totalIters`. Alone: `factor · lr` before `totalIters`, `lr` after.
 */
export class ConstantLR extends LRScheduler<ConstantLRSettings> {
  constructor(optimizer: OptimizerLike, options?: ConstantLROptions) {
    const o = checkOptions("ConstantLR", options);
    super("ConstantLR", optimizer, o.lastEpoch, resolve("ConstantLR", o), resolve);
    this.initialStep();
  }

  protected getLr(): number[] {
    const { factor, totalIters } = this.settings;
    if (this.lastEpoch === 0) return this.groups.map((g) => g.lr * factor);
    if (this.lastEpoch !== totalIters) return this.groups.map((g) => g.lr);
    return this.groups.map((g) => g.lr * (1 / factor));
  }

  protected override closedFormLr(): number[] {
    const { factor, totalIters } = this.settings;
    const lifted = this.lastEpoch >= totalIters ? 1 : 0;
    return this.baseLrs.map((baseLr) => baseLr * (factor + lifted * (1 - factor)));
  }
}
