import { head } from "../data/dataset";
import { optimizerNames, optimizerSpecs } from "../model/optimizers";
import type { OptimizerName } from "../model/optimizers";
import type { Claim, ResultTable } from "../report/result";
import { epochCurve, percent } from "./curves";
import type { Experiment } from "./experiment";
import { bySize } from "./experiment";
import { trainClassifier } from "./train-classifier";
import type { ClassifierRun } from "./train-classifier";

interface Setting {
  hidden: number[];
  epochs: number;
  batchSize: number;
  trainRows: number;
  batchNorm: boolean;
  earlyStopping: { patience: number } | null;
}

/** An MLP on the image data; Fashion-MNIST gets the 784-256-128-10 net with batch norm. */
function setting(size: "tiny" | "tour" | "full", fashion: boolean): Setting {
  if (fashion) {
    return bySize(size, {
      tiny: { hidden: [64], epochs: 2, batchSize: 128, trainRows: 2000, batchNorm: true, earlyStopping: null },
      tour: { hidden: [256, 128], epochs: 3, batchSize: 128, trainRows: 20000, batchNorm: true, earlyStopping: null },
      full: { hidden: [256, 128], epochs: 20, batchSize: 128, trainRows: Infinity, batchNorm: true, earlyStopping: { patience: 4 } },
    });
  }
  return bySize(size, {
    tiny: { hidden: [32], epochs: 5, batchSize: 32, trainRows: 600, batchNorm: false, earlyStopping: null },
    tour: { hidden: [64], epochs: 15, batchSize: 32, trainRows: Infinity, batchNorm: false, earlyStopping: null },
    full: { hidden: [128, 64], epochs: 30, batchSize: 32, trainRows: Infinity, batchNorm: false, earlyStopping: null },
  });
}

