import type { Parameter } from "@descent/autograd";
import { Adadelta, Adagrad, Adam, Adamax, AdamW, RMSprop, SGD } from "@descent/optim";
import type { TrainingOptimizer } from "../training/training-optimizer";

/** The optimizers the demo compares, each with the learning rate it uses unless told otherwise. */
export const optimizerNames = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamax", "amsgrad", "adamw"] as const;
export type OptimizerName = (typeof optimizerNames)[number];

export interface OptimizerSpec {
  readonly label: string;
  /**
   * PyTorch's default where it has one; the SGD family shares 0.01 (the lectures' typical
   * value) so momentum is compared at the same step size; RMSprop uses 1e-3, the value its
   * authors and Keras use, since torch's 1e-2 is far too large for this net.
   */
  readonly lr: number;
  readonly create: (params: Parameter[], lr: number) => TrainingOptimizer;
}

export const optimizerSpecs: Record<OptimizerName, OptimizerSpec> = {
  sgd: { label: "SGD", lr: 0.01, create: (params, lr) => new SGD(params, { lr }) },
  momentum: { label: "SGD + momentum 0.9", lr: 0.01, create: (params, lr) => new SGD(params, { lr, momentum: 0.9 }) },
  nesterov: { label: "Nesterov 0.9", lr: 0.01, create: (params, lr) => new SGD(params, { lr, momentum: 0.9, nesterov: true }) },
  adagrad: { label: "AdaGrad", lr: 0.01, create: (params, lr) => new Adagrad(params, { lr }) },
  rmsprop: { label: "RMSProp", lr: 0.001, create: (params, lr) => new RMSprop(params, { lr }) },
  adadelta: { label: "AdaDelta", lr: 1, create: (params, lr) => new Adadelta(params, { lr }) },
  adam: { label: "Adam", lr: 0.001, create: (params, lr) => new Adam(params, { lr }) },
  adamax: { label: "Adamax", lr: 0.002, create: (params, lr) => new Adamax(params, { lr }) },
  amsgrad: { label: "AMSGrad", lr: 0.001, create: (params, lr) => new Adam(params, { lr, amsgrad: true }) },
  adamw: { label: "AdamW (wd 0.01)", lr: 0.001, create: (params, lr) => new AdamW(params, { lr, weightDecay: 0.01 }) },
};

export function createOptimizer(name: OptimizerName, params: Parameter[], lr?: number): TrainingOptimizer {
  const spec = optimizerSpecs[name];
  return spec.create(params, lr ?? spec.lr);
}
