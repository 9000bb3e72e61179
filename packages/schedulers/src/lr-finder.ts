import { NON_NEGATIVE_INTEGER, POSITIVE, checkFunction, checkNumber, checkOptions, type NumberRule } from "./check";
import { invalidArgument } from "./errors";
import { checkOptimizer, type OptimizerLike } from "./optimizer-like";

export interface LrFinderOptions {
  /** The optimizer whose groups' lr is swept; restored to its previous lrs afterwards. */
  optimizer: OptimizerLike;
  /**
   * One training step at the lr already set on the optimizer (forward, backward,
   * `optimizer.step()`); returns the loss, a number >= 0. A non-finite loss ends the sweep.
   */
  step: (iteration: number, lr: number) => number;
  /** First lr of the sweep; finite and > 0 (default 1e-7). */
  startLr?: number;
  /** Last lr of the sweep; finite and > startLr (default 10). */
  endLr?: number;
  /** Steps of the sweep; an integer >= 2 (default 200). */
  numSteps?: number;
  /** β of the bias-corrected moving average of the loss; in [0, 1) (default 0.9). */
  smoothing?: number;
  /** Stop once the smoothed loss exceeds this many times the best so far; > 1 (default 4). */
  divergenceFactor?: number;
  /** Points left out at the start when looking for the steepest descent; an integer >= 0 (default 10). */
  skipStart?: number;
  /** Points left out at the end (the start of the blow-up); an integer >= 0 (default 5). */
  skipEnd?: number;
}

export interface LrFinderResult {
  /** The lr of each step taken. */
  lrs: number[];
  /** The loss `step` returned at each of them. */
  losses: number[];
  /** The bias-corrected moving average of `losses`. */
  smoothedLosses: number[];
  /** The lr where the smoothed loss falls fastest against log lr; undefined with fewer than 2 points. */
  suggestedLr: number | undefined;
  /** Whether the sweep stopped early because the loss blew up (or was not finite). */
  diverged: boolean;
}

const FRACTION_BELOW_ONE: NumberRule = { min: 0, max: 1, maxExclusive: true };

/**
 * The learning-rate range test (Smith, 2017; fastai's `lr_find`): runs `numSteps` training
 * steps with the lr growing geometrically, `lr_i = startLr · (endLr/startLr)^(i/(numSteps−1))`,
 * smooths the loss with a bias-corrected moving average, `m_i = β m_{i−1} + (1−β) loss_i`,
 * `smoothed_i = m_i / (1 − β^(i+1))`, stops when the smoothed loss exceeds `divergenceFactor`
 * times its best, and suggests the lr at which the smoothed loss decreases fastest per unit of
 * log lr (central differences, as `np.gradient`). The model's parameters keep the sweep's
 * updates: restore them (or rebuild the model) before training for real.
 *
 * @see https://arxiv.org/abs/1506.01186
 */
export function lrFinder(options: LrFinderOptions): LrFinderResult {
  const fn = "lrFinder";
  const o = checkOptions(fn, options);
  const groups = checkOptimizer(fn, o.optimizer!);
  const step = checkFunction(fn, "step", o.step);
  const startLr = checkNumber(fn, "startLr", o.startLr ?? 1e-7, POSITIVE);
  const endLr = checkNumber(fn, "endLr", o.endLr ?? 10, { min: startLr, minExclusive: true });
  const numSteps = checkNumber(fn, "numSteps", o.numSteps ?? 200, { integer: true, min: 2 });
  const beta = checkNumber(fn, "smoothing", o.smoothing ?? 0.9, FRACTION_BELOW_ONE);
  const divergenceFactor = checkNumber(fn, "divergenceFactor", o.divergenceFactor ?? 4, { min: 1, minExclusive: true });
  const skipStart = checkNumber(fn, "skipStart", o.skipStart ?? 10, NON_NEGATIVE_INTEGER);
  const skipEnd = checkNumber(fn, "skipEnd", o.skipEnd ?? 5, NON_NEGATIVE_INTEGER);

  const savedLrs = groups.map((g) => g.lr);
  const result: LrFinderResult = { lrs: [], losses: [], smoothedLosses: [], suggestedLr: undefined, diverged: false };
  let average = 0;
  let best = Infinity;
  try {
    for (let i = 0; i < numSteps; i++) {
      const lr = startLr * (endLr / startLr) ** (i / (numSteps - 1));
      for (const group of groups) group.lr = lr;
      const loss = step(i, lr);
      if (typeof loss !== "number") throw invalidArgument(fn, `step(${i}) result`, loss, "a number (the loss)");
      if (!Number.isFinite(loss)) {
        result.diverged = true;
        break;
      }
      average = beta * average + (1 - beta) * loss;
      const smoothed = average / (1 - beta ** (i + 1));
      result.lrs.push(lr);
      result.losses.push(loss);
      result.smoothedLosses.push(smoothed);
      best = Math.min(best, smoothed);
      if (smoothed > best + (divergenceFactor - 1) * Math.abs(best)) {
        result.diverged = true;
        break;
      }
    }
  } finally {
    groups.forEach((group, i) => (group.lr = savedLrs[i]));
  }
  result.suggestedLr = steepestDescent(result.lrs, result.smoothedLosses, skipStart, skipEnd);
  return result;
}

/**
 * The lr at the most negative slope of `losses` against log lr, within `[skipStart, n − skipEnd)`
 * (the whole curve when that window holds fewer than 2 points). The lrs are geometric, so the
 * slope per index is the slope per log lr up to a constant factor.
 */
function steepestDescent(lrs: readonly number[], losses: readonly number[], skipStart: number, skipEnd: number): number | undefined {
  let from = skipStart;
  let to = lrs.length - skipEnd;
  if (to - from < 2) {
    from = 0;
    to = lrs.length;
  }
  if (to - from < 2) return undefined;
  let bestIndex = from;
  let bestSlope = Infinity;
  for (let i = from; i < to; i++) {
    const slope = i === from ? losses[i + 1] - losses[i] : i === to - 1 ? losses[i] - losses[i - 1] : (losses[i + 1] - losses[i - 1]) / 2;
    if (slope < bestSlope) {
      bestSlope = slope;
      bestIndex = i;
    }
  }
  return lrs[bestIndex];
}
