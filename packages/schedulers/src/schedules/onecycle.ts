import { POSITIVE, POSITIVE_INTEGER, checkBoolean, checkNumber, checkOneOf, checkOptions } from "../check";
import { invalidArgument } from "../errors";
import { makeSchedule, type Schedule } from "./schedule";

/** PyTorch's `anneal_strategy`. */
export type AnnealStrategy = "cos" | "linear";
export const ANNEAL_STRATEGIES: readonly AnnealStrategy[] = ["cos", "linear"];

/** PyTorch's `_annealing_cos` / `_annealing_linear`: from `start` (pct 0) to `end` (pct 1). */
export function anneal(strategy: AnnealStrategy, start: number, end: number, pct: number): number {
  if (strategy === "linear") return (end - start) * pct + start;
  return end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
}

/**
 * One phase of the 1cycle policy: it runs from the previous phase's `endStep` (0 for the first)
 * to its own, moving the lr between two of its anchors (start `initial`, `peak`, end `min`) and
 * the momentum, which moves against it, between `max` and `base`.
 */
export interface OneCyclePhase {
  endStep: number;
  from: "initial" | "peak" | "min";
  to: "initial" | "peak" | "min";
  momentumFrom: "max" | "base";
  momentumTo: "max" | "base";
}

/**
 * PyTorch's `_schedule_phases`. Phase ends are `pct·T − 1`, (`2 pct·T − 2`,) `T − 1`, in float
 * arithmetic as torch. A rise of zero length (pct·T = 1) would divide by zero at step 0, so it
 * is rejected here; a later phase of zero length fails only if a step lands in it, as in torch.
 */
export function oneCyclePhases(fn: string, totalSteps: number, pctStart: number, threePhase: boolean): OneCyclePhase[] {
  const rise = pctStart * totalSteps - 1;
  if (rise === 0) {
    throw invalidArgument(fn, "pctStart", pctStart, `a value with pctStart · totalSteps ≠ 1 (totalSteps is ${totalSteps}): the rise would last zero steps`);
  }
  return threePhase
    ? [
        { endStep: rise, from: "initial", to: "peak", momentumFrom: "max", momentumTo: "base" },
        { endStep: 2 * pctStart * totalSteps - 2, from: "peak", to: "initial", momentumFrom: "base", momentumTo: "max" },
        { endStep: totalSteps - 1, from: "initial", to: "min", momentumFrom: "max", momentumTo: "max" },
      ]
    : [
        { endStep: rise, from: "initial", to: "peak", momentumFrom: "max", momentumTo: "base" },
        { endStep: totalSteps - 1, from: "peak", to: "min", momentumFrom: "base", momentumTo: "max" },
      ];
}

/** Finds the phase of `step` and the fraction of it done, exactly as PyTorch's `OneCycleLR.get_lr`. */
export function oneCyclePhaseAt(fn: string, phases: readonly OneCyclePhase[], step: number): { phase: OneCyclePhase; pct: number } {
  let start = 0;
  for (let i = 0; i < phases.length; i++) {
    const phase = phases[i];
    if (step <= phase.endStep || i === phases.length - 1) {
      if (phase.endStep === start) throw invalidArgument(fn, "step", step, "a step outside phases of zero length (torch divides by zero here)");
      return { phase, pct: (step - start) / (phase.endStep - start) };
    }
    start = phase.endStep;
  }
  throw new Error("unreachable: a one-cycle schedule has at least one phase");
}

export interface OneCycleScheduleOptions {
  /** η_max, the peak; finite and > 0. */
  peakValue: number;
  /** T, the length of the whole cycle; an integer >= 1. */
  totalSteps: number;
  /** Fraction of T spent rising; in [0, 1] (default 0.3). */
  pctStart?: number;
  /** Shape of each phase (default "cos"). */
  annealStrategy?: AnnealStrategy;
  /** Start value is `η_max / divFactor`; finite and > 0 (default 25). */
  divFactor?: number;
  /** End value is `η_max / (divFactor · finalDivFactor)`; finite and > 0 (default 1e4). */
  finalDivFactor?: number;
  /** Rise, fall back to the start value, then anneal to the end value (default false: rise, then anneal). */
  threePhase?: boolean;
}

/**
 * The 1cycle learning-rate policy (Smith & Topin, 2017), the closed form of PyTorch's `OneCycleLR`.
 * With `η_init = η_max/divFactor` and `η_end = η_init/finalDivFactor`, the value moves
 * `η_init → η_max` over steps `[0, pct·T − 1]`, then `η_max → η_end` up to `T − 1`
 * (three-phase: `η_max → η_init` up to `2 pct·T − 2`, then `η_init → η_end`). Within a phase at
 * fraction p, "cos" gives `end + (start − end)·(1 + cos πp)/2` and "linear" `start + (end − start)·p`.
 * Total: from `T − 1` on the value stays at `η_end` (PyTorch's class raises past T instead).
 *
 * @see https://arxiv.org/abs/1708.07120
 * @example oneCycleSchedule({ peakValue: 1, totalSteps: 11, pctStart: 0.2, annealStrategy: "linear", divFactor: 10 })(1) // 0.1 + 0.9 / 1.2
 */
export function oneCycleSchedule(options: OneCycleScheduleOptions): Schedule {
  const fn = "oneCycleSchedule";
  const o = checkOptions(fn, options);
  const peakValue = checkNumber(fn, "peakValue", o.peakValue, POSITIVE);
  const totalSteps = checkNumber(fn, "totalSteps", o.totalSteps, POSITIVE_INTEGER);
  const pctStart = checkNumber(fn, "pctStart", o.pctStart ?? 0.3, { min: 0, max: 1 });
  const annealStrategy = checkOneOf(fn, "annealStrategy", o.annealStrategy ?? "cos", ANNEAL_STRATEGIES);
  const divFactor = checkNumber(fn, "divFactor", o.divFactor ?? 25, POSITIVE);
  const finalDivFactor = checkNumber(fn, "finalDivFactor", o.finalDivFactor ?? 1e4, POSITIVE);
  const threePhase = checkBoolean(fn, "threePhase", o.threePhase ?? false);
  const phases = oneCyclePhases(fn, totalSteps, pctStart, threePhase);
  const initial = peakValue / divFactor;
  const anchors = { initial, peak: peakValue, min: initial / finalDivFactor };
  return makeSchedule(fn, (t) => {
    const { phase, pct } = oneCyclePhaseAt(fn, phases, Math.min(t, totalSteps - 1));
    return anneal(annealStrategy, anchors[phase.from], anchors[phase.to], pct);
  });
}
