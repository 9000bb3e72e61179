import { NON_NEGATIVE, NON_NEGATIVE_INTEGER, POSITIVE_INTEGER, checkFunction, checkNumber, checkNumberList, checkOptions, isList } from "../check";
import { invalidArgument } from "../errors";
import { linearWarmup } from "./linear";
import { makeSchedule, type Schedule } from "./schedule";

/**
 * Runs `schedules[i]` between `boundaries[i−1]` and `boundaries[i]`, each restarted at its own
 * step 0 (optax's `join_schedules`): with `b₋₁ = 0` and i the number of boundaries `≤ t`,
 * `η_t = schedules[i](t − b_{i−1})`.
 *
 * @example joinSchedules([linearWarmup({ peakValue: 1, warmupSteps: 10 }), cosineDecay({ initValue: 1, decaySteps: 90 })], [10])
 */
export function joinSchedules(schedules: readonly Schedule[], boundaries: readonly number[]): Schedule {
  const fn = "joinSchedules";
  if (!isList(schedules) || schedules.length === 0) throw invalidArgument(fn, "schedules", schedules, "a non-empty array of schedules");
  schedules.forEach((s, i) => checkFunction(fn, `schedules[${i}]`, s));
  const bounds = checkNumberList(fn, "boundaries", boundaries, NON_NEGATIVE_INTEGER, "increasing");
  if (bounds.length !== schedules.length - 1) {
    throw invalidArgument(fn, "boundaries", boundaries, `${schedules.length - 1} boundaries (one fewer than the ${schedules.length} schedules)`);
  }
  const parts = [...schedules];
  return makeSchedule(fn, (t) => {
    let i = 0;
    while (i < bounds.length && bounds[i] <= t) i++;
    return parts[i](i === 0 ? t : t - bounds[i - 1]);
  });
}

export interface WarmupOptions {
  /** Value at step 0 of the warmup; finite and >= 0 (default 0). */
  initValue?: number;
}

/**
 * Prepends a linear warmup of `steps` steps that climbs from `initValue` to `schedule(0)`, then
 * runs `schedule` from its step 0: `joinSchedules([linearWarmup(...), schedule], [steps])`.
 *
 * @example warmup(cosineDecay({ initValue: 0.1, decaySteps: 100 }), 10)(5) // 0.05
 */
export function warmup(schedule: Schedule, steps: number, options?: WarmupOptions): Schedule {
  const fn = "warmup";
  checkFunction(fn, "schedule", schedule);
  const warmupSteps = checkNumber(fn, "steps", steps, POSITIVE_INTEGER);
  const initValue = checkNumber(fn, "initValue", checkOptions(fn, options).initValue ?? 0, NON_NEGATIVE);
  const peakValue = checkNumber(fn, "schedule(0)", schedule(0), { min: 0, minExclusive: true });
  return joinSchedules([linearWarmup({ initValue, peakValue, warmupSteps }), schedule], [warmupSteps]);
}
