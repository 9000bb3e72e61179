import { NON_NEGATIVE, POSITIVE, POSITIVE_INTEGER, checkNumber, checkOptions } from "../check";
import { makeSchedule, type Schedule } from "./schedule";

export interface CosineDecayOptions {
  /** η₀; finite and > 0. */
  initValue: number;
  /** T, the step at which the floor `α η₀` is reached and kept; an integer >= 1. */
  decaySteps: number;
  /** α, the floor as a fraction of η₀; in [0, 1] (default 0). */
  alpha?: number;
}

/**
 * Cosine decay (Loshchilov & Hutter, SGDR, without restarts), optax's `cosine_decay_schedule`:
 * `η_t = η₀ · ((1 − α) · ½(1 + cos(π · min(t, T)/T)) + α)`.
 * Up to T it equals PyTorch's `CosineAnnealingLR` with `eta_min = α η₀`; past T PyTorch's
 * chainable form climbs back up, this stays at the floor.
 *
 * @see https://arxiv.org/abs/1608.03983
 * @example cosineDecay({ initValue: 1, decaySteps: 10 })(5) // 0.5
 */
export function cosineDecay(options: CosineDecayOptions): Schedule {
  const fn = "cosineDecay";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue, POSITIVE);
  const decaySteps = checkNumber(fn, "decaySteps", o.decaySteps, POSITIVE_INTEGER);
  const alpha = checkNumber(fn, "alpha", o.alpha ?? 0, { min: 0, max: 1 });
  return makeSchedule(fn, (t) => {
    const cosine = 0.5 * (1 + Math.cos((Math.PI * Math.min(t, decaySteps)) / decaySteps));
    return initValue * ((1 - alpha) * cosine + alpha);
  });
}

export interface CosineWarmRestartsOptions {
  /** η₀, the value at the start of every cycle; finite and > 0. */
  initValue: number;
  /** T₀, the length of the first cycle; an integer >= 1. */
  t0: number;
  /** Each cycle is `tMult` times longer than the one before; an integer >= 1 (default 1). */
  tMult?: number;
  /** η_min, the value the cosine approaches at the end of each cycle; finite and >= 0 (default 0). */
  etaMin?: number;
}

/**
 * Cosine annealing with warm restarts (SGDR), the closed form of PyTorch's
 * `CosineAnnealingWarmRestarts`: `η_t = η_min + (η₀ − η_min) · ½(1 + cos(π T_cur / T_i))`, where
 * cycle i lasts `T_i = T₀ · tMult^i` steps and `T_cur` counts the steps since it began.
 *
 * @see https://arxiv.org/abs/1608.03983
 * @example cosineWarmRestarts({ initValue: 1, t0: 4, tMult: 2 })(6) // T_i = 8, T_cur = 2: (1 + cos(π/4))/2
 */
export function cosineWarmRestarts(options: CosineWarmRestartsOptions): Schedule {
  const fn = "cosineWarmRestarts";
  const o = checkOptions(fn, options);
  const initValue = checkNumber(fn, "initValue", o.initValue, POSITIVE);
  const t0 = checkNumber(fn, "t0", o.t0, POSITIVE_INTEGER);
  const tMult = checkNumber(fn, "tMult", o.tMult ?? 1, POSITIVE_INTEGER);
  const etaMin = checkNumber(fn, "etaMin", o.etaMin ?? 0, NON_NEGATIVE);
  return makeSchedule(fn, (t) => {
    // Integer bookkeeping (no logarithms), so a restart lands exactly on its step.
    let cycleLength = t0;
    let sinceRestart = tMult === 1 ? t % t0 : t;
    while (sinceRestart >= cycleLength) {
      sinceRestart -= cycleLength;
      cycleLength *= tMult;
    }
    return etaMin + ((initValue - etaMin) * (1 + Math.cos((Math.PI * sinceRestart) / cycleLength))) / 2;
  });
}
