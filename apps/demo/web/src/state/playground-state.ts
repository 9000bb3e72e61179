import type { Hyperparameters, OptimizerId } from "../optimizers/optimizer-kinds";
import { optimizerKind } from "../optimizers/optimizer-kinds";
import type { ScheduleId, ScheduleValues } from "../schedules/schedule-kinds";
import type { FunctionId } from "../surfaces/test-functions";
import { testFunction } from "../surfaces/test-functions";

export type TabId = "paths" | "schedules" | "training";
export const TAB_IDS: readonly TabId[] = ["paths", "schedules", "training"];

export interface OptimizerChoice {
  id: OptimizerId;
  hyper: Record<string, number>;
}

/** Tab 1: optimizer paths on a 2-D function. */
export interface PathsState {
  fn: FunctionId;
  /** Condition number of the quadratic. */
  kappa: number;
  /** σ of the simulated minibatch noise on each gradient component. */
  noise: number;
  seed: number;
  start: [number, number];
  steps: number;
  /** Steps drawn per animation frame. */
  speed: number;
  optimizers: OptimizerChoice[];
  schedule: { id: ScheduleId; values: ScheduleValues };
}

/** Tab 2: the schedule gallery; `values` holds only the schedules whose settings were changed. */
export interface SchedulesState {
  horizon: number;
  values: Partial<Record<ScheduleId, ScheduleValues>>;
}

/** Tab 3: the digits MLP trained in a worker, one run per optimizer. */
export interface TrainingState {
  optimizers: { id: OptimizerId; lr: number }[];
  hidden: number;
  epochs: number;
  batchSize: number;
  seed: number;
}

export interface PlaygroundState {
  tab: TabId;
  paths: PathsState;
  schedules: SchedulesState;
  training: TrainingState;
}

export function optimizerChoice(id: OptimizerId, overrides: Hyperparameters = {}): OptimizerChoice {
  return { id, hyper: { ...optimizerKind(id).defaults, ...overrides } };
}

export function defaultState(): PlaygroundState {
  return {
    tab: "paths",
    paths: {
      fn: "rosenbrock",
      kappa: 10,
      noise: 0,
      seed: 0,
      start: [...testFunction("rosenbrock", 10).start],
      steps: 2000,
      speed: 20,
      optimizers: [optimizerChoice("sgd"), optimizerChoice("momentum"), optimizerChoice("rmsprop"), optimizerChoice("adam")],
      schedule: { id: "constant", values: { value: 1 } },
    },
    schedules: { horizon: 100, values: {} },
    training: {
      optimizers: [
        { id: "sgd", lr: optimizerKind("sgd").networkLr },
        { id: "momentum", lr: optimizerKind("momentum").networkLr },
        { id: "adam", lr: optimizerKind("adam").networkLr },
      ],
      hidden: 64,
      epochs: 10,
      batchSize: 32,
      seed: 0,
    },
  };
}
