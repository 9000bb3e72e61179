import type { FitResult } from "../training/fit";

/** [epoch, value] points of one field of a run's history (an empty epoch 0 is not invented). */
export function epochCurve(run: FitResult, field: "trainLoss" | "trainAccuracy" | "validationLoss" | "validationAccuracy" | "lr"): [number, number][] {
  return run.history.map((r) => [r.epoch, r[field] ?? NaN]);
}

/** Minibatch losses averaged over windows of `window` steps: [step at the window's end, mean]. */
export function smoothedSteps(losses: readonly number[], window: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < losses.length; start += window) {
    const part = losses.slice(start, start + window);
    out.push([start + part.length, part.reduce((a, b) => a + b, 0) / part.length]);
  }
  return out;
}

export function percent(value: number): string {
  return `${(100 * value).toFixed(1)} %`;
}
