import { POSITIVE_INTEGER, checkNumber, checkOptions, type NumberRule } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface ConstantLROptions extends ResumeOptions {
  /** Factor on the lr until `totalIters`; in (0, 1] (default 1/3). */
  factor?: number;
  /** Epoch at which the factor is lifted; an integer >= 1 (default 5). */
  totalIters?: number;
}

export interface ConstantLRState extends LRSchedulerState {
  factor: number;
  totalIters: number;
}

// torch accepts 0, then divides by it when lifting the factor; 0 is rejected here instead.
const FACTOR: NumberRule = { min: 0, minExclusive: true, max: 1 };

function resolve(fn: string, options: Partial<ConstantLROptions>): { factor: number; totalIters: number } {
  return {
    factor: checkNumber(fn, "factor", options.factor ?? 1 / 3, FACTOR),
    totalIters: checkNumber(fn, "totalIters", options.totalIters ?? 5, POSITIVE_INTEGER),
  };
}

/**
 * PyTorch's `ConstantLR`, chainable: multiplies the lr by `factor` at epoch 0 and divides it
 * back out (`× 1/factor`) at `totalIters`. Alone: `factor · lr` before `totalIters`, `lr` after.
 */
export class ConstantLR extends LRScheduler {
  factor: number;
  totalIters: number;

  constructor(optimizer: OptimizerLike, options?: ConstantLROptions) {
    const o = checkOptions("ConstantLR", options);
    const { factor, totalIters } = resolve("ConstantLR", o);
    super("ConstantLR", optimizer, o.lastEpoch);
    this.factor = factor;
    this.totalIters = totalIters;
    this.initialStep();
  }

  protected getLr(): number[] {
    if (this.lastEpoch === 0) return this.groups.map((g) => g.lr * this.factor);
    if (this.lastEpoch !== this.totalIters) return this.groups.map((g) => g.lr);
    return this.groups.map((g) => g.lr * (1 / this.factor));
  }

  protected override closedFormLr(): number[] {
    const lifted = this.lastEpoch >= this.totalIters ? 1 : 0;
    return this.baseLrs.map((baseLr) => baseLr * (this.factor + lifted * (1 - this.factor)));
  }

  override stateDict(): ConstantLRState {
    return { ...super.stateDict(), factor: this.factor, totalIters: this.totalIters };
  }

  override loadStateDict(state: ConstantLRState): void {
    const base = this.checkState(state);
    const o = resolve(`${this.name}.loadStateDict`, state);
    this.applyState(base);
    this.factor = o.factor;
    this.totalIters = o.totalIters;
  }
}
