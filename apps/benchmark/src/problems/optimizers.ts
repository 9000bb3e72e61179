import { ASGD, Adadelta, Adagrad, Adam, AdamW, Adamax, NAdam, RAdam, RMSprop, Rprop, SGD, type ParamLike } from "@descent/optim";
import {
  CosineAnnealingLR, ExponentialLR, LinearLR, OneCycleLR, SequentialLR, StepLR, type OptimizerLike, type Scheduler,
} from "@descent/schedulers";

/** The optimizers the convergence section compares; `torch` is peer.py's name for the same class. */
export const CONVERGENCE_OPTIMIZERS = [
  "sgd", "sgd-momentum", "sgd-nesterov", "adam", "adamw", "adamax", "nadam", "radam", "adagrad", "adadelta", "rmsprop", "asgd", "rprop",
] as const;
export type ConvergenceOptimizer = (typeof CONVERGENCE_OPTIMIZERS)[number];

export interface SteppingOptimizer {
  step(): unknown;
  zeroGrad(): void;
  paramGroups: unknown[];
}

/** Options beyond lr that the name implies (momentum for the SGD variants). */
export function optimizerOptions(name: ConvergenceOptimizer, lr: number): Record<string, unknown> {
  if (name === "sgd-momentum") return { lr, momentum: 0.9 };
  if (name === "sgd-nesterov") return { lr, momentum: 0.9, nesterov: true };
  return { lr };
}

export function torchName(name: ConvergenceOptimizer): string {
  return name.startsWith("sgd") ? "sgd" : name;
}

export function makeOptimizer(name: ConvergenceOptimizer, params: ParamLike[], lr: number): SteppingOptimizer {
  switch (name) {
    case "sgd":
    case "sgd-momentum":
    case "sgd-nesterov":
      return new SGD(params, optimizerOptions(name, lr) as { lr: number });
    case "adam": return new Adam(params, { lr });
    case "adamw": return new AdamW(params, { lr });
    case "adamax": return new Adamax(params, { lr });
    case "nadam": return new NAdam(params, { lr });
    case "radam": return new RAdam(params, { lr });
    case "adagrad": return new Adagrad(params, { lr });
    case "adadelta": return new Adadelta(params, { lr });
    case "rmsprop": return new RMSprop(params, { lr });
    case "asgd": return new ASGD(params, { lr });
    case "rprop": return new Rprop(params, { lr });
  }
}

/** A learning-rate schedule over `steps` optimizer steps, as data: both descent and peer.py build it. */
export type ScheduleSpec =
  | { kind: "constant" }
  | { kind: "step"; stepSize: number; gamma: number }
  | { kind: "exponential"; gamma: number }
  | { kind: "cosine"; tMax: number; etaMin: number }
  | { kind: "warmup-cosine"; warmupSteps: number; startFactor: number; tMax: number; etaMin: number }
  | { kind: "onecycle"; maxLr: number; totalSteps: number };

/** The schedules compared, each spanning a run of `steps` steps from the base lr. */
export function schedules(steps: number, baseLr: number): Record<string, ScheduleSpec> {
  const warmupSteps = Math.max(1, Math.round(steps / 10));
  return {
    constant: { kind: "constant" },
    step: { kind: "step", stepSize: Math.max(1, Math.round(steps / 3)), gamma: 0.1 },
    exponential: { kind: "exponential", gamma: 0.01 ** (1 / steps) },
    cosine: { kind: "cosine", tMax: steps, etaMin: 0 },
    "warmup-cosine": { kind: "warmup-cosine", warmupSteps, startFactor: 0.1, tMax: steps - warmupSteps, etaMin: 0 },
    onecycle: { kind: "onecycle", maxLr: 2 * baseLr, totalSteps: steps },
  };
}

/** descent's scheduler for a spec (null for a constant lr), stepped once per optimizer step. */
export function makeScheduler(spec: ScheduleSpec, optimizer: SteppingOptimizer): Scheduler | null {
  // The optimizer's groups are scheduler-shaped (lr, momentum, betas); the cast bridges optim's readonly betas tuple.
  const o = optimizer as unknown as OptimizerLike;
  switch (spec.kind) {
    case "constant": return null;
    case "step": return new StepLR(o, { stepSize: spec.stepSize, gamma: spec.gamma });
    case "exponential": return new ExponentialLR(o, { gamma: spec.gamma });
    case "cosine": return new CosineAnnealingLR(o, { tMax: spec.tMax, etaMin: spec.etaMin });
    case "warmup-cosine": {
      const warm = new LinearLR(o, { startFactor: spec.startFactor, totalIters: spec.warmupSteps });
      const cosine = new CosineAnnealingLR(o, { tMax: spec.tMax, etaMin: spec.etaMin });
      return new SequentialLR(o, { schedulers: [warm, cosine], milestones: [spec.warmupSteps] });
    }
    case "onecycle": return new OneCycleLR(o, { maxLr: spec.maxLr, totalSteps: spec.totalSteps });
  }
}