export const optimizersExperiment: Experiment = {
  name: "optimizers",
  title: "1. Optimizers on the same network",
  summary: "SGD, momentum, Nesterov, AdaGrad, RMSProp, AdaDelta, Adam, Adamax, AMSGrad, AdamW: loss and accuracy curves, time, test accuracy",
  usesImageData: true,
  run(context) {
    const fashion = context.data.kind === "idx";
    const s = setting(context.size, fashion);
    const epochs = context.epochs ?? s.epochs;
    const splits = context.splits();
    const train = head(splits.train, s.trainRows);
    // Ten optimizers on 60 000 images would take hours; on Fashion-MNIST the default is Adam alone.
    const names: readonly OptimizerName[] = context.optimizers ?? (fashion ? ["adam"] : optimizerNames);
    context.progress.start("optimizers", names.length * epochs);
    const runs = new Map<OptimizerName, ClassifierRun>();
    for (const name of names) {
      const spec = optimizerSpecs[name];
      runs.set(
        name,
        trainClassifier({
          train,
          validation: splits.validation,
          test: splits.test,
          hidden: s.hidden,
          batchNorm: s.batchNorm,
          seed: context.seed,
          optimizer: (params) => spec.create(params, spec.lr),
          epochs,
          batchSize: s.batchSize,
          progress: context.progress,
          label: spec.label,
          ...(s.earlyStopping === null ? {} : { earlyStopping: s.earlyStopping }),
        }),
      );
    }
    context.progress.done();

    const table: ResultTable = {
      title:
        s.earlyStopping === null
          ? `Test accuracy after ${epochs} epochs (same initial weights and batch order for every optimizer)`
          : `Test accuracy, up to ${epochs} epochs with early stopping on the validation loss (patience ${s.earlyStopping.patience}, best weights restored)`,
      columns: [
        { label: "optimizer", format: "text" },
        { label: "lr", format: "sci" },
        { label: "final train loss", format: "fixed4" },
        { label: "best validation accuracy", format: "percent" },
        { label: "test accuracy", format: "percent" },
        { label: "time", format: "seconds" },
        { label: "time per epoch", format: "seconds" },
      ],
      rows: names.map((name) => {
        const run = runs.get(name)!;
        const last = run.fit.history.at(-1);
        const bestValidation = Math.max(...run.fit.history.map((r) => r.validationAccuracy ?? 0));
        return [optimizerSpecs[name].label, optimizerSpecs[name].lr, last?.trainLoss ?? NaN, bestValidation, run.test.accuracy, run.fit.seconds, run.fit.seconds / Math.max(1, run.fit.history.length)];
      }),
    };
    const testAccuracy = (name: OptimizerName): number => runs.get(name)?.test.accuracy ?? NaN;
    const claims: Claim[] = [];
    if (runs.has("sgd") && runs.has("adam")) {
      claims.push({ text: `Adam beats plain SGD at the same epoch budget (${percent(testAccuracy("adam"))} vs ${percent(testAccuracy("sgd"))})`, holds: testAccuracy("adam") > testAccuracy("sgd") });
    }
    if (runs.has("sgd") && runs.has("momentum")) {
      claims.push({
        text: `Momentum beats plain SGD at the same learning rate (${percent(testAccuracy("momentum"))} vs ${percent(testAccuracy("sgd"))})`,
        holds: testAccuracy("momentum") > testAccuracy("sgd"),
      });
    }
    if (fashion && runs.has("adam") && context.size === "full") {
      claims.push({ text: `Adam with batch norm reaches at least 88.5 % on the Fashion-MNIST test set (${percent(testAccuracy("adam"))})`, holds: testAccuracy("adam") >= 0.885 });
    }
    const ranked = [...names].sort((a, b) => testAccuracy(b) - testAccuracy(a));
    const best = ranked[0];
    const headline =
      names.length === 1
        ? `${optimizerSpecs[best].label}: ${percent(testAccuracy(best))} test accuracy ${describeStop(runs.get(best)!)}, ${(runs.get(best)!.fit.seconds / runs.get(best)!.fit.history.length).toFixed(1)} s per epoch.`
        : `Best: ${optimizerSpecs[best].label} at ${percent(testAccuracy(best))} test accuracy after ${epochs} epochs; worst: ${optimizerSpecs[ranked.at(-1)!].label} at ${percent(testAccuracy(ranked.at(-1)!))}.`;
    const series = (field: "trainLoss" | "validationAccuracy") => names.map((name) => ({ name: optimizerSpecs[name].label, points: epochCurve(runs.get(name)!.fit, field) }));
    return {
      name: "optimizers",
      title: optimizersExperiment.title,
      description:
        "The same MLP (same initial weights, same minibatch order) trained by each optimizer with its usual learning rate for the same number of epochs. " +
        "Plain SGD at lr 0.01 crawls; momentum multiplies its effective step by 1/(1 − β) = 10; the adaptive methods scale each weight's step by its gradient history.",
      headline,
      claims,
      tables: [table],
      figures: [
        { kind: "line", id: "optimizers-train-loss", title: "Training loss per epoch", xLabel: "epoch", yLabel: "cross-entropy (log scale)", yScale: "log", series: series("trainLoss") },
        { kind: "line", id: "optimizers-validation-accuracy", title: "Validation accuracy per epoch", xLabel: "epoch", yLabel: "accuracy", series: series("validationAccuracy") },
      ],
      settings: {
        data: splits.train.name,
        network: [train.features, ...s.hidden, train.classes].join("-") + (s.batchNorm ? " with batch norm" : "") + ", ReLU",
        "training rows": train.size,
        epochs,
        "batch size": s.batchSize,
        seed: context.seed,
      },
    };
  },
};


function describeStop(run: ClassifierRun): string {
  const ran = run.fit.history.length;
  return run.fit.stoppedEarly ? `with the weights of epoch ${run.fit.bestEpoch} (early stopping after ${ran} epochs)` : `after ${ran} epochs`;
}
