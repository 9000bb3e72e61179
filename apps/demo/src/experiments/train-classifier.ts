import type { Parameter, Sequential } from "@descent/autograd";
import { Generator } from "@descent/tensor";
import type { Progress } from "../cli/progress";
import { formatSeconds } from "../cli/progress";
import type { Dataset } from "../data/dataset";
import type { InitName } from "../model/initializers";
import { mlp } from "../model/mlp";
import { evaluate } from "../training/evaluate";
import type { Evaluation } from "../training/evaluate";
import { fit } from "../training/fit";
import type { FitOptions, FitResult } from "../training/fit";
import type { TrainingOptimizer } from "../training/training-optimizer";

export interface ClassifierRun {
  readonly model: Sequential;
  readonly fit: FitResult;
  /** On the test rows, once, after training. */
  readonly test: Evaluation;
}

export interface ClassifierOptions {
  readonly train: Dataset;
  readonly validation?: Dataset;
  readonly test: Dataset;
  readonly hidden: readonly number[];
  readonly activation?: "relu" | "tanh";
  readonly batchNorm?: boolean;
  readonly init?: InitName;
  /** Seeds the weights; the batch order is seeded from it too, so runs that differ only in the optimizer see the same batches. */
  readonly seed: number;
  readonly optimizer: (params: Parameter[]) => TrainingOptimizer;
  readonly epochs: number;
  readonly batchSize: number;
  readonly lrSchedule?: FitOptions["lrSchedule"];
  readonly earlyStopping?: FitOptions["earlyStopping"];
  readonly progress?: Progress;
  /** Name for per-epoch log lines (printed only when an epoch takes over two seconds). */
  readonly label?: string;
  /** Prepares the model before training (e.g. freezes layers) and picks what the optimizer gets. */
  readonly trainable?: (model: Sequential) => Parameter[];
}

/** Builds an MLP, trains it with `fit` (one progress tick per epoch) and scores it on the test set. */
export function trainClassifier(o: ClassifierOptions): ClassifierRun {
  const model = mlp({
    sizes: [o.train.features, ...o.hidden, o.train.classes],
    generator: new Generator(o.seed),
    ...(o.activation === undefined ? {} : { activation: o.activation }),
    ...(o.batchNorm === undefined ? {} : { batchNorm: o.batchNorm }),
    ...(o.init === undefined ? {} : { init: o.init }),
  });
  const params = o.trainable === undefined ? model.parameters() : o.trainable(model);
  const optimizer = o.optimizer(params);
  const result = fit(model, optimizer, o.train, {
    epochs: o.epochs,
    batchSize: o.batchSize,
    generator: new Generator(o.seed + 1000),
    dropLast: o.batchNorm === true,
    ...(o.validation === undefined ? {} : { validation: o.validation }),
    ...(o.lrSchedule === undefined ? {} : { lrSchedule: o.lrSchedule }),
    ...(o.earlyStopping === undefined ? {} : { earlyStopping: o.earlyStopping }),
    onEpoch: (r) => {
      o.progress?.tick(1, `${o.label ?? ""} loss ${r.trainLoss.toFixed(3)}`.trim());
      if (r.seconds > 2 && o.progress !== undefined) {
        const validation = r.validationAccuracy === null ? "" : `, validation accuracy ${(100 * r.validationAccuracy).toFixed(2)} %`;
        o.progress.log(`  ${o.label ?? "epoch"} ${r.epoch}/${o.epochs}: train loss ${r.trainLoss.toFixed(4)}${validation}, ${formatSeconds(r.seconds)} per epoch`);
      }
    },
  });
  // Epochs skipped by a divergence or early stop still count as done for the progress bar.
  o.progress?.tick(o.epochs - result.history.length);
  return { model, fit: result, test: evaluate(model, o.test) };
}
