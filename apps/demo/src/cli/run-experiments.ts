import { cpus } from "node:os";
import { relative } from "node:path";
import { BadInputError } from "../errors";
import { dataLabel, loadSplits, parseDataChoice } from "../data/source";
import { head } from "../data/dataset";
import type { Splits } from "../data/dataset";
import type { Experiment, ExperimentContext } from "../experiments/experiment";
import { runExperiment } from "../experiments/experiment";
import { experiments as allExperiments, findExperiment } from "../experiments/registry";
import type { Report } from "../report/report";
import { writeReport } from "../report/write-report";
import type { RunArgs } from "./args";
import { formatResult } from "./print-result";
import { createProgress, formatSeconds } from "./progress";

/**
 * Fashion-MNIST has 55 000 training images: at the tour's and the tests' sizes the experiments
 * train on the first 10 000 (validation 2 000, the full test set), so a tour stays in minutes.
 */
const REDUCED_IDX_ROWS = 10_000;

function capRows(splits: Splits, rows: number): Splits {
  return { train: head(splits.train, rows), validation: head(splits.validation, Math.ceil(rows / 5)), test: splits.test };
}

/** Runs the asked experiments (or the tour), prints each result, writes the report. Returns the exit code. */
export function runExperiments(args: RunArgs, command: string, baseDir: string, print: (text: string) => void = console.log): number {
  const chosen: Experiment[] = args.experiments.map((name) => {
    const e = findExperiment(name);
    if (e === undefined) throw new BadInputError(`unknown experiment "${name}"`, `choose from ${allExperiments.map((x) => x.name).join(", ")} (or none for the tour)`);
    return e;
  });
  const tour = chosen.length === 0;
  const list = tour ? [...allExperiments] : chosen;
  const data = parseDataChoice(args.data);
  const size = args.size ?? (tour ? "tour" : "full");
  const progress = createProgress();
  let splits: Splits | null = null;
  const load = (): Splits => capRows(loadSplits(data, args.seed), data.kind === "idx" && size !== "full" ? REDUCED_IDX_ROWS : Infinity);
  // Load the image data up front when it is needed, so a missing file fails before any training.
  const needsImages = list.some((e) => e.usesImageData);
  if (needsImages) splits = load();
  const context: ExperimentContext = {
    size,
    seed: args.seed,
    data,
    splits: () => (splits ??= load()),
    progress,
    epochs: args.epochs,
    optimizers: args.optimizers,
  };
  const start = performance.now();
  const cpu = cpus();
  const report: Report = {
    command,
    startedAt: new Date().toISOString(),
    data: dataLabel(data),
    seed: args.seed,
    size,
    machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? "unknown CPU" },
    seconds: 0,
    experiments: [],
  };
  print(`descent demo: ${tour ? "the tour of all experiments" : list.map((e) => e.name).join(", ")} on ${dataLabel(data)}, size ${size}, seed ${args.seed}`);
  for (const experiment of list) {
    const result = runExperiment(experiment, context);
    report.experiments.push(result);
    print(formatResult(result));
  }
  report.seconds = (performance.now() - start) / 1000;
  print("");
  if (args.out !== null) {
    const written = writeReport(report, args.out);
    const shown = (path: string): string => (relative(baseDir, path).startsWith("..") ? path : relative(baseDir, path));
    print(`Report: ${shown(written.html)} (numbers in ${shown(written.json)}, ${written.figures.length} figures in ${shown(args.out)}/figures)`);
  }
  print(`Done in ${formatSeconds(report.seconds)}.`);
  return 0;
}
