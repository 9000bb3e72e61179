import { noGrad } from "@descent/autograd";
import type { Parameter, Sequential } from "@descent/autograd";
import { BatchNorm1d } from "@descent/layers-batchnorm";
import { Adam, SGD } from "@descent/optim";
import { Generator } from "@descent/tensor";
import type { Dataset } from "../data/dataset";
import { head } from "../data/dataset";
import { minibatches } from "../data/minibatches";
import { countParameters } from "../model/mlp";
import type { Claim, ResultTable } from "../report/result";
import { epochCurve, percent } from "./curves";
import type { Experiment } from "./experiment";
import { bySize } from "./experiment";
import { trainClassifier } from "./train-classifier";
import type { ClassifierRun } from "./train-classifier";

function batchNormLayers(model: Sequential): BatchNorm1d[] {
  return model.modules().filter((m): m is BatchNorm1d => m instanceof BatchNorm1d);
}

/** Freezes every parameter but batch norm's γ and β, and returns those. */
function onlyGammaBeta(model: Sequential): Parameter[] {
  const keep = new Set(batchNormLayers(model).flatMap((bn) => [bn.weight!, bn.bias!]));
  for (const p of model.parameters()) if (!keep.has(p)) p.setRequiresGrad(false);
  return [...keep];
}

/**
 * Estimates the running statistics with one pass over the training rows in training mode
 * (no weight changes), then freezes them: batch norm becomes a fixed per-unit affine map
 * that only γ and β change.
 */
function frozenStatisticsGammaBeta(train: Dataset, seed: number): (model: Sequential) => Parameter[] {
  return (model) => {
    const layers = batchNormLayers(model);
    for (const bn of layers) bn.resetRunningStats();
    model.train();
    noGrad(() => {
      for (const batch of minibatches(train, 64, new Generator(seed + 7), true)) model.forward(batch.inputs);
    });
    for (const bn of layers) bn.freezeStatistics();
    return onlyGammaBeta(model);
  };
}

/** Only the last Linear learns: a linear classifier on the random features of the frozen layers. */
function onlyOutputLayer(model: Sequential): Parameter[] {
  const last = model.at(-1).parameters();
  const keep = new Set(last);
  for (const p of model.parameters()) if (!keep.has(p)) p.setRequiresGrad(false);
  return last;
}

