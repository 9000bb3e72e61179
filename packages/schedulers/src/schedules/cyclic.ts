import { NON_NEGATIVE, POSITIVE, checkNumber, checkOneOf, checkOptions } from "../check";
import { makeSchedule, type Schedule } from "./schedule";

/** How the amplitude of the triangle changes from cycle to cycle (PyTorch's `mode`, camelCase). */
export type CyclicMode = "triangular" | "triangular2" | "expRange";
export const CYCLIC_MODES: readonly CyclicMode[] = ["triangular", "triangular2", "expRange"];

/**
 * Where step t sits in the cyclical schedule of Smith (2017), exactly as PyTorch's `CyclicLR`
 * computes it: the 1-based cycle number and the fraction of the way from base to peak, in [0, 1].
 */
export function cyclicPosition(t: number, stepSizeUp: number, stepSizeDown: number): { cycle: number; scale: number } {
  const totalSize = stepSizeUp + stepSizeDown;
  const stepRatio = stepSizeUp / totalSize;
  const cycle = Math.floor(1 + t / totalSize);
  const x = 1 + t / totalSize - cycle;
  return { cycle, scale: x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1) };
}

/** The amplitude multiplier of each mode: 1, `1/2^(cycle−1)`, or `γ^t` (PyTorch's scale functions). */
export function cyclicAmplitude(mode: CyclicMode, cycle: number, t: number, gamma: number): number {
  if (mode === "triangular") return 1;
  if (mode === "triangular2") return 1 / 2 ** (cycle - 1);
  return gamma ** t;
}

export interface CyclicScheduleOptions {
  /** Lower bound of the cycle; finite and > 0. */
  baseValue: number;
  /** Upper bound of the first cycle; finite and > 0. */
  maxValue: number;
  /** Steps from base to peak; finite and > 0. */
  stepSizeUp: number;
  /** Steps from peak back to base; finite and >= 0 (default `stepSizeUp`). */
  stepSizeDown?: number;
  /** Amplitude policy (default "triangular"). */
  mode?: CyclicMode;
  /** γ of "expRange", applied per step; finite and > 0 (default 1). */
  gamma?: number;
}

/**
 * Cyclical learning rate (Smith, 2017), the closed form PyTorch's `CyclicLR` uses:
 * with `S = up + down`, `cycle = ⌊1 + t/S⌋`, `x = 1 + t/S − cycle` and `r = up/S`,
 * `scale = x/r` while rising (`x ≤ r`) and `(x − 1)/(r − 1)` while falling;
 * `η_t = base + (max − base) · scale · a`, where the amplitude `a` is 1 (triangular),
 * `1/2^(cycle−1)` (triangular2) or `γ^t` (expRange).
 *
 * @see https://arxiv.org/abs/1506.01186
 * @example cyclicSchedule({ baseValue: 0.01, maxValue: 0.1, stepSizeUp: 5 })(5) // 0.1
 */
export function cyclicSchedule(options: CyclicScheduleOptions): Schedule {
  const fn = "cyclicSchedule";
  const o = checkOptions(fn, options);
  const baseValue = checkNumber(fn, "baseValue", o.baseValue, POSITIVE);
  const maxValue = checkNumber(fn, "maxValue", o.maxValue, POSITIVE);
  const stepSizeUp = checkNumber(fn, "stepSizeUp", o.stepSizeUp, POSITIVE);
  const stepSizeDown = checkNumber(fn, "stepSizeDown", o.stepSizeDown ?? stepSizeUp, NON_NEGATIVE);
  const mode = checkOneOf(fn, "mode", o.mode ?? "triangular", CYCLIC_MODES);
  const gamma = checkNumber(fn, "gamma", o.gamma ?? 1, POSITIVE);
  return makeSchedule(fn, (t) => {
    const { cycle, scale } = cyclicPosition(t, stepSizeUp, stepSizeDown);
    return baseValue + (maxValue - baseValue) * scale * cyclicAmplitude(mode, cycle, t, gamma);
  });
}
