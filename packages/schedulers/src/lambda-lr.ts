import { checkFunction, checkOptions } from "./check";
import { invalidArgument } from "./errors";
import { LRScheduler, type ResumeOptions } from "./lr-scheduler";
import { checkOptimizer, type OptimizerLike } from "./optimizer-like";

/** A factor as a function of the epoch. */
export type LrLambda = (epoch: number) => number;

/** One function for every group, or a list with one per group. */
export function checkLrLambdas(fn: string, lrLambda: unknown, groupCount: number): LrLambda[] {
  if (Array.isArray(lrLambda)) {
    if (lrLambda.length !== groupCount) throw invalidArgument(fn, "lrLambda", lrLambda, `a function or a list of ${groupCount} functions (one per parameter group)`);
    return lrLambda.map((f: unknown, i) => checkFunction(fn, `lrLambda[${i}]`, f) as LrLambda);
  }
  return new Array<LrLambda>(groupCount).fill(checkFunction(fn, "lrLambda", lrLambda) as LrLambda);
}

export interface LambdaLROptions extends ResumeOptions {
  /** λ(epoch), the factor on each group's initial lr; or one function per group. */
  lrLambda: LrLambda | readonly LrLambda[];
}

/**
 * PyTorch's `LambdaLR`: `lr_t = initialLr · λ(t)`. Not chainable (it ignores the current lr).
 * Wrap a pure schedule as `lrLambda: (t) => schedule(t) / schedule(0)`.
 * `stateDict()` saves progress only: functions are not state (PyTorch saves them only when they are objects).
 */
export class LambdaLR extends LRScheduler {
  private readonly lrLambdas: LrLambda[];

  constructor(optimizer: OptimizerLike, options: LambdaLROptions) {
    const o = checkOptions("LambdaLR", options);
    const lambdas = checkLrLambdas("LambdaLR", o.lrLambda, checkOptimizer("LambdaLR", optimizer).length);
    super("LambdaLR", optimizer, o.lastEpoch, {}, () => ({}));
    this.lrLambdas = lambdas;
    this.initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((baseLr, i) => baseLr * this.lrLambdas[i](this.lastEpoch));
  }
}
