import { SGD } from "@descent/optim";
import { Generator } from "@descent/tensor";
import { concatDatasets, head } from "../data/dataset";
import type { Dataset } from "../data/dataset";
import type { Claim, ResultTable } from "../report/result";
import { crossValidate } from "../training/cross-validation";
import type { CrossValidationResult } from "../training/cross-validation";
import { gridSearchConfigs, randomSearchConfigs, runSearch } from "../training/search";
import type { Config, SearchTrial } from "../training/search";
import { percent } from "./curves";
import type { Experiment } from "./experiment";
import { bySize } from "./experiment";
import { trainClassifier } from "./train-classifier";
import type { ExperimentContext } from "./experiment";

interface Setting {
  hidden: number[];
  epochs: number;
  folds: number;
  gridSide: number;
  devRows: number;
}

/** The ranges searched: SGD-with-momentum learning rate and L2 weight decay, both on a log scale. */
const LR_RANGE: [number, number] = [1e-3, 0.3];
const DECAY_RANGE: [number, number] = [1e-5, 1e-1];

function logGrid([low, high]: [number, number], count: number): number[] {
  return Array.from({ length: count }, (_, k) => Number((low * (high / low) ** (count === 1 ? 0.5 : k / (count - 1))).toPrecision(3)));
}

function train(config: Config, trainRows: Dataset, test: Dataset, s: Setting, context: ExperimentContext, label: string) {
  return trainClassifier({
    train: trainRows,
    test,
    hidden: s.hidden,
    seed: context.seed,
    optimizer: (params) => new SGD(params, { lr: config.lr, momentum: 0.9, weightDecay: config.weightDecay }),
    epochs: s.epochs,
    batchSize: 32,
    progress: context.progress,
    label,
  });
}

