import { NON_NEGATIVE_INTEGER, POSITIVE, POSITIVE_INTEGER, checkNumber, checkNumberList, checkOptions } from "../check";
import { makeSchedule, type Schedule } from "./schedule";

export interface StepDecayOptions {
  /** η₀, the value before the first decay; finite and > 0. */
  initValue: number;
  /** Steps between two decays; an integer >= 1. */
  stepSize: number;
  /** Factor applied at each decay; finite and > 0 (0.1 in PyTorch's StepLR). */
  gamma?: number;
}

/**
 * Step decay, the closed form of PyTorch's `StepLR`: `η_t = η₀ · γ^⌊t / stepSize⌋`.
 *
 * @example stepDecay({ initValue: 0.1, stepSize: 10, gamma: 0.5 })(25) // 0.1 · 0.5² = 0.025
 */
export function stepDecay(options: StepDecayOptions): Schedule {
  const fn = "stepDecay";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue, POSITIVE);
  const stepSize = checkNumber(fn, "stepSize", o.stepSize, POSITIVE_INTEGER);
  const gamma = checkNumber(fn, "gamma", o.gamma ?? 0.1, POSITIVE);
  return makeSchedule(fn, (t) => initValue * gamma ** Math.floor(t / stepSize));
}

export interface MultiStepDecayOptions {
  /** η₀, the value before the first milestone; finite and > 0. */
  initValue: number;
  /** Steps at which the value is multiplied by γ, in non-decreasing order; a repeated milestone applies γ once per listing. */
  milestones: readonly number[];
  /** Factor applied at each milestone; finite and > 0 (0.1 in PyTorch's MultiStepLR). */
  gamma?: number;
}

/**
 * Piecewise-constant decay at milestones, the closed form of PyTorch's `MultiStepLR`:
 * `η_t = η₀ · γ^{#{i : milestones[i] ≤ t}}`.
 *
 * @example multiStepDecay({ initValue: 1, milestones: [10, 10, 20], gamma: 0.5 })(15) // 0.25
 */
export function multiStepDecay(options: MultiStepDecayOptions): Schedule {
  const fn = "multiStepDecay";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue, POSITIVE);
  const milestones = checkNumberList(fn, "milestones", o.milestones, NON_NEGATIVE_INTEGER, "nonDecreasing");
  const gamma = checkNumber(fn, "gamma", o.gamma ?? 0.1, POSITIVE);
  return makeSchedule(fn, (t) => {
    let passed = 0;
    while (passed < milestones.length && milestones[passed] <= t) passed++;
    return initValue * gamma ** passed;
  });
}
