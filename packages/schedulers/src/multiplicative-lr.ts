import { checkOptions } from "./check";
import { checkLrLambdas, type LrLambda } from "./lambda-lr";
import { LRScheduler, type ResumeOptions } from "./lr-scheduler";
import { checkOptimizer, type OptimizerLike } from "./optimizer-like";

export interface MultiplicativeLROptions extends ResumeOptions {
  /** λ(epoch), the factor applied to the current lr at each step; or one function per group. */
  lrLambda: LrLambda | readonly LrLambda[];
}

/**
 * PyTorch's `MultiplicativeLR`, chainable: `lr_t = lr_{t−1} · λ(t)` for t > 0; the construction
 * step leaves the lr alone. With a constant λ = γ it is ExponentialLR.
 */
export class MultiplicativeLR extends LRScheduler {
  private readonly lrLambdas: LrLambda[];

  constructor(optimizer: OptimizerLike, options: MultiplicativeLROptions) {
    const o = checkOptions("MultiplicativeLR", options);
    const lambdas = checkLrLambdas("MultiplicativeLR", o.lrLambda, checkOptimizer("MultiplicativeLR", optimizer).length);
    super("MultiplicativeLR", optimizer, o.lastEpoch, {}, () => ({}));
    this.lrLambdas = lambdas;
    this.initialStep();
  }

  protected getLr(): number[] {
    if (this.lastEpoch > 0) return this.groups.map((group, i) => group.lr * this.lrLambdas[i](this.lastEpoch));
    return this.groups.map((group) => group.lr);
  }
}
