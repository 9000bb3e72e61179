import { SGD } from "@descent/optim";
import { head } from "../data/dataset";
import { batchCount } from "../data/minibatches";
import type { Claim, ResultTable } from "../report/result";
import { percent } from "./curves";
import type { Experiment } from "./experiment";
import { bySize } from "./experiment";
import { trainClassifier } from "./train-classifier";
import type { ClassifierRun } from "./train-classifier";

/** The reference batch size and its learning rate, from which the rule scales. */
const BASE_BATCH = 16;
const BASE_LR = 0.02;

export const batchSizeExperiment: Experiment = {
  name: "batch-size",
  title: "6. Batch size and the linear scaling rule",
  summary: "accuracy against batch size for a fixed number of epochs, with the learning rate fixed or scaled by the batch size (Goyal et al. 2017)",
  usesImageData: true,
  run(context) {
    const s = bySize(context.size, {
      tiny: { hidden: [32], epochs: 3, rows: Infinity, batches: [16, 128] },
      tour: { hidden: [64], epochs: 10, rows: Infinity, batches: [16, 32, 64, 128, 256, 512] },
      full: { hidden: [128, 64], epochs: 15, rows: Infinity, batches: [16, 32, 64, 128, 256, 512] },
    });
    const epochs = context.epochs ?? s.epochs;
    const splits = context.splits();
    const train = head(splits.train, s.rows);
    const larger = s.batches.filter((b) => b !== BASE_BATCH);
    context.progress.start("batch-size", (1 + 2 * larger.length) * epochs);
    const run = (batchSize: number, lr: number): ClassifierRun =>
      trainClassifier({
        train,
        validation: splits.validation,
        test: splits.test,
        hidden: s.hidden,
        seed: context.seed,
        optimizer: (params) => new SGD(params, { lr }),
        epochs,
        batchSize,
        progress: context.progress,
        label: `B ${batchSize} lr ${lr}`,
      });
    const base = run(BASE_BATCH, BASE_LR);
    const rows = s.batches.map((batchSize) => {
      const scaledLr = (BASE_LR * batchSize) / BASE_BATCH;
      const fixed = batchSize === BASE_BATCH ? base : run(batchSize, BASE_LR);
      const scaled = batchSize === BASE_BATCH ? base : run(batchSize, scaledLr);
      return { batchSize, scaledLr, fixed, scaled };
    });
    context.progress.done();

    const table: ResultTable = {
      title: `Plain SGD, ${epochs} epochs at every batch size (so a batch k times larger takes k times fewer steps)`,
      columns: [
        { label: "batch size", format: "integer" },
        { label: "steps", format: "integer" },
        { label: "test accuracy, lr fixed at 0.02", format: "percent" },
        { label: "scaled lr = 0.02·B/16", format: "sci" },
        { label: "test accuracy, lr scaled", format: "percent" },
        { label: "time, lr scaled", format: "seconds" },
      ],
      rows: rows.map((r) => [r.batchSize, epochs * batchCount(train.size, r.batchSize), r.fixed.test.accuracy, r.scaledLr, r.scaled.test.accuracy, r.scaled.fit.seconds]),
    };
    const largest = rows.at(-1)!;
    const claims: Claim[] = [
      {
        text: `With the learning rate fixed, batch ${largest.batchSize} loses accuracy against batch ${BASE_BATCH} for the same epochs (${percent(largest.fixed.test.accuracy)} vs ${percent(base.test.accuracy)})`,
        holds: largest.fixed.test.accuracy < base.test.accuracy - 0.05,
      },
      {
        text: `Scaling the learning rate with the batch size recovers it (batch ${largest.batchSize}: ${percent(largest.scaled.test.accuracy)}, within 5 points of batch ${BASE_BATCH})`,
        holds: largest.scaled.test.accuracy > base.test.accuracy - 0.05 && largest.scaled.test.accuracy > largest.fixed.test.accuracy,
      },
    ];
    return {
      name: "batch-size",
      title: batchSizeExperiment.title,
      description:
        "The same net trained for the same number of epochs at growing batch sizes. With a fixed learning rate a larger batch simply takes fewer steps of the same length; " +
        "the linear scaling rule (multiply the learning rate by k when the batch grows by k) keeps the distance travelled per epoch, as long as the larger rate stays stable.",
      headline: `Batch ${largest.batchSize}: ${percent(largest.fixed.test.accuracy)} with the lr fixed, ${percent(largest.scaled.test.accuracy)} with it scaled to ${largest.scaledLr}; batch ${BASE_BATCH}: ${percent(base.test.accuracy)}.`,
      claims,
      tables: [table],
      figures: [
        {
          kind: "line",
          id: "batch-size-accuracy",
          title: "Test accuracy against batch size (same epochs)",
          xLabel: "batch size (log scale)",
          yLabel: "test accuracy",
          xScale: "log",
          series: [
            { name: "lr fixed at 0.02", points: rows.map((r) => [r.batchSize, r.fixed.test.accuracy] as [number, number]) },
            { name: "lr scaled with batch size", points: rows.map((r) => [r.batchSize, r.scaled.test.accuracy] as [number, number]) },
          ],
        },
      ],
      settings: { data: train.name, network: [train.features, ...s.hidden, train.classes].join("-"), "training rows": train.size, epochs, "base batch": BASE_BATCH, "base lr": BASE_LR, seed: context.seed },
    };
  },
};
