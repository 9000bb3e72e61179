import type { KindAdapter } from "./kind-adapter";
import { runAutograd } from "./autograd";
import { runBatchnorm } from "./batchnorm";
import { runInit } from "./init";
import { runOptimizer } from "./optimizer";
import { runScheduler } from "./scheduler";
import { runSecondOrder } from "./second-order";

/** Every kind of SCHEMA.md and the adapter that runs its cases. */
export const adapters: ReadonlyMap<string, KindAdapter> = new Map([
  ["optimizer", runOptimizer],
  ["scheduler", runScheduler],
  ["init", runInit],
  ["batchnorm", runBatchnorm],
  ["autograd", runAutograd],
  ["second-order", runSecondOrder],
]);
