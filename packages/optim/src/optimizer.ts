import { InvalidArgumentError, ShapeError, invalidArgument } from "@descent/tensor";
import { OptionCheck } from "./option-check";
import { paramData, paramGrad, resolveStorage } from "./param";
import type { FloatArray, ParamLike } from "./param";
import { readGroup, readParamsInput } from "./param-groups";
import type { ParamGroupInput, ParamsInput, ResolvedGroup } from "./param-groups";
import { STATE_DICT_FORMAT, cloneOptions, isGroupValue, readEnvelope } from "./state-dict";
import type { OptimizerStateDict } from "./state-dict";
import { decodeState, encodeState } from "./state-fields";
import type { StateFields } from "./state-fields";

/** A parameter group: its parameters and its full options, as `optimizer.paramGroups[i]` (schedulers change `lr` here). */
export type ParamGroup<O> = O & { params: ParamLike[] };

/** Returned by the hook registrations: `remove()` unregisters the hook. */
export interface RemovableHandle {
  remove(): void;
}

export interface StateDictOptions {
  /** `"index"` (PyTorch's packing, the default) or `"name"`: keyed by the names given with the parameters. */
  keyBy?: "index" | "name";
}

/**
 * The base of every optimizer (PyTorch's `torch.optim.Optimizer`): parameter groups with
 * per-group options, lazily created per-parameter state, `step`, `zeroGrad`, state dicts and
 * step hooks. A subclass validates its options, creates a parameter's state and applies its
 * pure update rule to one parameter.
 */
export abstract class Optimizer<O extends { lr: number }, S extends object> {
  /** The groups, each with its parameters and full options (defaults filled in, as PyTorch fills them). */
  readonly paramGroups: ParamGroup<O>[] = [];
  /** Per-parameter state, created at a parameter's first step. */
  readonly state = new Map<ParamLike, S>();
  /** The options every group starts from (the constructor's options over the class defaults). */
  readonly defaults: Readonly<O>;
  private readonly names = new Map<ParamLike, string>();
  // Hooks are stored bound to this optimizer, so that the class stays assignable to its base types.
  private readonly preHooks = new Map<number, () => void>();
  private readonly postHooks = new Map<number, () => void>();
  private nextHookId = 0;

  /**
   * @param name the class name used in messages and state dicts (`"Adam"`)
   * @param defaults every option with its default
   */
  protected constructor(
    readonly name: string,
    params: ParamsInput<O>,
    defaults: O,
    options: Partial<O>,
  ) {
    const check = new OptionCheck(name);
    if (typeof options !== "object" || (options as unknown) === null) throw invalidArgument(name, "options", options, "an object of options");
    check.knownKeys(options, Object.keys(defaults));
    const merged = { ...defaults, ...options };
    this.validateOptions(merged, check);
    this.defaults = merged;
    const groups = readParamsInput(name, params);
    this.addGroups(name, groups);
  }

  /** Throws (through `check`) when an option is out of range; called for every group, at construction, `addParamGroup`, `step` and `loadStateDict`. */
  protected abstract validateOptions(options: O, check: OptionCheck): void;

  /** The state of a parameter before its first step. */
  protected abstract initState(data: FloatArray, group: ParamGroup<O>): S;

  /** The kind of each state field under `group`'s options (checked by `loadStateDict`). */
  protected abstract stateFields(group: ParamGroup<O>): StateFields<S>;

  /** Applies one step of the rule to one parameter (called only for parameters with a gradient). */
  protected abstract update(data: FloatArray, grad: FloatArray, state: S, group: ParamGroup<O>): void;

  /** Length and dtype of state buffers for a parameter (its own, except for LBFGS's flat state). */
  protected stateLayout(data: FloatArray): { length: number; like: FloatArray } {
    return { length: data.length, like: data };
  }

  /**
   * Checks relations between the fields of one loaded state of `param` in `group` (LBFGS's history
   * lengths), throwing naming `fn` and `what`; most optimizers have none and leave it out.
   */
  protected checkLoadedState?(state: S, group: ParamGroup<O>, param: ParamLike, fn: string, what: string): void;

  /** Adds a group (PyTorch's `add_param_group`): options default to `defaults`; a parameter already in a group is rejected. */
  addParamGroup(group: ParamGroupInput<O>): void {
    const fn = `${this.name}.addParamGroup`;
    this.addGroups(fn, [readGroup(fn, "group", group)]);
  }

