import { NON_NEGATIVE, POSITIVE, checkNumber, checkOptions } from "../check";
import { makeSchedule, type Schedule } from "./schedule";

export interface ExponentialDecayOptions {
  /** η₀; finite and > 0. */
  initValue: number;
  /** Factor per step; finite and > 0. The lecture's `η₀ · exp(−k t)` is `gamma = exp(−k)`. */
  gamma: number;
}

/**
 * Exponential decay, the closed form of PyTorch's `ExponentialLR`: `η_t = η₀ · γ^t`.
 *
 * @example exponentialDecay({ initValue: 1, gamma: 0.9 })(2) // 0.81
 */
export function exponentialDecay(options: ExponentialDecayOptions): Schedule {
  const fn = "exponentialDecay";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue, POSITIVE);
  const gamma = checkNumber(fn, "gamma", o.gamma, POSITIVE);
  return makeSchedule(fn, (t) => initValue * gamma ** t);
}

export interface InverseDecayOptions {
  /** η₀; finite and > 0. */
  initValue: number;
  /** k in the formula; finite and >= 0 (0 gives a constant). */
  decayRate: number;
}

/**
 * 1/t decay: `η_t = η₀ / (1 + k t)`. Its steps sum to infinity while their squares do not,
 * the Robbins–Monro condition for SGD to converge.
 *
 * @example inverseTimeDecay({ initValue: 1, decayRate: 0.5 })(4) // 1 / 3
 */
export function inverseTimeDecay(options: InverseDecayOptions): Schedule {
  const fn = "inverseTimeDecay";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue, POSITIVE);
  const decayRate = checkNumber(fn, "decayRate", o.decayRate, NON_NEGATIVE);
  return makeSchedule(fn, (t) => initValue / (1 + decayRate * t));
}

/**
 * Inverse square-root decay: `η_t = η₀ / √(1 + k t)`.
 *
 * @example inverseSqrtDecay({ initValue: 1, decayRate: 1 })(3) // 0.5
 */
export function inverseSqrtDecay(options: InverseDecayOptions): Schedule {
  const fn = "inverseSqrtDecay";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue, POSITIVE);
  const decayRate = checkNumber(fn, "decayRate", o.decayRate, NON_NEGATIVE);
  return makeSchedule(fn, (t) => initValue / Math.sqrt(1 + decayRate * t));
}
