import type { OptimizerId } from "../optimizers/optimizer-kinds";

/** What the page asks the worker to train: one MLP per optimizer, all from the same initial weights. */
export interface TrainingConfig {
  readonly optimizers: readonly { id: OptimizerId; lr: number }[];
  readonly hidden: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  /** Where the page's build put the digits file (same origin). */
  readonly dataUrl: string;
}

export type ToWorker = { readonly type: "start"; readonly config: TrainingConfig };

export type FromWorker =
  | { readonly type: "loaded"; readonly train: number; readonly validation: number; readonly parameters: number }
  | { readonly type: "batch"; readonly id: OptimizerId; readonly step: number; readonly loss: number }
  | { readonly type: "epoch"; readonly id: OptimizerId; readonly epoch: number; readonly validationLoss: number; readonly validationAccuracy: number }
  | { readonly type: "skipped"; readonly id: OptimizerId; readonly reason: string }
  | { readonly type: "done"; readonly seconds: number }
  | { readonly type: "error"; readonly message: string };
