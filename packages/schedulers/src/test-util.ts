// Helpers for this package's tests only (not exported from index.ts, not shipped).
import { expect } from "vitest";
import type { OptimizerLike, ParamGroupLike } from "./optimizer-like";

/** An SGD-shaped optimizer: one group per lr, each with the given momentum. */
export function sgd(lrs: readonly number[], momentum = 0): OptimizerLike & { paramGroups: ParamGroupLike[] } {
  return { paramGroups: lrs.map((lr) => ({ lr, momentum })) };
}

/** An Adam-shaped optimizer: one group per lr, betas (0.9, 0.999). */
export function adam(lrs: readonly number[]): OptimizerLike {
  return { paramGroups: lrs.map((lr): ParamGroupLike => ({ lr, betas: [0.9, 0.999] })) };
}

/** Every group's lr now, then after each of `steps` calls of `step`. */
export function lrTrace(optimizer: OptimizerLike, step: () => void, steps: number): number[][] {
  const rows = [optimizer.paramGroups.map((g) => g.lr)];
  for (let k = 0; k < steps; k++) {
    step();
    rows.push(optimizer.paramGroups.map((g) => g.lr));
  }
  return rows;
}

/** `|got − want| ≤ 1e-12 · max(1, |want|)` element by element, the conformance rule. */
export function expectAllClose(got: readonly number[], want: readonly number[], tolerance = 1e-12): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    const w = want[i];
    if (!(Math.abs(g - w) <= tolerance * Math.max(1, Math.abs(w)))) {
      throw new Error(`index ${i}: got ${g}, want ${w} (tolerance ${tolerance})`);
    }
  });
}

/** Compares a trace of one group against a schedule evaluated at 0, 1, 2, ... */
export function expectTraceMatches(trace: readonly number[][], group: number, schedule: (t: number) => number, tolerance = 1e-12): void {
  expectAllClose(
    trace.map((row) => row[group]),
    trace.map((_, t) => schedule(t)),
    tolerance,
  );
}
