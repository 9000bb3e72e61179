import { median, quantile } from "./stats";

/**
 * How long to measure. Each measurement warms up first (JIT compilation, caches, lazy
 * allocation), then times runs until both `minRuns` runs and `budgetMs` have passed. A run is
 * `callsPerRun` calls, chosen from the warm-up so that one run lasts at least `minRunMs`:
 * a single call of a fast kernel is too short for the clock.
 */
export interface TimingBudget {
  warmupMs: number;
  budgetMs: number;
  minRuns: number;
  maxRuns: number;
  minRunMs: number;
}

/** Full mode: enough runs for a stable median on a noisy shared machine. */
export const fullBudget: TimingBudget = { warmupMs: 300, budgetMs: 1500, minRuns: 3, maxRuns: 200, minRunMs: 20 };

/** Quick mode: one call to warm up, one timed call; it checks that everything runs, not how fast. */
export const quickBudget: TimingBudget = { warmupMs: 0, budgetMs: 0, minRuns: 1, maxRuns: 1, minRunMs: 0 };

/** Milliseconds per call: the median over runs and the spread of the runs. */
export interface Timing {
  medianMs: number;
  q1Ms: number;
  q3Ms: number;
  runs: number;
  callsPerRun: number;
}

/** (q3 − q1) / median: the spread of the runs relative to the figure reported. */
export function relativeSpread(t: Timing): number {
  return t.medianMs > 0 ? (t.q3Ms - t.q1Ms) / t.medianMs : 0;
}

/** Times `fn` (synchronous: every kernel measured here, descent's and TF.js's, is). */
export function measure(fn: () => void, budget: TimingBudget): Timing {
  const warmStart = performance.now();
  let lastCallMs: number;
  do {
    const t0 = performance.now();
    fn();
    lastCallMs = performance.now() - t0;
  } while (performance.now() - warmStart < budget.warmupMs);
  // The last warm-up call is the best estimate of a warm call's cost.
  const callsPerRun = Math.max(1, Math.ceil(budget.minRunMs / Math.max(lastCallMs, 1e-3)));
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < budget.maxRuns && (samples.length < budget.minRuns || performance.now() - start < budget.budgetMs)) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerRun; i++) fn();
    samples.push((performance.now() - t0) / callsPerRun);
  }
  return { medianMs: median(samples), q1Ms: quantile(samples, 0.25), q3Ms: quantile(samples, 0.75), runs: samples.length, callsPerRun };
}