export const tuningExperiment: Experiment = {
  name: "tuning",
  title: "8. Hyperparameter search with cross-validation",
  summary: "grid vs random search over learning rate and weight decay, scored by k-fold cross-validation; the chosen settings evaluated once on the untouched test set",
  usesImageData: true,
  run(context) {
    const s: Setting = bySize(context.size, {
      tiny: { hidden: [16], epochs: 2, folds: 2, gridSide: 2, devRows: 600 },
      tour: { hidden: [64], epochs: 5, folds: 3, gridSide: 3, devRows: Infinity },
      full: { hidden: [64], epochs: 10, folds: 5, gridSide: 4, devRows: Infinity },
    });
    if (context.epochs !== null) s.epochs = context.epochs;
    const splits = context.splits();
    // Development rows: train and validation together; the folds split them. The test rows stay untouched until the end.
    const development = head(concatDatasets(splits.train, splits.validation), s.devRows);
    const count = s.gridSide * s.gridSide;
    const grid = gridSearchConfigs({ lr: logGrid(LR_RANGE, s.gridSide), weightDecay: logGrid(DECAY_RANGE, s.gridSide) });
    const random = randomSearchConfigs(
      { lr: { kind: "logUniform", low: LR_RANGE[0], high: LR_RANGE[1] }, weightDecay: { kind: "logUniform", low: DECAY_RANGE[0], high: DECAY_RANGE[1] } },
      count,
      new Generator(context.seed + 17),
    );
    context.progress.start("tuning", (2 * count * s.folds + 2) * s.epochs);

    const score = (name: string) => (config: Config) => {
      // The same folds for every configuration, so the comparison is paired.
      const result = crossValidate(development, s.folds, new Generator(context.seed + 5), (trainRows, heldOut) => {
        const run = train(config, trainRows, heldOut, s, context, name);
        return run.test.accuracy;
      });
      return { score: result.mean, detail: result };
    };
    const searches = [
      { name: "grid", trials: runSearch(grid, score("grid")) },
      { name: "random", trials: runSearch(random, score("random")) },
    ];
    const chosen = searches.map(({ name, trials }) => {
      const best = trials[0];
      const final = train(best.config, development, splits.test, s, context, `${name} final`);
      return { name, best, testAccuracy: final.test.accuracy, distinctLrs: new Set(trials.map((t) => t.config.lr)).size };
    });
    context.progress.done();

    const summary: ResultTable = {
      title: `${count} configurations per search, ${s.folds}-fold cross-validation on ${development.size} development rows, then one retraining on all of them and one look at the ${splits.test.size} test rows`,
      columns: [
        { label: "search", format: "text" },
        { label: "chosen lr", format: "sci" },
        { label: "chosen weight decay", format: "sci" },
        { label: "CV accuracy", format: "percent" },
        { label: "CV std", format: "percent" },
        { label: "test accuracy", format: "percent" },
        { label: "distinct learning rates tried", format: "integer" },
      ],
      rows: chosen.map((c) => [c.name, c.best.config.lr, c.best.config.weightDecay, c.best.score, c.best.detail.std, c.testAccuracy, c.distinctLrs]),
    };
    const trialsTable: ResultTable = {
      title: "Every trial, best first within each search",
      columns: [
        { label: "search", format: "text" },
        { label: "lr", format: "sci" },
        { label: "weight decay", format: "sci" },
        { label: "CV accuracy", format: "percent" },
        { label: "fold accuracies", format: "text" },
      ],
      rows: searches.flatMap(({ name, trials }) =>
        trials.map((t: SearchTrial<CrossValidationResult>) => [name, t.config.lr, t.config.weightDecay, t.score, t.detail.scores.map((v) => (100 * v).toFixed(1)).join(" / ")]),
      ),
    };
    const all = searches.flatMap((x) => x.trials.map((t) => t.score));
    const spread = Math.max(...all) - Math.min(...all);
    const claims: Claim[] = [
      {
        text: `The hyperparameters matter: cross-validated accuracy ranges over ${(100 * spread).toFixed(1)} points across the trials`,
        holds: spread > 0.1,
      },
      {
        text: `With the same budget of ${count} trials, random search tries ${chosen[1].distinctLrs} distinct learning rates, the grid ${chosen[0].distinctLrs} (Bergstra & Bengio 2012)`,
        holds: chosen[1].distinctLrs > chosen[0].distinctLrs,
      },
      {
        text: `Cross-validation predicts the test accuracy of the chosen settings within 5 points (${chosen.map((c) => `${c.name}: CV ${percent(c.best.score)}, test ${percent(c.testAccuracy)}`).join("; ")})`,
        holds: chosen.every((c) => Math.abs(c.best.score - c.testAccuracy) < 0.05),
      },
    ];
    const winner = chosen[0].best.score >= chosen[1].best.score ? chosen[0] : chosen[1];
    return {
      name: "tuning",
      title: tuningExperiment.title,
      description:
        "Learning rate and weight decay of SGD with momentum, searched two ways with the same budget: a log-spaced grid and independent log-uniform random draws. " +
        "Each configuration is scored by k-fold cross-validation on the development rows (training plus validation); each search's best is retrained on all development rows and evaluated once on the test rows, which nothing else has seen.",
      headline: `Best cross-validated: ${winner.name} search (lr ${winner.best.config.lr.toPrecision(2)}, weight decay ${winner.best.config.weightDecay.toPrecision(2)}, CV ${percent(winner.best.score)}); test accuracy grid ${percent(chosen[0].testAccuracy)}, random ${percent(chosen[1].testAccuracy)}.`,
      claims,
      tables: [summary, trialsTable],
      figures: [
        {
          kind: "line",
          id: "tuning-lr",
          title: "Cross-validated accuracy of every trial against its learning rate",
          xLabel: "learning rate (log scale)",
          yLabel: "CV accuracy",
          xScale: "log",
          series: searches.map(({ name, trials }) => ({ name: `${name} search`, style: "markers" as const, points: trials.map((t) => [t.config.lr, t.score] as [number, number]) })),
        },
      ],
      settings: { data: development.name, network: [development.features, ...s.hidden, development.classes].join("-"), folds: s.folds, epochs: s.epochs, "trials per search": count, seed: context.seed },
    };
  },
};
