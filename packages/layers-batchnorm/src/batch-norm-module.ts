import { Module, Parameter, Variable, bumpVersion } from "@descent/autograd";
import { DTypeError, InvalidArgumentError, ShapeError, Tensor, invalidArgument } from "@descent/tensor";
import { batchNorm } from "./batch-norm";
import { checkBoolean, checkEps, checkMomentum, checkValuesPerChannel } from "./check-arguments";

export interface BatchNormModuleOptions {
  /** Added to the variance before the square root, > 0 (default 1e-5). */
  eps?: number;
  /** Weight of each batch in the running averages, in [0, 1]; null: the cumulative average 1/numBatchesTracked (default 0.1). */
  momentum?: number | null;
  /** Learn a per-channel scale γ (`weight`) and shift β (`bias`) (default true). */
  affine?: boolean;
  /** Keep running statistics for evaluation (default true); without them every mode uses the batch's. */
  trackRunningStats?: boolean;
  dtype?: "float32" | "float64";
}

export const batchNormModuleDefaults: Readonly<Required<BatchNormModuleOptions>> = Object.freeze({
  eps: 1e-5,
  momentum: 0.1,
  affine: true,
  trackRunningStats: true,
  dtype: "float32",
});

/**
 * PyTorch's `_BatchNorm`: per-channel normalization of (N, C, ...) inputs with learned γ/β
 * and running statistics. Training mode normalizes with the batch's statistics and updates
 * the running buffers; evaluation mode normalizes with the running buffers, or with the
 * batch's when none are tracked (as PyTorch does). The subclasses fix the input rank.
 */
export abstract class BatchNorm extends Module {
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  /** The dtype of γ, β and the running statistics, and so of the inputs this module takes. */
  readonly dtype: "float32" | "float64";
  readonly weight: Parameter | null;
  readonly bias: Parameter | null;
  readonly runningMean: Tensor | null;
  readonly runningVar: Tensor | null;
  /** A 0-d int32 counter of the training batches seen (PyTorch's int64 `num_batches_tracked`). */
  readonly numBatchesTracked: Tensor | null;
  private frozen = false;

  constructor(numFeatures: number, options: BatchNormModuleOptions = {}) {
    super();
    const fn = new.target.name;
    if (!Number.isInteger(numFeatures) || numFeatures < 1) throw invalidArgument(fn, "numFeatures", numFeatures, "an integer >= 1");
    const momentum = options.momentum === undefined ? batchNormModuleDefaults.momentum : options.momentum;
    this.numFeatures = numFeatures;
    this.eps = checkEps(fn, options.eps ?? batchNormModuleDefaults.eps);
    this.momentum = momentum === null ? null : checkMomentum(fn, momentum);
    this.affine = checkBoolean(fn, "affine", options.affine ?? batchNormModuleDefaults.affine);
    this.trackRunningStats = checkBoolean(fn, "trackRunningStats", options.trackRunningStats ?? batchNormModuleDefaults.trackRunningStats);
    const dtype: unknown = options.dtype ?? batchNormModuleDefaults.dtype;
    if (dtype !== "float32" && dtype !== "float64") throw invalidArgument(fn, "dtype", dtype, '"float32" or "float64"');
    this.dtype = dtype;
    // PyTorch's registration order, which is also the stateDict order.
    const vector = (value: number): Tensor => Tensor.full([numFeatures], value, { dtype });
    this.weight = this.registerParameter("weight", this.affine ? new Parameter(vector(1)) : null);
    this.bias = this.registerParameter("bias", this.affine ? new Parameter(vector(0)) : null);
    this.runningMean = this.registerBuffer("runningMean", this.trackRunningStats ? vector(0) : null);
    this.runningVar = this.registerBuffer("runningVar", this.trackRunningStats ? vector(1) : null);
    this.numBatchesTracked = this.registerBuffer("numBatchesTracked", this.trackRunningStats ? Tensor.scalar(0, { dtype: "int32" }) : null);
  }

  /** The input ranks this module accepts and how to name them in an error. */
  protected abstract readonly inputRanks: readonly number[];
  protected abstract readonly inputLayout: string;

