import { SGD } from "@descent/optim";
import {
  constantSchedule,
  cosineDecay,
  exponentialDecay,
  inverseTimeDecay,
  joinSchedules,
  linearToFloor,
  linearWarmup,
  oneCycleSchedule,
  stepDecay,
} from "@descent/schedulers";
import type { Schedule } from "@descent/schedulers";
import { head } from "../data/dataset";
import { batchCount } from "../data/minibatches";
import type { Claim, ResultTable } from "../report/result";
import { evaluate } from "../training/evaluate";
import { epochCurve, percent } from "./curves";
import type { Experiment } from "./experiment";
import { bySize } from "./experiment";
import { trainClassifier } from "./train-classifier";
import type { ClassifierRun } from "./train-classifier";


/** The compared schedules over `total` optimizer steps, each starting from (or peaking at) η₀ = `peakLr`. */
export function scheduleTable(total: number, peakLr: number): { name: string; formula: string; schedule: Schedule }[] {
  const warm = Math.max(1, Math.round(0.1 * total));
  return [
    { name: "constant", formula: "η₀", schedule: constantSchedule({ value: peakLr }) },
    { name: "step", formula: "η₀·0.1^⌊3t/T⌋", schedule: stepDecay({ initValue: peakLr, stepSize: Math.ceil(total / 3), gamma: 0.1 }) },
    { name: "exponential", formula: "η₀·γᵗ, γ = 0.01^(1/T)", schedule: exponentialDecay({ initValue: peakLr, gamma: 0.01 ** (1 / total) }) },
    { name: "1/t", formula: "η₀/(1 + kt), k = 9/T", schedule: inverseTimeDecay({ initValue: peakLr, decayRate: 9 / total }) },
    { name: "linear to 1 %", formula: "(1 − t/T)η₀ + (t/T)·0.01η₀", schedule: linearToFloor({ initValue: peakLr, floorValue: 0.01 * peakLr, decaySteps: total }) },
    { name: "cosine", formula: "η₀(1 + cos(πt/T))/2", schedule: cosineDecay({ initValue: peakLr, decaySteps: total }) },
    {
      name: "warm-up + cosine",
      formula: "linear 0 → η₀ over 10 %, then cosine",
      schedule: joinSchedules([linearWarmup({ initValue: 0, peakValue: peakLr, warmupSteps: warm }), cosineDecay({ initValue: peakLr, decaySteps: total - warm })], [warm]),
    },
    { name: "one-cycle", formula: "η₀/25 → η₀ (30 %) → η₀/2.5e5, cosine", schedule: oneCycleSchedule({ peakValue: peakLr, totalSteps: total }) },
  ];
}