  private addGroups(fn: string, groups: ResolvedGroup[]): void {
    const seen = new Map<ParamLike, string>();
    this.paramGroups.forEach((g, i) => {
      for (const p of g.params) seen.set(p, `group ${i}`);
    });
    const usedNames = new Set(this.names.values());
    const built: ParamGroup<O>[] = [];
    groups.forEach((group, i) => {
      const where = `group ${this.paramGroups.length + i}`;
      const check = new OptionCheck(fn, group.label === "" ? "" : `${group.label}.`);
      check.knownKeys(group.options, Object.keys(this.defaults));
      const options = { ...this.defaults, ...group.options } as O;
      this.validateOptions(options, check);
      group.params.forEach((param, j) => {
        paramData(fn, param);
        const previous = seen.get(param);
        if (previous !== undefined) {
          throw new InvalidArgumentError(`${fn}: parameter ${j} of ${where} is already in ${previous}, expected each parameter in one group only`);
        }
        seen.set(param, where);
        const name = group.names[j];
        if (name !== undefined) {
          if (usedNames.has(name)) throw invalidArgument(fn, "parameter name", name, "names that are unique across all groups");
          usedNames.add(name);
        }
      });
      built.push({ ...cloneOptions(options), params: group.params });
    });
    for (const [k, group] of groups.entries()) {
      group.params.forEach((param, j) => {
        const name = group.names[j];
        if (name !== undefined) this.names.set(param, name);
      });
      this.paramGroups.push(built[k]);
    }
  }

  /**
   * Performs one optimization step. With a `closure` (which recomputes the loss and the
   * gradients) returns its loss. Parameters without a gradient are skipped.
   * Nothing changes when a group's options or a gradient is invalid.
   */
  step(closure?: () => number): number | undefined {
    if (closure !== undefined && typeof closure !== "function") throw invalidArgument(`${this.name}.step`, "closure", closure, "a function or undefined");
    for (const hook of [...this.preHooks.values()]) hook();
    const loss = this.runStep(closure);
    for (const hook of [...this.postHooks.values()]) hook();
    return loss;
  }

  /** The step itself, between the hooks: evaluate the closure, check everything, then update every parameter. */
  protected runStep(closure: (() => number) | undefined): number | undefined {
    const loss = closure?.();
    const fn = `${this.name}.step`;
    this.validateGroups(fn);
    const work: { param: ParamLike; data: FloatArray; grad: FloatArray; group: ParamGroup<O> }[] = [];
    for (const group of this.paramGroups) {
      for (const param of group.params) {
        const grad = paramGrad(fn, param);
        if (grad === null) continue;
        const data = paramData(fn, param);
        if (grad.length !== data.length) throw new ShapeError(`${fn}: a parameter of ${data.length} elements has a gradient of ${grad.length}`);
        work.push({ param, data, grad, group });
      }
    }
    for (const { param, data, grad, group } of work) {
      let state = this.state.get(param);
      if (state === undefined) {
        state = this.initState(data, group);
        this.state.set(param, state);
      }
      this.update(data, grad, state, group);
    }
    return loss;
  }

  /** Re-checks every group's options (a scheduler or the user may have changed them since). */
  protected validateGroups(fn: string): void {
    this.paramGroups.forEach((group, i) => {
      this.validateOptions(group, new OptionCheck(fn, `paramGroups[${i}].`));
    });
  }

  /** Clears the gradients: sets them to null (the default, as PyTorch ≥ 2.0) or fills them with zeros. */
  zeroGrad({ setToNone = true }: { setToNone?: boolean } = {}): void {
    const fn = `${this.name}.zeroGrad`;
    if (typeof setToNone !== "boolean") throw invalidArgument(fn, "setToNone", setToNone, "true or false");
    const params = this.paramGroups.flatMap((g) => g.params);
    if (setToNone) {
      for (const p of params) p.grad = null;
      return;
    }
    const grads = params.flatMap((p) => (p.grad === null ? [] : [resolveStorage(fn, "param.grad", p.grad)]));
    for (const g of grads) g.fill(0);
  }

  /** Registers `hook(optimizer)` to run before each `step`. */
  registerStepPreHook(hook: (optimizer: this) => void): RemovableHandle {
    return this.register(this.preHooks, hook, "registerStepPreHook");
  }

  /** Registers `hook(optimizer)` to run after each `step`. */
  registerStepPostHook(hook: (optimizer: this) => void): RemovableHandle {
    return this.register(this.postHooks, hook, "registerStepPostHook");
  }

  private register(hooks: Map<number, () => void>, hook: (optimizer: this) => void, method: string): RemovableHandle {
    if (typeof hook !== "function") throw invalidArgument(`${this.name}.${method}`, "hook", hook, "a function");
    const id = this.nextHookId++;
    hooks.set(id, () => {
      hook(this);
    });
    return { remove: () => hooks.delete(id) };
  }

