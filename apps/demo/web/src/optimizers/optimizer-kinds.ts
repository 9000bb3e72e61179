import { Adadelta, Adagrad, Adam, Adamax, AdamW, NAdam, RAdam, RMSprop, SGD } from "@descent/optim";
import type { ParamLike } from "@descent/optim";

/** What the playground needs from an optimizer: a step, and the learning rate a schedule rewrites. */
export interface SteppingOptimizer {
  step(): unknown;
  readonly paramGroups: { lr: number }[];
}

/** One numeric hyperparameter and the range its input allows. */
export interface HyperparameterSpec {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export type OptimizerId =
  | "sgd"
  | "momentum"
  | "nesterov"
  | "adagrad"
  | "rmsprop"
  | "adadelta"
  | "adam"
  | "adamw"
  | "adamax"
  | "nadam"
  | "radam";

export type Hyperparameters = Readonly<Record<string, number>>;

export interface OptimizerKind {
  readonly id: OptimizerId;
  readonly label: string;
  readonly color: string;
  readonly specs: readonly HyperparameterSpec[];
  /**
   * Defaults for a 2-D toy problem: PyTorch's, except the learning rate, which is raised so a
   * path goes somewhere in a few hundred steps (PyTorch's defaults are tuned for networks).
   */
  readonly defaults: Hyperparameters;
  /** Learning rate for the digits MLP (Tab 3). */
  readonly networkLr: number;
  create(params: ParamLike[], h: Hyperparameters): SteppingOptimizer;
}

const lr: HyperparameterSpec = { key: "lr", label: "lr", min: 0, max: 10, step: 0.0001 };
const momentum: HyperparameterSpec = { key: "momentum", label: "momentum", min: 0, max: 0.999, step: 0.01 };
const beta1: HyperparameterSpec = { key: "beta1", label: "β₁", min: 0, max: 0.999, step: 0.01 };
const beta2: HyperparameterSpec = { key: "beta2", label: "β₂", min: 0, max: 0.9999, step: 0.001 };
const weightDecay: HyperparameterSpec = { key: "weightDecay", label: "weight decay", min: 0, max: 1, step: 0.001 };

const betas = (h: Hyperparameters): [number, number] => [h.beta1, h.beta2];

// Colours from Okabe & Ito's and Tol's colour-blind-safe palettes, one per optimizer.
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = [
  {
    id: "sgd",
    label: "SGD",
    color: "#e8e8e8",
    specs: [lr],
    defaults: { lr: 0.001 },
    networkLr: 0.1,
    create: (params, h) => new SGD(params, { lr: h.lr }),
  },
  {
    id: "momentum",
    label: "Momentum",
    color: "#e69f00",
    specs: [lr, momentum],
    defaults: { lr: 0.001, momentum: 0.9 },
    networkLr: 0.05,
    create: (params, h) => new SGD(params, { lr: h.lr, momentum: h.momentum }),
  },
  {
    id: "nesterov",
    label: "Nesterov",
    color: "#f0e442",
    specs: [lr, momentum],
    defaults: { lr: 0.001, momentum: 0.9 },
    networkLr: 0.05,
    // PyTorch rejects nesterov with momentum 0; the input allows 0, so it falls back to plain SGD.
    create: (params, h) => new SGD(params, { lr: h.lr, momentum: h.momentum, nesterov: h.momentum > 0 }),
  },
  {
    id: "adagrad",
    label: "Adagrad",
    color: "#56b4e9",
    specs: [lr],
    defaults: { lr: 0.5 },
    networkLr: 0.05,
    create: (params, h) => new Adagrad(params, { lr: h.lr }),
  },
  {
    id: "rmsprop",
    label: "RMSprop",
    color: "#009e73",
    specs: [lr, { key: "alpha", label: "α", min: 0, max: 0.9999, step: 0.01 }, momentum],
    defaults: { lr: 0.01, alpha: 0.99, momentum: 0 },
    networkLr: 0.001,
    create: (params, h) => new RMSprop(params, { lr: h.lr, alpha: h.alpha, momentum: h.momentum }),
  },
  {
    id: "adadelta",
    label: "Adadelta",
    color: "#cc79a7",
    specs: [lr, { key: "rho", label: "ρ", min: 0, max: 0.9999, step: 0.01 }],
    defaults: { lr: 1, rho: 0.9 },
    networkLr: 1,
    create: (params, h) => new Adadelta(params, { lr: h.lr, rho: h.rho }),
  },
  {
    id: "adam",
    label: "Adam",
    color: "#ff4d4d",
    specs: [lr, beta1, beta2],
    defaults: { lr: 0.05, beta1: 0.9, beta2: 0.999 },
    networkLr: 0.001,
    create: (params, h) => new Adam(params, { lr: h.lr, betas: betas(h) }),
  },
  {
    id: "adamw",
    label: "AdamW",
    color: "#d55e00",
    specs: [lr, beta1, beta2, weightDecay],
    defaults: { lr: 0.05, beta1: 0.9, beta2: 0.999, weightDecay: 0.01 },
    networkLr: 0.001,
    create: (params, h) => new AdamW(params, { lr: h.lr, betas: betas(h), weightDecay: h.weightDecay }),
  },
  {
    id: "adamax",
    label: "Adamax",
    color: "#aa77ff",
    specs: [lr, beta1, beta2],
    defaults: { lr: 0.05, beta1: 0.9, beta2: 0.999 },
    networkLr: 0.002,
    create: (params, h) => new Adamax(params, { lr: h.lr, betas: betas(h) }),
  },
  {
    id: "nadam",
    label: "NAdam",
    color: "#0072b2",
    specs: [lr, beta1, beta2],
    defaults: { lr: 0.05, beta1: 0.9, beta2: 0.999 },
    networkLr: 0.002,
    create: (params, h) => new NAdam(params, { lr: h.lr, betas: betas(h) }),
  },
  {
    id: "radam",
    label: "RAdam",
    color: "#88ccee",
    specs: [lr, beta1, beta2],
    defaults: { lr: 0.05, beta1: 0.9, beta2: 0.999 },
    networkLr: 0.001,
    create: (params, h) => new RAdam(params, { lr: h.lr, betas: betas(h) }),
  },
];

const byId = new Map(OPTIMIZER_KINDS.map((kind) => [kind.id, kind]));

export function optimizerKind(id: OptimizerId): OptimizerKind {
  return byId.get(id)!;
}

export function isOptimizerId(value: string): value is OptimizerId {
  return byId.has(value as OptimizerId);
}