export const batchNormExperiment: Experiment = {
  name: "batchnorm",
  title: "5. Batch normalization",
  summary: "with and without batch norm across learning rates; training only γ and β (other weights frozen, statistics frozen or not)",
  usesImageData: true,
  run(context) {
    const s = bySize(context.size, {
      tiny: { hidden: [32, 32, 32], epochs: 2, rows: Infinity, lrs: [0.1, 3], gammaBetaEpochs: 3 },
      tour: { hidden: [128, 128, 128], epochs: 5, rows: Infinity, lrs: [0.01, 0.03, 0.1, 0.3, 1, 3], gammaBetaEpochs: 8 },
      full: { hidden: [128, 128, 128], epochs: 10, rows: Infinity, lrs: [0.01, 0.03, 0.1, 0.3, 1, 1.5, 3], gammaBetaEpochs: 15 },
    });
    const epochs = context.epochs ?? s.epochs;
    const splits = context.splits();
    const train = head(splits.train, s.rows);
    const batchSize = 32;
    const variants = [
      { name: "all weights (batch norm)", trainable: undefined },
      { name: "only γ and β", trainable: onlyGammaBeta },
      { name: "only γ and β, statistics frozen", trainable: frozenStatisticsGammaBeta(train, context.seed) },
      { name: "only the output layer", trainable: onlyOutputLayer },
    ];
    context.progress.start("batchnorm", 2 * s.lrs.length * epochs + variants.length * s.gammaBetaEpochs);

    // Part 1: the same plain SGD at growing learning rates, with and without batch norm.
    const sweep = s.lrs.map((lr) => {
      const run = (batchNorm: boolean): ClassifierRun =>
        trainClassifier({
          train,
          validation: splits.validation,
          test: splits.test,
          hidden: s.hidden,
          batchNorm,
          seed: context.seed,
          optimizer: (params) => new SGD(params, { lr }),
          epochs,
          batchSize,
          progress: context.progress,
          label: `lr ${lr}${batchNorm ? " BN" : ""}`,
        });
      return { lr, plain: run(false), normalized: run(true) };
    });

    // Part 2: which parameters learn, all with Adam at the same rate.
    const parts = variants.map((v) => {
      let trainable = 0;
      const run = trainClassifier({
        train,
        validation: splits.validation,
        test: splits.test,
        hidden: s.hidden,
        batchNorm: true,
        seed: context.seed,
        optimizer: (params) => {
          trainable = params.reduce((n, p) => n + p.data.size, 0);
          return new Adam(params, { lr: 0.01 });
        },
        epochs: s.gammaBetaEpochs,
        batchSize,
        progress: context.progress,
        label: v.name,
        ...(v.trainable === undefined ? {} : { trainable: v.trainable }),
      });
      return { name: v.name, trainable, total: countParameters(run.model), run };
    });
    context.progress.done();

    const outcome = (run: ClassifierRun): string => (run.fit.diverged ? "diverged" : percent(run.test.accuracy));
    const sweepTable: ResultTable = {
      title: `Test accuracy, plain SGD for ${epochs} epochs, ${[train.features, ...s.hidden, train.classes].join("-")} ReLU net`,
      columns: [
        { label: "learning rate", format: "sci" },
        { label: "test accuracy without", format: "percent" },
        { label: "test accuracy with", format: "percent" },
        { label: "final train loss without", format: "fixed4" },
        { label: "final train loss with", format: "fixed4" },
        { label: "diverged without", format: "text" },
        { label: "diverged with", format: "text" },
      ],
      rows: sweep.map(({ lr, plain, normalized }) => [
        lr,
        plain.test.accuracy,
        normalized.test.accuracy,
        plain.fit.history.at(-1)?.trainLoss ?? NaN,
        normalized.fit.history.at(-1)?.trainLoss ?? NaN,
        plain.fit.diverged,
        normalized.fit.diverged,
      ]),
    };
    const partsTable: ResultTable = {
      title: `What learns: Adam (lr 0.01) for ${s.gammaBetaEpochs} epochs on the batch-norm net, the other weights frozen at their random initial values`,
      columns: [
        { label: "trained", format: "text" },
        { label: "trainable parameters", format: "integer" },
        { label: "share of all", format: "percent" },
        { label: "test accuracy", format: "percent" },
      ],
      rows: parts.map((p) => [p.name, p.trainable, p.trainable / p.total, p.run.test.accuracy]),
    };

    const failure = (run: ClassifierRun): string => (run.fit.diverged ? "diverges" : `stays near chance (${percent(run.test.accuracy)})`);
    const rescued = sweep.filter(({ plain, normalized }) => (plain.fit.diverged || plain.test.accuracy < 0.2) && !normalized.fit.diverged && normalized.test.accuracy > 0.5);
    const gammaBeta = parts[1];
    const claims: Claim[] = [
      {
        text:
          rescued.length > 0
            ? `Batch norm trains where the plain net fails: ${rescued.map((r) => `at lr ${r.lr} the plain net ${failure(r.plain)}, the batch-norm net reaches ${outcome(r.normalized)}`).join("; ")}`
            : "Batch norm trains at a learning rate where the plain net diverges",
        holds: rescued.length > 0,
      },
      {
        text: `Training only γ and β (${gammaBeta.trainable} parameters, ${percent(gammaBeta.trainable / gammaBeta.total)} of the net) reaches ${percent(gammaBeta.run.test.accuracy)}, far above the 10 % of chance`,
        // Three times chance: far from chance, though well below training every weight.
        holds: gammaBeta.run.test.accuracy > 0.3,
      },
    ];
    return {
      name: "batchnorm",
      title: batchNormExperiment.title,
      description:
        "Part 1: the same ReLU net with and without BatchNorm1d after every hidden Linear, trained by plain SGD at growing learning rates. " +
        "Part 2 (Frankle, Schwab & Morcos 2021): all weights frozen at their random initial values except batch norm's γ and β; with the batch statistics, " +
        "or with the running statistics estimated once and frozen (freezeStatistics); beside a linear classifier trained on the same random features.",
      headline: `${rescued.length > 0 ? `At lr ${rescued.at(-1)!.lr} the plain net ${failure(rescued.at(-1)!.plain)}, the batch-norm net reaches ${outcome(rescued.at(-1)!.normalized)}` : "No learning rate separated the two nets"}; γ and β alone reach ${percent(gammaBeta.run.test.accuracy)}.`,
      claims,
      tables: [sweepTable, partsTable],
      figures: [
        {
          kind: "line",
          id: "batchnorm-lr-sweep",
          title: "Test accuracy against learning rate",
          xLabel: "learning rate (log scale)",
          yLabel: "test accuracy (0 = diverged)",
          xScale: "log",
          series: [
            { name: "without batch norm", points: sweep.map(({ lr, plain }) => [lr, plain.fit.diverged ? 0 : plain.test.accuracy] as [number, number]) },
            { name: "with batch norm", points: sweep.map(({ lr, normalized }) => [lr, normalized.fit.diverged ? 0 : normalized.test.accuracy] as [number, number]) },
          ],
        },
        {
          kind: "line",
          id: "batchnorm-gamma-beta",
          title: "Validation accuracy: what is trained",
          xLabel: "epoch",
          yLabel: "accuracy",
          series: parts.map((p) => ({ name: p.name, points: epochCurve(p.run.fit, "validationAccuracy") })),
        },
      ],
      settings: { data: train.name, network: [train.features, ...s.hidden, train.classes].join("-"), "training rows": train.size, epochs, "batch size": batchSize, seed: context.seed },
    };
  },
};
