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
  return measureInterleaved([fn], budget)[0];
}

/**
 * Times several functions, alternating their runs (a run of the first, then of the second, …)
 * until each has had `budget` (its time budget multiplied by the number of functions, as if each
 * were timed alone). A busy spell on a shared machine then falls on all of them alike, so their
 * ratio holds up where back-to-back timings, each seeing a different spell, would not.
 */
export function measureInterleaved(fns: readonly (() => void)[], budget: TimingBudget): Timing[] {
  const callsPerRun = fns.map((fn) => warmUp(fn, budget));
  const samples: number[][] = fns.map(() => []);
  const start = performance.now();
  const enough = (): boolean =>
    samples[0].length >= budget.maxRuns || (samples[0].length >= budget.minRuns && performance.now() - start >= budget.budgetMs * fns.length);
  while (!enough()) {
    fns.forEach((fn, f) => {
      const t0 = performance.now();
      for (let i = 0; i < callsPerRun[f]; i++) fn();
      samples[f].push((performance.now() - t0) / callsPerRun[f]);
    });
  }
  return samples.map((s, f) => ({ medianMs: median(s), q1Ms: quantile(s, 0.25), q3Ms: quantile(s, 0.75), runs: s.length, callsPerRun: callsPerRun[f] }));
}

/** Runs `fn` for the warm-up time (at least once); returns how many calls make a run of at least `minRunMs`. */
function warmUp(fn: () => void, budget: TimingBudget): number {
  const warmStart = performance.now();
  let lastCallMs: number;
  do {
    const t0 = performance.now();
    fn();
    lastCallMs = performance.now() - t0;
  } while (performance.now() - warmStart < budget.warmupMs);
  // The last warm-up call is the best estimate of a warm call's cost.
  return Math.max(1, Math.ceil(budget.minRunMs / Math.max(lastCallMs, 1e-3)));
}
