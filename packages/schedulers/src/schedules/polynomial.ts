import { NON_NEGATIVE, POSITIVE, POSITIVE_INTEGER, checkNumber, checkOptions } from "../check";
import { makeSchedule, type Schedule } from "./schedule";

export interface PolynomialDecayOptions {
  /** η₀; finite and > 0. */
  initValue: number;
  /** η_T, reached at `decaySteps` and kept after; finite and >= 0 (default 0, as PyTorch's PolynomialLR). */
  endValue?: number;
  /** p; finite and > 0 (default 1, a straight line). */
  power?: number;
  /** T; an integer >= 1. */
  decaySteps: number;
}

/**
 * Polynomial decay: `η_t = (η₀ − η_T) · (1 − min(t, T)/T)^p + η_T`.
 * With `endValue` 0 it is the closed form of PyTorch's `PolynomialLR`.
 *
 * @example polynomialDecay({ initValue: 1, decaySteps: 4, power: 2 })(2) // 0.25
 */
export function polynomialDecay(options: PolynomialDecayOptions): Schedule {
  const fn = "polynomialDecay";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue, POSITIVE);
  const endValue = checkNumber(fn, "endValue", o.endValue ?? 0, NON_NEGATIVE);
  const power = checkNumber(fn, "power", o.power ?? 1, POSITIVE);
  const decaySteps = checkNumber(fn, "decaySteps", o.decaySteps, POSITIVE_INTEGER);
  return makeSchedule(fn, (t) => (initValue - endValue) * (1 - Math.min(t, decaySteps) / decaySteps) ** power + endValue);
}