export const schedulesExperiment: Experiment = {
  name: "schedules",
  title: "3. Learning-rate schedules",
  summary: "constant, step, exponential, 1/t, linear to 1 %, cosine, warm-up + cosine, one-cycle: lr curves and final accuracy",
  usesImageData: true,
  run(context) {
    const s = bySize(context.size, {
      tiny: { hidden: [32], epochs: 4, rows: Infinity, batchSize: 32, peakLr: 0.15 },
      tour: { hidden: [64], epochs: 10, rows: Infinity, batchSize: 32, peakLr: 0.15 },
      full: { hidden: [128, 64], epochs: 20, rows: Infinity, batchSize: 32, peakLr: 0.05 },
    });
    // η₀, near the edge of stability of SGD with momentum 0.9 on each net (0.2 diverges on the
    // one-layer nets, 0.15 kills the two-layer one over 20 epochs): large enough that a constant
    // rate keeps bouncing in the noise of the minibatch gradients, which decaying it should cure.
    const PEAK_LR = s.peakLr;
    const epochs = context.epochs ?? s.epochs;
    const splits = context.splits();
    const train = head(splits.train, s.rows);
    const total = epochs * batchCount(train.size, s.batchSize);
    const schedules = scheduleTable(total, PEAK_LR);
    context.progress.start("schedules", schedules.length * epochs);
    const runs: ClassifierRun[] = schedules.map(({ name, schedule }) =>
      trainClassifier({
        train,
        validation: splits.validation,
        test: splits.test,
        hidden: s.hidden,
        seed: context.seed,
        optimizer: (params) => new SGD(params, { lr: PEAK_LR, momentum: 0.9 }),
        epochs,
        batchSize: s.batchSize,
        lrSchedule: schedule,
        progress: context.progress,
        label: name,
      }),
    );
    context.progress.done();
    // The mean loss of an epoch's batches mixes in the weights of early in the epoch; a pass
    // over the training rows with the final weights measures where each schedule ended.
    const trainLoss = runs.map((run) => evaluate(run.model, train).loss);

    const table: ResultTable = {
      title: `SGD with momentum 0.9, η₀ = ${PEAK_LR}, ${epochs} epochs (${total} steps), same weights and batches for every schedule`,
      columns: [
        { label: "schedule", format: "text" },
        { label: "formula", format: "text" },
        { label: "final lr", format: "sci" },
        { label: "train loss (last epoch's batches)", format: "fixed4" },
        { label: "train loss (full pass after)", format: "fixed4" },
        { label: "final validation loss", format: "fixed4" },
        { label: "test accuracy", format: "percent" },
      ],
      rows: schedules.map(({ name, formula, schedule }, i) => {
        const last = runs[i].fit.history.at(-1)!;
        return [name, formula, schedule(total - 1), last.trainLoss, trainLoss[i], last.validationLoss, runs[i].test.accuracy];
      }),
    };
    const byName = (name: string): ClassifierRun => runs[schedules.findIndex((x) => x.name === name)];
    const finalValidation = (name: string): number => byName(name).fit.history.at(-1)!.validationLoss ?? NaN;
    const annealed = ["linear to 1 %", "cosine", "warm-up + cosine", "one-cycle"];
    const claims: Claim[] = [
      {
        text: `Schedules that anneal to (nearly) 0 end with a lower validation loss than the constant rate (${annealed.map((n) => `${n} ${finalValidation(n).toFixed(3)}`).join(", ")}; constant ${finalValidation("constant").toFixed(3)})`,
        holds: annealed.every((n) => finalValidation(n) < finalValidation("constant")),
      },
    ];
    const ranked = [...runs.keys()].sort((a, b) => runs[b].test.accuracy - runs[a].test.accuracy);
    const stride = Math.max(1, Math.floor(total / 200));
    return {
      name: "schedules",
      title: schedulesExperiment.title,
      description:
        "One network, one optimizer (SGD with momentum 0.9), one initial learning rate η₀ near the edge of stability; only the schedule η(t) changes. " +
        "The learning rate is set before every step from a pure schedule of @descent/schedulers. Decaying the rate lets the iterates settle instead of bouncing in the noise of the minibatch gradients.",
      headline: `Best test accuracy: ${schedules[ranked[0]].name} (${percent(runs[ranked[0]].test.accuracy)}); constant rate ${percent(byName("constant").test.accuracy)}; lowest: ${schedules[ranked.at(-1)!].name} (${percent(runs[ranked.at(-1)!].test.accuracy)}).`,
      claims,
      tables: [table],
      figures: [
        {
          kind: "line",
          id: "schedules-lr",
          title: "Learning rate per step",
          xLabel: "step",
          yLabel: "learning rate",
          series: schedules.map(({ name, schedule }) => ({
            name,
            points: Array.from({ length: Math.ceil(total / stride) + 1 }, (_, k) => Math.min(total - 1, k * stride)).map((t) => [t, schedule(t)] as [number, number]),
          })),
        },
        {
          kind: "line",
          id: "schedules-train-loss",
          title: "Training loss per epoch",
          xLabel: "epoch",
          yLabel: "cross-entropy (log scale)",
          yScale: "log",
          series: schedules.map(({ name }, i) => ({ name, points: epochCurve(runs[i].fit, "trainLoss") })),
        },
        {
          kind: "line",
          id: "schedules-validation-accuracy",
          title: "Validation accuracy per epoch",
          xLabel: "epoch",
          yLabel: "accuracy",
          series: schedules.map(({ name }, i) => ({ name, points: epochCurve(runs[i].fit, "validationAccuracy") })),
        },
      ],
      settings: { data: train.name, network: [train.features, ...s.hidden, train.classes].join("-"), "training rows": train.size, epochs, "batch size": s.batchSize, "η₀": PEAK_LR, seed: context.seed },
    };
  },
};
