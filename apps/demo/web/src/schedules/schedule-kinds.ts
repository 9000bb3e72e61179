import {
  constantSchedule,
  cosineDecay,
  cosineWarmRestarts,
  cyclicSchedule,
  exponentialDecay,
  inverseSqrtDecay,
  inverseTimeDecay,
  linearToFloor,
  linearWarmup,
  multiStepDecay,
  oneCycleSchedule,
  polynomialDecay,
  stepDecay,
  warmup,
} from "@descent/schedulers";
import type { CyclicMode, Schedule } from "@descent/schedulers";

/** A schedule's setting: a number, or one of a few words (a mode, or a list of milestones). */
export type ScheduleParam =
  | { readonly key: string; readonly label: string; readonly type: "number"; readonly min: number; readonly step: number }
  | { readonly key: string; readonly label: string; readonly type: "choice"; readonly choices: readonly string[] }
  | { readonly key: string; readonly label: string; readonly type: "list" };

export type ScheduleValues = Readonly<Record<string, number | string>>;

export type ScheduleId =
  | "constant"
  | "stepDecay"
  | "multiStepDecay"
  | "exponentialDecay"
  | "inverseTimeDecay"
  | "inverseSqrtDecay"
  | "polynomialDecay"
  | "linearToFloor"
  | "linearWarmup"
  | "cosineDecay"
  | "cosineWarmRestarts"
  | "cyclicSchedule"
  | "oneCycleSchedule"
  | "warmupCosine";

export interface ScheduleKind {
  readonly id: ScheduleId;
  readonly label: string;
  /** The factory's name in @descent/schedulers (what a user would call). */
  readonly call: string;
  readonly formula: string;
  /** The setting that is the schedule's scale (η₀ or its peak): the paths tab fixes it to 1, making the schedule a factor on each optimizer's lr. */
  readonly scaleKey: string;
  readonly params: readonly ScheduleParam[];
  /** Defaults for a run of `horizon` steps, so a decay ends where the run ends. */
  defaults(horizon: number): ScheduleValues;
  /** The schedule; throws the schedulers' InvalidArgumentError on a bad setting. */
  create(values: ScheduleValues): Schedule;
}

const num = (key: string, label: string, min = 0, step = 0.001): ScheduleParam => ({ key, label, type: "number", min, step });
const int = (key: string, label: string): ScheduleParam => ({ key, label, type: "number", min: 1, step: 1 });
const steps = (horizon: number, fraction: number): number => Math.max(1, Math.round(horizon * fraction));
const n = (values: ScheduleValues, key: string): number => Number(values[key]);
const s = (values: ScheduleValues, key: string): string => String(values[key]);

/** "100, 200" → [100, 200]; anything that is not a number is left for the schedule to reject. */
export function parseList(text: string): number[] {
  return text.trim() === "" ? [] : text.split(",").map((part) => Number(part.trim()));
}