  /**
   * Freezes the running statistics (or unfreezes them with `false`): while frozen, training mode
   * normalizes with the running buffers and leaves them (and numBatchesTracked) unchanged, as
   * evaluation mode does, while γ and β still get gradients. The usual way to fine-tune with small
   * batches, whose statistics would be too noisy. Needs tracked running statistics.
   */
  freezeStatistics(frozen = true): this {
    checkBoolean(`${this.constructor.name}.freezeStatistics`, "frozen", frozen);
    if (frozen && !this.trackRunningStats) {
      throw new InvalidArgumentError(
        `${this.constructor.name}.freezeStatistics: trackRunningStats is false, expected a module with running statistics to freeze`,
      );
    }
    this.frozen = frozen;
    return this;
  }

  /** True while `freezeStatistics()` is in effect. */
  get statisticsFrozen(): boolean {
    return this.frozen;
  }

  /** Running mean 0, running variance 1, no batches tracked (PyTorch's `reset_running_stats`). */
  resetRunningStats(): void {
    if (this.runningMean === null || this.runningVar === null || this.numBatchesTracked === null) return;
    for (const [buffer, value] of [[this.runningMean, 0], [this.runningVar, 1], [this.numBatchesTracked, 0]] as const) {
      buffer.fill(value);
      bumpVersion(buffer);
    }
  }

  /** The running statistics reset, γ = 1 and β = 0 (PyTorch's `reset_parameters`). */
  resetParameters(): void {
    this.resetRunningStats();
    for (const [parameter, value] of [[this.weight, 1], [this.bias, 0]] as const) {
      if (parameter === null) continue;
      parameter.data.fill(value);
      bumpVersion(parameter.data);
    }
  }

  override forward(input: Variable | Tensor): Variable {
    const fn = `${this.constructor.name}.forward`;
    if (!(input instanceof Variable || input instanceof Tensor)) throw invalidArgument(fn, "input", input, "a Variable or a Tensor");
    const shape = input.shape;
    if (!this.inputRanks.includes(shape.length)) {
      throw new ShapeError(`${fn}: input has shape [${shape.join(", ")}] (${shape.length}-d), expected ${this.inputLayout}`);
    }
    if (shape[1] !== this.numFeatures) {
      throw new ShapeError(`${fn}: input has ${shape[1]} channels (shape [${shape.join(", ")}]), expected numFeatures = ${this.numFeatures}`);
    }
    if (input.dtype !== this.dtype) throw new DTypeError(`${fn}: input is ${input.dtype}, expected ${this.dtype} (the module's dtype)`);
    // PyTorch: batch statistics in training, and in evaluation when no running statistics exist.
    const useBatchStatistics = (this.training && !this.frozen) || this.runningMean === null;
    if (useBatchStatistics) checkValuesPerChannel(fn, shape);
    const updatesRunning = this.training && !this.frozen && this.numBatchesTracked !== null;
    const batchesAfter = updatesRunning ? this.numBatchesTracked.item() + 1 : 0;
    // momentum null: the cumulative average, each batch weighted 1/numBatchesTracked.
    const momentum = this.momentum ?? (updatesRunning ? 1 / batchesAfter : 0);
    const useRunning = !useBatchStatistics || updatesRunning;
    const output = batchNorm(
      input,
      useRunning ? this.runningMean : null,
      useRunning ? this.runningVar : null,
      this.weight,
      this.bias,
      { training: useBatchStatistics, momentum, eps: this.eps },
    );
    // After batchNorm succeeded: a rejected call leaves the counter as it was.
    if (updatesRunning) {
      this.numBatchesTracked.fill(batchesAfter);
      bumpVersion(this.numBatchesTracked);
    }
    return output;
  }
}

/** Batch norm over (N, C) or (N, C, L) inputs: statistics per channel C. */
export class BatchNorm1d extends BatchNorm {
  protected readonly inputRanks = [2, 3];
  protected readonly inputLayout = "a 2-d (N, C) or 3-d (N, C, L) input";
}

/** Batch norm over (N, C, H, W) inputs: statistics per channel C. */
export class BatchNorm2d extends BatchNorm {
  protected readonly inputRanks = [4];
  protected readonly inputLayout = "a 4-d (N, C, H, W) input";
}

/** Batch norm over (N, C, D, H, W) inputs: statistics per channel C. */
export class BatchNorm3d extends BatchNorm {
  protected readonly inputRanks = [5];
  protected readonly inputLayout = "a 5-d (N, C, D, H, W) input";
}
