import { isOptimizerId, optimizerKind } from "../optimizers/optimizer-kinds";
import type { OptimizerId } from "../optimizers/optimizer-kinds";
import { isScheduleId, SCHEDULE_KINDS, scheduleKind } from "../schedules/schedule-kinds";
import type { ScheduleKind, ScheduleValues } from "../schedules/schedule-kinds";
import { FUNCTION_IDS, testFunction } from "../surfaces/test-functions";
import type { FunctionId } from "../surfaces/test-functions";
import { defaultState, optimizerChoice, TAB_IDS } from "./playground-state";
import type { OptimizerChoice, PlaygroundState, TabId, TrainingState } from "./playground-state";

/*
 * The whole configuration lives in the URL's fragment, so a link reproduces it:
 *   #tab=paths&f=rosenbrock&start=-1.5,2&steps=1000&opt=adam:lr=0.05,beta1=0.9;sgd:lr=0.001&sched=cosineDecay:decaySteps=1000
 * Structure uses & = ; : , and every name or value is percent-encoded, so a value that
 * contains one of them (a milestone list "500,750") cannot break the structure.
 * Decoding never throws: anything missing or malformed keeps its default.
 */

const encode = encodeURIComponent;

function encodePairs(values: Readonly<Record<string, number | string>>, skip?: string): string {
  return Object.entries(values)
    .filter(([key]) => key !== skip)
    .map(([key, value]) => `${encode(key)}=${encode(String(value))}`)
    .join(",");
}

export function encodeState(state: PlaygroundState): string {
  const { paths, schedules, training } = state;
  const schedule = scheduleKind(paths.schedule.id);
  const parts: [string, string][] = [
    ["tab", state.tab],
    ["f", paths.fn],
    ["kappa", String(paths.kappa)],
    ["noise", String(paths.noise)],
    ["seed", String(paths.seed)],
    ["start", paths.start.join(",")],
    ["steps", String(paths.steps)],
    ["speed", String(paths.speed)],
    ["opt", paths.optimizers.map((o) => `${o.id}:${encodePairs(o.hyper)}`).join(";")],
    // The scale setting is fixed to 1 on this tab (the schedule is a factor on lr), so it is not stored.
    ["sched", `${schedule.id}:${encodePairs(paths.schedule.values, schedule.scaleKey)}`],
    ["h", String(schedules.horizon)],
    ...Object.entries(schedules.values).map(([id, values]): [string, string] => [`s.${id}`, encodePairs(values)]),
    ["topt", training.optimizers.map((o) => `${o.id}:lr=${encode(String(o.lr))}`).join(";")],
    ["hidden", String(training.hidden)],
    ["epochs", String(training.epochs)],
    ["batch", String(training.batchSize)],
    ["tseed", String(training.seed)],
  ];
  return parts.map(([key, value]) => `${key}=${value}`).join("&");
}

/** `text` as a number in [min, max] (an integer when `integer`), or `fallback`. */
function numberIn(text: string | undefined, fallback: number, min: number, max: number, integer = false): number {
  if (text === undefined || text.trim() === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) return fallback;
  return value;
}

function decodePairs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of text.split(",")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    try {
      out.set(decodeURIComponent(pair.slice(0, at)), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // A malformed escape: skip that pair, keep the rest.
    }
  }
  return out;
}

function decodeOptimizers(text: string): OptimizerChoice[] {
  const seen = new Set<OptimizerId>();
  const out: OptimizerChoice[] = [];
  for (const item of text.split(";")) {
    const [id = "", pairs = ""] = item.split(":");
    if (!isOptimizerId(id) || seen.has(id)) continue;
    seen.add(id);
    const given = decodePairs(pairs);
    const choice = optimizerChoice(id);
    for (const spec of optimizerKind(id).specs) choice.hyper[spec.key] = numberIn(given.get(spec.key), choice.hyper[spec.key], spec.min, spec.max);
    out.push(choice);
  }
  return out;
}

