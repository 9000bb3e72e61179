import { NON_NEGATIVE, POSITIVE, POSITIVE_INTEGER, checkNumber, checkOptions } from "../check";
import { makeSchedule, type Schedule } from "./schedule";

/** `(1 − α) a + α b` with `α = min(t, steps)/steps`: exactly `b` from `steps` on. */
function interpolate(a: number, b: number, steps: number, t: number): number {
  const alpha = Math.min(t, steps) / steps;
  return (1 - alpha) * a + alpha * b;
}

export interface LinearToFloorOptions {
  /** ε₀; finite and > 0. */
  initValue: number;
  /** ε_τ, kept from step τ on; finite and >= 0. The lecture suggests about 1% of ε₀. */
  floorValue: number;
  /** τ, the step at which the floor is reached; an integer >= 1. */
  decaySteps: number;
}

/**
 * The lecture's linear decay to a floor: `ε_k = (1 − α) ε₀ + α ε_τ` with `α = k/τ` for `k < τ`,
 * then `ε_τ`. (Goodfellow et al., Deep Learning, §8.3.1.)
 *
 * @example linearToFloor({ initValue: 0.1, floorValue: 0.001, decaySteps: 100 })(50) // 0.0505
 */
export function linearToFloor(options: LinearToFloorOptions): Schedule {
  const fn = "linearToFloor";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue, POSITIVE);
  const floorValue = checkNumber(fn, "floorValue", o.floorValue, NON_NEGATIVE);
  const decaySteps = checkNumber(fn, "decaySteps", o.decaySteps, POSITIVE_INTEGER);
  return makeSchedule(fn, (t) => interpolate(initValue, floorValue, decaySteps, t));
}

export interface LinearWarmupOptions {
  /** Value at step 0; finite and >= 0 (default 0). */
  initValue?: number;
  /** Value reached at `warmupSteps` and kept after; finite and > 0. */
  peakValue: number;
  /** W; an integer >= 1. */
  warmupSteps: number;
}

/**
 * Linear warmup: `η_t = η_init + (η_peak − η_init) · min(t, W)/W`, then `η_peak`.
 * PyTorch's `LinearLR` is this with `η_init = start_factor · lr` and `η_peak = end_factor · lr`.
 *
 * @example linearWarmup({ peakValue: 0.1, warmupSteps: 10 })(5) // 0.05
 */
export function linearWarmup(options: LinearWarmupOptions): Schedule {
  const fn = "linearWarmup";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue ?? 0, NON_NEGATIVE);
  const peakValue = checkNumber(fn, "peakValue", o.peakValue, POSITIVE);
  const warmupSteps = checkNumber(fn, "warmupSteps", o.warmupSteps, POSITIVE_INTEGER);
  return makeSchedule(fn, (t) => interpolate(initValue, peakValue, warmupSteps, t));
}
