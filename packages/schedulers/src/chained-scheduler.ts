import { NON_NEGATIVE, checkNumberList, isList } from "./check";
import { invalidArgument } from "./errors";
import { loadAll, type Scheduler } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface ChainedSchedulerState {
  lastLr: number[];
  /** Each scheduler's own `stateDict()`, in order. */
  schedulers: object[];
}

/**
 * PyTorch's `ChainedScheduler`: one `step()` steps every scheduler in order. Because the
 * schedulers are chainable (each multiplies the current lr), their factors compose; each one's
 * construction step has already been applied when the chain is built.
 */
export class ChainedScheduler implements Scheduler {
  readonly optimizer: OptimizerLike;
  private readonly schedulers: Scheduler[];
  private lastLr: number[];

  constructor(schedulers: readonly Scheduler[]) {
    const fn = "ChainedScheduler";
    if (!isList(schedulers) || schedulers.length === 0) throw invalidArgument(fn, "schedulers", schedulers, "a non-empty array of schedulers");
    schedulers.forEach((s: Partial<Scheduler> | null, i) => {
      if (typeof s !== "object" || s === null || typeof s.step !== "function" || typeof s.optimizer !== "object") {
        throw invalidArgument(fn, `schedulers[${i}]`, s, "a scheduler");
      }
      if (s.optimizer !== schedulers[0].optimizer) throw invalidArgument(fn, `schedulers[${i}].optimizer`, "another optimizer", "the optimizer of schedulers[0]");
    });
    this.schedulers = [...schedulers];
    this.optimizer = schedulers[0].optimizer;
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  step(): void {
    for (const scheduler of this.schedulers) scheduler.step();
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  getLastLr(): number[] {
    return [...this.lastLr];
  }

  stateDict(): ChainedSchedulerState {
    return { lastLr: [...this.lastLr], schedulers: this.schedulers.map((s) => s.stateDict()) };
  }

  /** Restores a `stateDict()`; if any inner scheduler rejects its part, nothing changes. */
  loadStateDict(state: ChainedSchedulerState): void {
    const fn = "ChainedScheduler.loadStateDict";
    if (typeof state !== "object" || (state as unknown) === null) throw invalidArgument(fn, "state", state, "an object from stateDict()");
    const lastLr = checkNumberList(fn, "state.lastLr", state.lastLr, NON_NEGATIVE);
    loadAll(fn, this.schedulers, state.schedulers);
    this.lastLr = lastLr;
  }
}
