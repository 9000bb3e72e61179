import { NON_NEGATIVE, NON_NEGATIVE_INTEGER, checkNumber, checkNumberList, isList } from "./check";
import { invalidArgument } from "./errors";
import { checkOptimizer, type OptimizerLike, type ParamGroupLike } from "./optimizer-like";

/** What every scheduler offers: ChainedScheduler composes anything of this shape. */
export interface Scheduler {
  readonly optimizer: OptimizerLike;
  step(): void;
  getLastLr(): number[];
  stateDict(): object;
  loadStateDict(state: never): void;
}

/** The progress every LRScheduler saves; each class adds its own hyperparameters by name. */
export interface LRSchedulerState {
  lastEpoch: number;
  stepCount: number;
  baseLrs: number[];
  lastLr: number[];
}

/** The option every LRScheduler takes: the epoch to resume after (-1, the default, starts fresh). */
export interface ResumeOptions {
  lastEpoch?: number;
}

/**
 * Checks a class's options and fills in torch's defaults, giving its settings. A saved state
 * carries the settings under the same names, so `loadStateDict` checks it with the same function.
 * (`source` is `never` here because each class reads its own options type.)
 */
export type ResolveSettings<S> = (fn: string, source: never, groupCount: number) => S;

/** A copy of settings whose per-group lists are copied too. */
function copySettings<S extends object>(settings: S): S {
  return Object.fromEntries(Object.entries(settings).map(([key, value]: [string, unknown]) => [key, isList(value) ? [...value] : value])) as S;
}

/**
 * PyTorch's `LRScheduler` over any `{ paramGroups }`, with its chainable `step()`: most
 * schedulers multiply the current lr (`getLr`), so several on one optimizer compose.
 *
 * Construction, as torch: each group's `initialLr` is set to its lr unless already there (so a
 * second scheduler scales the original lr), `baseLrs` are those, `lastEpoch` is -1, and one
 * step is taken, bringing `lastEpoch` to 0. Subclasses resolve their `settings` before `super()`,
 * set any other field after it, then call `initialStep()` (in JS a base constructor cannot see
 * subclass fields). `stateDict()` holds the progress and the settings, by name.
 */
export abstract class LRScheduler<S extends object = object> implements Scheduler {
  readonly optimizer: OptimizerLike;
  /** Each group's `initialLr` when the scheduler was built: what closed forms scale. */
  baseLrs: number[];
  /** Epoch of the last step: -1 before the construction step, then 0, 1, ... SequentialLR rewinds it. */
  lastEpoch: number;
  protected stepCount = 0;
  protected lastLr: number[] = [];

  protected constructor(
    /** Class name, for error messages. */
    protected readonly name: string,
    optimizer: OptimizerLike,
    lastEpoch: number | undefined,
    /** The hyperparameters, after defaults: what `stateDict()` saves beside the progress. */
    public settings: S,
    private readonly resolveSettings: ResolveSettings<S>,
  ) {
    const epoch = checkNumber(name, "lastEpoch", lastEpoch ?? -1, { integer: true, min: -1 });
    const groups = checkOptimizer(name, optimizer, epoch !== -1);
    if (epoch === -1) for (const group of groups) group.initialLr ??= group.lr;
    this.optimizer = optimizer;
    this.baseLrs = groups.map((group) => group.initialLr!);
    this.lastEpoch = epoch;
  }

  protected get groups(): ParamGroupLike[] {
    return this.optimizer.paramGroups;
  }

  /** The chainable rule: every group's next lr, read after `lastEpoch` has advanced. */
  protected abstract getLr(): number[];

  /** The closed form torch uses when `step(epoch)` is given an epoch; undefined when the class has none. */
  protected closedFormLr(): number[] | undefined {
    return undefined;
  }

