import type { ExperimentResult } from "./result";

/** One run of the demo: where and how it ran, and every experiment's result. */
export interface Report {
  readonly command: string;
  readonly startedAt: string;
  readonly data: string;
  readonly seed: number;
  readonly size: string;
  readonly machine: { readonly node: string; readonly platform: string; readonly cpus: number; readonly cpuModel: string };
  seconds: number;
  readonly experiments: ExperimentResult[];
}
