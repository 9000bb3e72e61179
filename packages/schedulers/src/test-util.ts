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
export function lrTrace(optimizer: OptimizerLike, scheduler: { step(): void }, steps: number): number[][] {
  const rows = [optimizer.paramGroups.map((g) => g.lr)];
  for (let k = 0; k < steps; k++) {
    scheduler.step();
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

/** A copy of a scheduler-driven optimizer's groups, as an optimizer `stateDict()` would hold them. */
function copyGroups(optimizer: OptimizerLike): ParamGroupLike[] {
  return optimizer.paramGroups.map((g) => structuredClone(g));
}

interface Resumable {
  step(): void;
  stateDict(): object;
  loadStateDict(state: never): void;
}

/**
 * Checks `stateDict()` / `loadStateDict()` the way a training script resumes: run `before` steps,
 * save; build a fresh optimizer and scheduler, restore the optimizer's groups and the scheduler's
 * state; then both must produce the same lrs for `after` more steps. Also checks that a bad state
 * is rejected without changing anything.
 */
export function expectResumes(
  make: (optimizer: OptimizerLike) => Resumable,
  newOptimizer: () => OptimizerLike,
  before = 7,
  after = 12,
): void {
  const original = newOptimizer();
  const running = make(original);
  for (let k = 0; k < before; k++) running.step();
  const saved = structuredClone(running.stateDict());

  const restoredOptimizer = newOptimizer();
  const restored = make(restoredOptimizer);
  const groups = copyGroups(original);
  restoredOptimizer.paramGroups.forEach((g, i) => Object.assign(g, groups[i]));
  restored.loadStateDict(saved as never);
  expect(restored.stateDict()).toEqual(running.stateDict());

  const bad = { ...saved, lastLr: "nope" };
  const snapshot = structuredClone(restored.stateDict());
  expect(() => { restored.loadStateDict(bad as never); }).toThrow(/loadStateDict/);
  expect(restored.stateDict()).toEqual(snapshot);

  expect(lrTrace(restoredOptimizer, restored, after)).toEqual(lrTrace(original, running, after));
}
