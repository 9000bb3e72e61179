import type { OptimizerStateDict } from "@descent/optim";

/**
 * What the training loop needs of an optimizer: every @descent/optim optimizer is one. The
 * loop sets `paramGroups[i].lr` itself when it is given a schedule.
 */
export interface TrainingOptimizer {
  readonly paramGroups: { lr: number }[];
  step(): unknown;
  zeroGrad(): void;
  stateDict(): OptimizerStateDict;
  loadStateDict(stateDict: OptimizerStateDict): void;
}
