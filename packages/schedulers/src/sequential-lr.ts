import { NON_NEGATIVE_INTEGER, checkNumber, checkNumberList, checkOptions, isList } from "./check";
import { invalidArgument } from "./errors";
import { LRScheduler, loadAll, type Scheduler } from "./lr-scheduler";
import { checkOptimizer, type OptimizerLike } from "./optimizer-like";

export interface SequentialLROptions {
  /** Schedulers built on the same optimizer, run one after another. */
  schedulers: readonly LRScheduler[];
  /** Epochs at which the next scheduler takes over; strictly increasing, one fewer than the schedulers. */
  milestones: readonly number[];
  /** Epoch to resume after (default -1). */
  lastEpoch?: number;
}

export interface SequentialLRState {
  lastEpoch: number;
  milestones: number[];
  lastLr: number[];
  /** Each scheduler's own `stateDict()`, in order. */
  schedulers: object[];
}

/**
 * PyTorch 1.13's `SequentialLR`. Construction resets every group's lr to its `initialLr`, rewinds
 * every scheduler by one epoch (undoing their construction steps) and redoes the first one's.
 * At epoch `milestones[i]` scheduler i+1 restarts with `step(0)`, i.e. from the initial lr through
 * its closed form when it has one, not from the current lr (torch's code; its docstring differs).
 */
export class SequentialLR implements Scheduler {
  readonly optimizer: OptimizerLike;
  lastEpoch: number;
  private readonly schedulers: LRScheduler[];
  private readonly milestones: number[];
  private lastLr: number[];

  constructor(optimizer: OptimizerLike, options: SequentialLROptions) {
    const fn = "SequentialLR";
    const o = checkOptions(fn, options);
    const groups = checkOptimizer(fn, optimizer, true);
    const schedulers = o.schedulers;
    if (!isList(schedulers) || schedulers.length === 0) throw invalidArgument(fn, "schedulers", schedulers, "a non-empty array of schedulers");
    schedulers.forEach((s: unknown, i) => {
      if (!(s instanceof LRScheduler)) throw invalidArgument(fn, `schedulers[${i}]`, s, "an LRScheduler (ReduceLROnPlateau, SequentialLR and ChainedScheduler cannot be restarted)");
      if (s.optimizer !== optimizer) throw invalidArgument(fn, `schedulers[${i}].optimizer`, "another optimizer", "the optimizer given to SequentialLR");
    });
    const milestones = checkNumberList(fn, "milestones", o.milestones, NON_NEGATIVE_INTEGER, "increasing");
    if (milestones.length !== schedulers.length - 1) {
      throw invalidArgument(fn, "milestones", milestones, `${schedulers.length - 1} milestones (one fewer than the ${schedulers.length} schedulers)`);
    }
    const lastEpoch = checkNumber(fn, "lastEpoch", o.lastEpoch ?? -1, { integer: true, min: -1 });
    this.optimizer = optimizer;
    this.schedulers = [...schedulers];
    this.milestones = milestones;
    this.lastEpoch = lastEpoch + 1;
    for (const group of groups) group.lr = group.initialLr!;
    for (const scheduler of this.schedulers) scheduler.lastEpoch -= 1;
    this.schedulers[0].initialStep();
    this.lastLr = this.schedulers[0].getLastLr();
  }

  step(): void {
    this.lastEpoch += 1;
    let index = 0;
    while (index < this.milestones.length && this.milestones[index] <= this.lastEpoch) index++;
    const scheduler = this.schedulers[index];
    if (index > 0 && this.milestones[index - 1] === this.lastEpoch) scheduler.step(0);
    else scheduler.step();
    this.lastLr = scheduler.getLastLr();
  }

  getLastLr(): number[] {
    return [...this.lastLr];
  }

  stateDict(): SequentialLRState {
    return {
      lastEpoch: this.lastEpoch,
      milestones: [...this.milestones],
      lastLr: [...this.lastLr],
      schedulers: this.schedulers.map((s) => s.stateDict()),
    };
  }

  /**
   * Restores a `stateDict()`. Each inner scheduler checks its own part; if one rejects it, the
   * ones already loaded are put back, so a failed load changes nothing.
   */
  loadStateDict(state: SequentialLRState): void {
    const fn = "SequentialLR.loadStateDict";
    if (typeof state !== "object" || (state as unknown) === null) throw invalidArgument(fn, "state", state, "an object from stateDict()");
    const lastEpoch = checkNumber(fn, "state.lastEpoch", state.lastEpoch, NON_NEGATIVE_INTEGER);
    const milestones = checkNumberList(fn, "state.milestones", state.milestones, NON_NEGATIVE_INTEGER, "increasing");
    if (milestones.length !== this.milestones.length) throw invalidArgument(fn, "state.milestones", milestones, `${this.milestones.length} milestones`);
    const lastLr = checkNumberList(fn, "state.lastLr", state.lastLr, { min: 0 });
    loadAll(fn, this.schedulers, state.schedulers);
    this.lastEpoch = lastEpoch;
    this.milestones.splice(0, this.milestones.length, ...milestones);
    this.lastLr = lastLr;
  }
}