export const SCHEDULE_KINDS: readonly ScheduleKind[] = [
  {
    id: "constant",
    label: "constant",
    call: "constantSchedule",
    formula: "η_t = η₀",
    scaleKey: "value",
    params: [num("value", "η₀")],
    defaults: () => ({ value: 0.1 }),
    create: (v) => constantSchedule({ value: n(v, "value") }),
  },
  {
    id: "stepDecay",
    label: "step decay",
    call: "stepDecay",
    formula: "η_t = η₀ · γ^⌊t / s⌋",
    scaleKey: "initValue",
    params: [num("initValue", "η₀"), int("stepSize", "s"), num("gamma", "γ")],
    defaults: (h) => ({ initValue: 0.1, stepSize: steps(h, 0.25), gamma: 0.5 }),
    create: (v) => stepDecay({ initValue: n(v, "initValue"), stepSize: n(v, "stepSize"), gamma: n(v, "gamma") }),
  },
  {
    id: "multiStepDecay",
    label: "multi-step decay",
    call: "multiStepDecay",
    formula: "η_t = η₀ · γ^(number of milestones ≤ t)",
    scaleKey: "initValue",
    params: [num("initValue", "η₀"), { key: "milestones", label: "milestones", type: "list" }, num("gamma", "γ")],
    defaults: (h) => ({ initValue: 0.1, milestones: `${steps(h, 0.5)},${steps(h, 0.75)}`, gamma: 0.1 }),
    create: (v) => multiStepDecay({ initValue: n(v, "initValue"), milestones: parseList(s(v, "milestones")), gamma: n(v, "gamma") }),
  },
  {
    id: "exponentialDecay",
    label: "exponential decay",
    call: "exponentialDecay",
    formula: "η_t = η₀ · γ^t",
    scaleKey: "initValue",
    params: [num("initValue", "η₀"), num("gamma", "γ", 0, 0.0001)],
    // γ such that the value falls to 1% of η₀ by the end of the run.
    defaults: (h) => ({ initValue: 0.1, gamma: Number((0.01 ** (1 / Math.max(1, h))).toFixed(4)) }),
    create: (v) => exponentialDecay({ initValue: n(v, "initValue"), gamma: n(v, "gamma") }),
  },
  {
    id: "inverseTimeDecay",
    label: "inverse-time decay",
    call: "inverseTimeDecay",
    formula: "η_t = η₀ / (1 + k·t)",
    scaleKey: "initValue",
    params: [num("initValue", "η₀"), num("decayRate", "k", 0, 0.0001)],
    defaults: (h) => ({ initValue: 0.1, decayRate: Number((10 / Math.max(1, h)).toPrecision(2)) }),
    create: (v) => inverseTimeDecay({ initValue: n(v, "initValue"), decayRate: n(v, "decayRate") }),
  },
  {
    id: "inverseSqrtDecay",
    label: "inverse-sqrt decay",
    call: "inverseSqrtDecay",
    formula: "η_t = η₀ / √(1 + k·t)",
    scaleKey: "initValue",
    params: [num("initValue", "η₀"), num("decayRate", "k", 0, 0.0001)],
    defaults: (h) => ({ initValue: 0.1, decayRate: Number((10 / Math.max(1, h)).toPrecision(2)) }),
    create: (v) => inverseSqrtDecay({ initValue: n(v, "initValue"), decayRate: n(v, "decayRate") }),
  },
  {
    id: "polynomialDecay",
    label: "polynomial decay",
    call: "polynomialDecay",
    formula: "η_t = (η₀ − η_T) · (1 − min(t, T)/T)^p + η_T",
    scaleKey: "initValue",
    params: [num("initValue", "η₀"), num("endValue", "η_T"), num("power", "p", 0, 0.1), int("decaySteps", "T")],
    defaults: (h) => ({ initValue: 0.1, endValue: 0, power: 2, decaySteps: steps(h, 1) }),
    create: (v) =>
      polynomialDecay({ initValue: n(v, "initValue"), endValue: n(v, "endValue"), power: n(v, "power"), decaySteps: n(v, "decaySteps") }),
  },
  {
    id: "linearToFloor",
    label: "linear to a floor",
    call: "linearToFloor",
    formula: "ε_t = (1 − t/τ)·ε₀ + (t/τ)·ε_τ for t ≤ τ, then ε_τ",
    scaleKey: "initValue",
    params: [num("initValue", "ε₀"), num("floorValue", "ε_τ"), int("decaySteps", "τ")],
    defaults: (h) => ({ initValue: 0.1, floorValue: 0.001, decaySteps: steps(h, 0.5) }),
    create: (v) => linearToFloor({ initValue: n(v, "initValue"), floorValue: n(v, "floorValue"), decaySteps: n(v, "decaySteps") }),
  },
  {
    id: "linearWarmup",
    label: "linear warmup",
    call: "linearWarmup",
    formula: "η_t = η_init + (η_peak − η_init) · min(t, W)/W",
    scaleKey: "peakValue",
    params: [num("initValue", "η_init"), num("peakValue", "η_peak"), int("warmupSteps", "W")],
    defaults: (h) => ({ initValue: 0, peakValue: 0.1, warmupSteps: steps(h, 0.2) }),
    create: (v) => linearWarmup({ initValue: n(v, "initValue"), peakValue: n(v, "peakValue"), warmupSteps: n(v, "warmupSteps") }),
  },
  {
    id: "cosineDecay",
    label: "cosine decay",
    call: "cosineDecay",
    formula: "η_t = η₀ · ((1 − α) · ½(1 + cos(π·min(t, T)/T)) + α)",
    scaleKey: "initValue",
    params: [num("initValue", "η₀"), int("decaySteps", "T"), num("alpha", "α", 0, 0.01)],
    defaults: (h) => ({ initValue: 0.1, decaySteps: steps(h, 1), alpha: 0 }),
    create: (v) => cosineDecay({ initValue: n(v, "initValue"), decaySteps: n(v, "decaySteps"), alpha: n(v, "alpha") }),
  },
  {
    id: "cosineWarmRestarts",
    label: "cosine, warm restarts",
    call: "cosineWarmRestarts",
    formula: "η_t = η_min + (η₀ − η_min) · ½(1 + cos(π·T_cur/T_i)),  T_i = T₀·m^i",
    scaleKey: "initValue",
    params: [num("initValue", "η₀"), int("t0", "T₀"), int("tMult", "m"), num("etaMin", "η_min")],
    defaults: (h) => ({ initValue: 0.1, t0: steps(h, 1 / 7), tMult: 2, etaMin: 0 }),
    create: (v) => cosineWarmRestarts({ initValue: n(v, "initValue"), t0: n(v, "t0"), tMult: n(v, "tMult"), etaMin: n(v, "etaMin") }),
  },
  {
    id: "cyclicSchedule",
    label: "cyclic",
    call: "cyclicSchedule",
    formula: "η_t = η_base + (η_max − η_base) · triangle(t; s_up, s_down) · {1 | 2^−(cycle−1) | γ^t}",
    scaleKey: "maxValue",
    params: [
      num("baseValue", "η_base"),
      num("maxValue", "η_max"),
      int("stepSizeUp", "s_up"),
      int("stepSizeDown", "s_down"),
      { key: "mode", label: "mode", type: "choice", choices: ["triangular", "triangular2", "expRange"] },
      num("gamma", "γ", 0, 0.0001),
    ],
    defaults: (h) => ({ baseValue: 0.01, maxValue: 0.1, stepSizeUp: steps(h, 0.125), stepSizeDown: steps(h, 0.125), mode: "triangular2", gamma: 0.99 }),
    create: (v) =>
      cyclicSchedule({
        baseValue: n(v, "baseValue"),
        maxValue: n(v, "maxValue"),
        stepSizeUp: n(v, "stepSizeUp"),
        stepSizeDown: n(v, "stepSizeDown"),
        mode: s(v, "mode") as CyclicMode,
        gamma: n(v, "gamma"),
      }),
  },
  {
    id: "oneCycleSchedule",
    label: "one-cycle",
    call: "oneCycleSchedule",
    formula: "η_max/d → η_max over pct·T steps, then → η_max/(d·d_final) by T (cos or linear)",
    scaleKey: "peakValue",
    params: [
      num("peakValue", "η_max"),
      int("totalSteps", "T"),
      num("pctStart", "pct", 0, 0.05),
      { key: "annealStrategy", label: "anneal", type: "choice", choices: ["cos", "linear"] },
      num("divFactor", "d", 0, 1),
      num("finalDivFactor", "d_final", 0, 1),
      { key: "phases", label: "phases", type: "choice", choices: ["two", "three"] },
    ],
    defaults: (h) => ({ peakValue: 0.1, totalSteps: steps(h, 1), pctStart: 0.3, annealStrategy: "cos", divFactor: 25, finalDivFactor: 10000, phases: "two" }),
    create: (v) =>
      oneCycleSchedule({
        peakValue: n(v, "peakValue"),
        totalSteps: n(v, "totalSteps"),
        pctStart: n(v, "pctStart"),
        annealStrategy: s(v, "annealStrategy") === "linear" ? "linear" : "cos",
        divFactor: n(v, "divFactor"),
        finalDivFactor: n(v, "finalDivFactor"),
        threePhase: s(v, "phases") === "three",
      }),
  },
  {
    id: "warmupCosine",
    label: "warmup + cosine",
    call: "warmup(cosineDecay(…), W)",
    formula: "linear 0 → η₀ over W steps, then η₀ · ½(1 + cos(π·min(t − W, T)/T))",
    scaleKey: "initValue",
    params: [num("initValue", "η₀"), int("warmupSteps", "W"), int("decaySteps", "T")],
    defaults: (h) => ({ initValue: 0.1, warmupSteps: steps(h, 0.1), decaySteps: steps(h, 0.9) }),
    create: (v) => warmup(cosineDecay({ initValue: n(v, "initValue"), decaySteps: n(v, "decaySteps") }), n(v, "warmupSteps")),
  },
];

const byId = new Map(SCHEDULE_KINDS.map((kind) => [kind.id, kind]));

export function scheduleKind(id: ScheduleId): ScheduleKind {
  return byId.get(id)!;
}

export function isScheduleId(value: string): value is ScheduleId {
  return byId.has(value as ScheduleId);
}

/** The schedule as a factor on the learning rate: the scale setting fixed to 1. */
export function lrFactor(kind: ScheduleKind, values: ScheduleValues): Schedule {
  return kind.create({ ...values, [kind.scaleKey]: 1 });
}
