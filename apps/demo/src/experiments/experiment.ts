import type { Progress } from "../cli/progress";
import type { Splits } from "../data/dataset";
import type { DataChoice } from "../data/source";
import type { OptimizerName } from "../model/optimizers";
import type { ExperimentResult } from "../report/result";

/**
 * How big a run is: "tiny" for the tests (seconds), "tour" for the default `pnpm demo` (all
 * experiments in about two minutes), "full" when one experiment is asked for by name.
 */
export type Size = "tiny" | "tour" | "full";
export const sizes: readonly Size[] = ["tiny", "tour", "full"];

export interface ExperimentContext {
  readonly size: Size;
  readonly seed: number;
  readonly data: DataChoice;
  /** The image data split and standardized (loaded once per run). */
  splits(): Splits;
  readonly progress: Progress;
  /** `--epochs`: overrides the size's epoch count where an experiment trains for epochs. */
  readonly epochs: number | null;
  /** `--optimizers`: the optimizers experiment's selection. */
  readonly optimizers: readonly OptimizerName[] | null;
}

export interface Experiment {
  readonly name: string;
  readonly title: string;
  /** One line for `--help`. */
  readonly summary: string;
  /** True when the experiment trains on the image data that `--data` selects. */
  readonly usesImageData: boolean;
  run(context: ExperimentContext): Omit<ExperimentResult, "seconds">;
}

/** Runs an experiment and times it. */
export function runExperiment(experiment: Experiment, context: ExperimentContext): ExperimentResult {
  const start = performance.now();
  const result = experiment.run(context);
  return { ...result, seconds: (performance.now() - start) / 1000 };
}

/** The size's value from a table of the three. */
export function bySize<T>(size: Size, values: Record<Size, T>): T {
  return values[size];
}
