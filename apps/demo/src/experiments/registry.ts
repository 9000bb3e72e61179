import type { Experiment } from "./experiment";
import { batchSizeExperiment } from "./batch-size";
import { batchNormExperiment } from "./batchnorm";
import { initExperiment } from "./init";
import { landscapesExperiment } from "./landscapes/landscapes";
import { lotteryExperiment } from "./lottery";
import { optimizersExperiment } from "./optimizers";
import { secondOrderExperiment } from "./second-order/second-order";
import { schedulesExperiment } from "./schedules";
import { tuningExperiment } from "./tuning";

/** Every experiment, in the tour's order. */
export const experiments: readonly Experiment[] = [optimizersExperiment, landscapesExperiment, schedulesExperiment, initExperiment, batchNormExperiment, batchSizeExperiment, secondOrderExperiment, tuningExperiment, lotteryExperiment];

export function findExperiment(name: string): Experiment | undefined {
  return experiments.find((e) => e.name === name);
}