  /**
   * The optimizer's state as JSON-ready data, in PyTorch's layout: `state` keyed by the
   * parameter's index over all groups in order (or by name with `keyBy: "name"`, which needs
   * every parameter named), and `paramGroups` with options and parameter keys.
   */
  stateDict({ keyBy = "index" }: StateDictOptions = {}): OptimizerStateDict {
    const fn = `${this.name}.stateDict`;
    if ((keyBy as unknown) !== "index" && keyBy !== "name") throw invalidArgument(fn, "keyBy", keyBy, '"index" or "name"');
    const keys = new Map<ParamLike, number | string>();
    for (const param of this.paramGroups.flatMap((g) => g.params)) {
      const name = this.names.get(param);
      if (keyBy === "name" && name === undefined) {
        throw new InvalidArgumentError(`${fn}: parameter ${keys.size} has no name, expected every parameter named (pass [name, parameter] pairs) for keyBy "name"`);
      }
      keys.set(param, keyBy === "name" ? name! : keys.size);
    }
    const state: OptimizerStateDict["state"] = {};
    for (const [param, s] of this.state) state[String(keys.get(param))] = encodeState(s);
    const paramGroups = this.paramGroups.map(({ params, ...options }) => ({ ...cloneOptions(options), params: params.map((p) => keys.get(p)!) }));
    return { format: STATE_DICT_FORMAT, optimizer: this.name, keyBy, state, paramGroups };
  }

  /**
   * Restores a `stateDict()` (also after `JSON.stringify`/`JSON.parse`). Index-keyed dicts need
   * the same groups of the same sizes; name-keyed dicts match parameters by name, so parameters
   * may have been reordered or added (added ones start fresh). Everything is checked before
   * anything changes.
   */
  loadStateDict(stateDict: OptimizerStateDict): void {
    const fn = `${this.name}.loadStateDict`;
    const dict = readEnvelope(fn, stateDict, this.name);
    if (dict.paramGroups.length !== this.paramGroups.length) {
      throw invalidArgument(fn, "stateDict.paramGroups.length", dict.paramGroups.length, `${this.paramGroups.length} (the optimizer's number of groups)`);
    }
    const byKey = new Map<string, { param: ParamLike; group: number }>();
    if (dict.keyBy === "name") {
      this.paramGroups.forEach((g, i) => {
        for (const p of g.params) {
          const name = this.names.get(p);
          if (name !== undefined) byKey.set(name, { param: p, group: i });
        }
      });
    }
    const seenKeys = new Set<string>();
    const groupOptions = dict.paramGroups.map((saved, i) => {
      const what = `stateDict.paramGroups[${i}]`;
      if (typeof saved !== "object" || (saved as unknown) === null) throw invalidArgument(fn, what, saved, "an object { params, ...options }");
      const { params, ...options } = saved;
      if (!Array.isArray(params)) throw invalidArgument(fn, `${what}.params`, params, "an array of parameter keys");
      const current = this.paramGroups[i].params;
      if (dict.keyBy === "index" && params.length !== current.length) {
        throw invalidArgument(fn, `${what}.params.length`, params.length, `${current.length} (the size of the optimizer's group ${i})`);
      }
      params.forEach((key: unknown, j) => {
        const wanted = dict.keyBy === "index" ? "an integer" : "a string";
        if (dict.keyBy === "index" ? !Number.isSafeInteger(key) : typeof key !== "string") throw invalidArgument(fn, `${what}.params[${j}]`, key, wanted);
        const k = String(key);
        if (seenKeys.has(k)) throw invalidArgument(fn, `${what}.params[${j}]`, key, "a key that appears once over all groups");
        seenKeys.add(k);
        if (dict.keyBy === "index") byKey.set(k, { param: current[j], group: i });
        else if (!byKey.has(k)) throw invalidArgument(fn, `${what}.params[${j}]`, key, "the name of one of the optimizer's parameters");
      });
      for (const key of Object.keys(this.defaults)) {
        if (!(key in options)) throw new InvalidArgumentError(`${fn}: ${what} has no option "${key}", expected every option of ${this.name}`);
      }
      for (const [key, value] of Object.entries(options)) {
        if (!isGroupValue(value)) throw invalidArgument(fn, `${what}.${key}`, value, "a number, string, boolean, null or array of numbers");
      }
      const group = { ...cloneOptions(options), params: current } as ParamGroup<O>;
      this.validateOptions(group, new OptionCheck(fn, `${what}.`));
      return group;
    });
    const states = new Map<ParamLike, S>();
    for (const [key, saved] of Object.entries(dict.state)) {
      const what = `stateDict.state[${JSON.stringify(key)}]`;
      const target = byKey.get(key);
      if (target === undefined || !seenKeys.has(key)) throw invalidArgument(fn, "stateDict.state key", key, "a key listed in a group's params");
      const group = groupOptions[target.group];
      const { length, like } = this.stateLayout(paramData(fn, target.param));
      const state = decodeState(fn, what, saved, this.stateFields(group), length, like);
      this.checkLoadedState?.(state, group, target.param, fn, what);
      states.set(target.param, state);
    }
    // Everything is checked: replace options in place (schedulers may hold the group objects) and the state.
    this.paramGroups.forEach((group, i) => {
      const { params, ...options } = groupOptions[i];
      for (const key of Object.keys(group)) if (key !== "params") Reflect.deleteProperty(group, key);
      Object.assign(group, options, { params });
    });
    this.state.clear();
    for (const [param, state] of states) this.state.set(param, state);
  }
}
