import type { OptimizerId } from "./optimizers/optimizer-kinds";
import type { ScheduleId } from "./schedules/schedule-kinds";
import type { PlaygroundState } from "./state/playground-state";

/*
 * What the page exposes as `window.__playground`: its state and what it has drawn. The
 * end-to-end test reads it, and it is handy in a browser console.
 */

/** Where one optimizer is in the animation (Tab 1). */
export interface PathSnapshot {
  id: OptimizerId;
  label: string;
  /** Steps drawn so far. */
  step: number;
  x: number;
  y: number;
  loss: number;
  /** Why the path stopped early, or null. */
  stopped: string | null;
}

export interface PathsDebug {
  /** True while the animation is drawing. */
  running: boolean;
  paths: PathSnapshot[];
}

export interface SchedulesDebug {
  /** The curve each card draws (value at steps 0 … horizon − 1), or the error its settings gave. */
  curves: Partial<Record<ScheduleId, number[] | string>>;
}

/** One optimizer's curves so far (Tab 3). */
export interface TrainingHistory {
  /** Per minibatch: the step, the loss, and its exponential moving average (what the chart draws). */
  steps: number[];
  losses: number[];
  smoothed: number[];
  /** Per epoch. */
  validationLoss: number[];
  validationAccuracy: number[];
  /** Why this optimizer did not train (a rejected hyperparameter), or null. */
  skipped: string | null;
}

export interface TrainingDebug {
  status: "idle" | "loading" | "training" | "done" | "stopped" | "error";
  message: string;
  history: Partial<Record<OptimizerId, TrainingHistory>>;
}

export interface PlaygroundDebug extends PathsDebug {
  state: PlaygroundState;
  schedules: SchedulesDebug;
  training: TrainingDebug;
}

declare global {
  interface Window {
    __playground?: PlaygroundDebug;
  }
}