function decodeTrainingOptimizers(text: string): TrainingState["optimizers"] {
  const out: TrainingState["optimizers"] = [];
  for (const item of text.split(";")) {
    const [id = "", pairs = ""] = item.split(":");
    if (!isOptimizerId(id) || out.some((o) => o.id === id)) continue;
    out.push({ id, lr: numberIn(decodePairs(pairs).get("lr"), optimizerKind(id).networkLr, 0, 10) });
  }
  return out;
}

/** A schedule's settings from `text` over its defaults for `horizon` steps. */
export function decodeScheduleValues(kind: ScheduleKind, text: string, horizon: number): ScheduleValues {
  const given = decodePairs(text);
  const values: Record<string, number | string> = { ...kind.defaults(horizon) };
  for (const param of kind.params) {
    const raw = given.get(param.key);
    if (raw === undefined) continue;
    if (param.type === "number") values[param.key] = numberIn(raw, Number(values[param.key]), param.min, Infinity);
    else if (param.type === "choice") values[param.key] = param.choices.includes(raw) ? raw : values[param.key];
    else values[param.key] = raw;
  }
  return values;
}

export function decodeState(fragment: string): PlaygroundState {
  const state = defaultState();
  const fields = new Map<string, string>();
  for (const part of fragment.replace(/^#/, "").split("&")) {
    const at = part.indexOf("=");
    if (at > 0) fields.set(part.slice(0, at), part.slice(at + 1));
  }
  const tab = fields.get("tab") ?? "";
  if ((TAB_IDS as readonly string[]).includes(tab)) state.tab = tab as TabId;

  const { paths, schedules, training } = state;
  const fn = fields.get("f") ?? "";
  if ((FUNCTION_IDS as readonly string[]).includes(fn)) paths.fn = fn as FunctionId;
  paths.kappa = numberIn(fields.get("kappa"), paths.kappa, 1, 1e6);
  // A link that names a function but no start point starts where that function's plot suggests.
  paths.start = [...testFunction(paths.fn, paths.kappa).start];
  paths.noise = numberIn(fields.get("noise"), paths.noise, 0, 1e6);
  paths.seed = numberIn(fields.get("seed"), paths.seed, 0, 2 ** 32 - 1, true);
  const start = (fields.get("start") ?? "").split(",").map(Number);
  if (start.length === 2 && start.every((v) => Number.isFinite(v))) paths.start = [start[0], start[1]];
  paths.steps = numberIn(fields.get("steps"), paths.steps, 1, 20_000, true);
  paths.speed = numberIn(fields.get("speed"), paths.speed, 1, 20_000, true);
  const optimizers = fields.get("opt");
  if (optimizers !== undefined) paths.optimizers = decodeOptimizers(optimizers);
  const [scheduleId = "", scheduleValues = ""] = (fields.get("sched") ?? "").split(":");
  if (isScheduleId(scheduleId)) {
    const kind = scheduleKind(scheduleId);
    paths.schedule = { id: scheduleId, values: { ...decodeScheduleValues(kind, scheduleValues, paths.steps), [kind.scaleKey]: 1 } };
  }

  schedules.horizon = numberIn(fields.get("h"), schedules.horizon, 2, 100_000, true);
  for (const kind of SCHEDULE_KINDS) {
    const text = fields.get(`s.${kind.id}`);
    if (text !== undefined) schedules.values[kind.id] = decodeScheduleValues(kind, text, schedules.horizon);
  }

  const trainingOptimizers = fields.get("topt");
  if (trainingOptimizers !== undefined) training.optimizers = decodeTrainingOptimizers(trainingOptimizers);
  training.hidden = numberIn(fields.get("hidden"), training.hidden, 1, 512, true);
  training.epochs = numberIn(fields.get("epochs"), training.epochs, 1, 200, true);
  training.batchSize = numberIn(fields.get("batch"), training.batchSize, 1, 1024, true);
  training.seed = numberIn(fields.get("tseed"), training.seed, 0, 2 ** 32 - 1, true);
  return state;
}