  /** PyTorch's `_initial_step`: zero the step count and take the construction step. SequentialLR uses it to restart. */
  initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  /**
   * Advances one epoch with the chainable rule. Given `epoch` (as SequentialLR does with 0),
   * jumps there and uses the closed form when the class has one, as torch's deprecated
   * `step(epoch)`. A step that fails leaves the scheduler and the optimizer as they were.
   */
  step(epoch?: number): void {
    if (epoch !== undefined) checkNumber(`${this.name}.step`, "epoch", epoch, NON_NEGATIVE_INTEGER);
    const before = { lastEpoch: this.lastEpoch, stepCount: this.stepCount };
    this.stepCount += 1;
    this.lastEpoch = epoch ?? this.lastEpoch + 1;
    let values: number[];
    try {
      values = (epoch === undefined ? undefined : this.closedFormLr()) ?? this.getLr();
      values.forEach((lr, i) => checkNumber(`${this.name}.step`, `lr of group ${i}`, lr));
    } catch (error) {
      this.lastEpoch = before.lastEpoch;
      this.stepCount = before.stepCount;
      throw error;
    }
    this.setLrs(values);
  }

  protected setLrs(values: readonly number[]): void {
    this.groups.forEach((group, i) => (group.lr = values[i]));
    this.lastLr = this.groups.map((group) => group.lr);
  }

  /** Every group's lr as this scheduler last set it. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  stateDict(): LRSchedulerState & S {
    return {
      ...copySettings(this.settings),
      lastEpoch: this.lastEpoch,
      stepCount: this.stepCount,
      baseLrs: [...this.baseLrs],
      lastLr: [...this.lastLr],
    };
  }

  /** Restores progress and settings saved by `stateDict()`; everything is checked before anything changes. */
  loadStateDict(state: LRSchedulerState & S): void {
    const progress = this.checkState(state);
    const settings = this.resolveSettings(`${this.name}.loadStateDict`, state as never, this.groups.length);
    this.applyState(progress);
    this.settings = settings;
  }

  /** Validates the common fields of a saved state and returns a copy; subclasses call it before their own checks. */
  protected checkState(state: LRSchedulerState): LRSchedulerState {
    const fn = `${this.name}.loadStateDict`;
    if (typeof state !== "object" || (state as unknown) === null) throw invalidArgument(fn, "state", state, "an object from stateDict()");
    const groupCount = this.groups.length;
    const perGroup = (argument: "baseLrs" | "lastLr"): number[] => {
      const list = checkNumberList(fn, `state.${argument}`, state[argument], NON_NEGATIVE);
      if (list.length !== groupCount) throw invalidArgument(fn, `state.${argument}`, list, `${groupCount} values, one per parameter group`);
      return list;
    };
    return {
      lastEpoch: checkNumber(fn, "state.lastEpoch", state.lastEpoch, { integer: true, min: -1 }),
      stepCount: checkNumber(fn, "state.stepCount", state.stepCount, NON_NEGATIVE_INTEGER),
      baseLrs: perGroup("baseLrs"),
      lastLr: perGroup("lastLr"),
    };
  }

  protected applyState(state: LRSchedulerState): void {
    this.lastEpoch = state.lastEpoch;
    this.stepCount = state.stepCount;
    this.baseLrs = [...state.baseLrs];
    this.lastLr = [...state.lastLr];
  }
}

/** Loads each scheduler's saved state, restoring all of them if any one rejects its part. */
export function loadAll(fn: string, schedulers: readonly Scheduler[], states: unknown): void {
  if (!Array.isArray(states) || states.length !== schedulers.length) {
    throw invalidArgument(fn, "state.schedulers", states, `an array of ${schedulers.length} scheduler states`);
  }
  const before = schedulers.map((s) => s.stateDict());
  try {
    // Each scheduler validates its own part; `never` because their state types differ.
    schedulers.forEach((s, i) => { s.loadStateDict(states[i] as never); });
  } catch (error) {
    schedulers.forEach((s, i) => { s.loadStateDict(before[i] as never); });
    throw error;
  }
}
