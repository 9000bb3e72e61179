import type { FloatArray } from "./layout";

/**
 * PyTorch's running-buffer update after one training batch:
 *
 *   runningMean ← (1 − m)·runningMean + m·mean
 *   runningVar  ← (1 − m)·runningVar  + m·variance·M/(M − 1)
 *
 * `variance` is the biased batch variance (the one normalization uses); the buffer takes
 * the unbiased one (Bessel's correction). The caller passes m = momentum, or
 * 1/numBatchesTracked for PyTorch's cumulative average (momentum = null), and M ≥ 2.
 * The product order follows `batch_norm_cpu_update_stats_template` (momentum · stat first).
 */
export function updateRunningStatistics(
  runningMean: FloatArray,
  runningVar: FloatArray,
  mean: ArrayLike<number>,
  variance: ArrayLike<number>,
  count: number,
  factor: number,
): void {
  const bessel = count / (count - 1);
  for (let c = 0; c < runningMean.length; c++) {
    runningMean[c] = factor * mean[c] + (1 - factor) * runningMean[c];
    runningVar[c] = factor * (variance[c] * bessel) + (1 - factor) * runningVar[c];
  }
}
