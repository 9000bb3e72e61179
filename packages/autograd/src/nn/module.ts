import { InvalidArgumentError, ShapeError, Tensor, invalidArgument } from "@descent/tensor";
import type { Variable } from "../variable";
import { bumpVersion } from "../version-counter";
import { Parameter } from "./parameter";

export type StateDict = Record<string, Tensor>;

export interface LoadStateDictResult {
  missingKeys: string[];
  unexpectedKeys: string[];
}

/**
 * PyTorch's nn.Module: a tree of modules, each holding named parameters, buffers (state that
 * is saved but not trained, such as running statistics) and submodules. Subclasses register
 * what they own in their constructor (`this.weight = this.registerParameter("weight", p)`),
 * in the order PyTorch would, so names and `stateDict` keys match PyTorch's.
 */
export class Module {
  /** Training mode (dropout active, batch statistics) or evaluation mode. */
  training = true;
  private readonly ownParameters = new Map<string, Parameter | null>();
  private readonly ownBuffers = new Map<string, Tensor | null>();
  private readonly ownModules = new Map<string, Module | null>();

  /** The module's computation; subclasses override it. */
  forward(input: Variable | Tensor): Variable {
    throw new InvalidArgumentError(`${this.constructor.name}.forward: not implemented for input ${describe(input)}; subclasses of Module override forward`);
  }

  registerParameter<P extends Parameter | null>(name: string, parameter: P): P {
    this.checkName("registerParameter", name, this.ownParameters);
    if (parameter !== null && !(parameter instanceof Parameter)) throw invalidArgument("registerParameter", "parameter", parameter, "a Parameter or null");
    this.ownParameters.set(name, parameter);
    return parameter;
  }

  registerBuffer<T extends Tensor | null>(name: string, tensor: T): T {
    this.checkName("registerBuffer", name, this.ownBuffers);
    if (tensor !== null && !(tensor instanceof Tensor)) throw invalidArgument("registerBuffer", "tensor", tensor, "a Tensor or null");
    this.ownBuffers.set(name, tensor);
    return tensor;
  }

  registerModule<M extends Module | null>(name: string, module: M): M {
    this.checkName("registerModule", name, this.ownModules);
    if (module !== null && !(module instanceof Module)) throw invalidArgument("registerModule", "module", module, "a Module or null");
    this.ownModules.set(name, module);
    return module;
  }

  /** Replaces a registered buffer's tensor (for example after a dtype change); the name must exist. */
  setBuffer(name: string, tensor: Tensor | null): void {
    if (!this.ownBuffers.has(name)) throw invalidArgument("setBuffer", "name", name, `a registered buffer (${[...this.ownBuffers.keys()].join(", ")})`);
    this.ownBuffers.set(name, tensor);
  }

  /** The buffer registered under `name` on this module (not its submodules). */
  getBuffer(name: string): Tensor | null {
    if (!this.ownBuffers.has(name)) throw invalidArgument("getBuffer", "name", name, `a registered buffer (${[...this.ownBuffers.keys()].join(", ")})`);
    return this.ownBuffers.get(name)!;
  }

  /** [name, module] for this module ("") and every submodule, depth first, each module once. */
  namedModules(prefix = ""): [string, Module][] {
    const out: [string, Module][] = [];
    const seen = new Set<Module>();
    const stack: [string, Module][] = [[prefix, this]];
    while (stack.length > 0) {
      const [name, module] = stack.pop()!;
      if (seen.has(module)) continue;
      seen.add(module);
      out.push([name, module]);
      const children = [...module.ownModules].filter((entry): entry is [string, Module] => entry[1] !== null);
      for (let i = children.length - 1; i >= 0; i--) stack.push([name === "" ? children[i][0] : `${name}.${children[i][0]}`, children[i][1]]);
    }
    return out;
  }

  modules(): Module[] {
    return this.namedModules().map(([, m]) => m);
  }

  namedChildren(): [string, Module][] {
    return [...this.ownModules].filter((entry): entry is [string, Module] => entry[1] !== null);
  }

  children(): Module[] {
    return this.namedChildren().map(([, m]) => m);
  }

  /** [dotted name, parameter] in registration order (`0.weight`, `layers.1.bias`); a shared parameter is listed once. */
  namedParameters(recurse = true): [string, Parameter][] {
    return this.collect(recurse, (m) => m.ownParameters);
  }

  parameters(recurse = true): Parameter[] {
    return this.namedParameters(recurse).map(([, p]) => p);
  }

  namedBuffers(recurse = true): [string, Tensor][] {
    return this.collect(recurse, (m) => m.ownBuffers);
  }

  buffers(recurse = true): Tensor[] {
    return this.namedBuffers(recurse).map(([, b]) => b);
  }

  /** Sets training mode here and in every submodule. */
  train(mode = true): this {
    for (const module of this.modules()) module.training = mode;
    return this;
  }

  /** Evaluation mode: `train(false)`. */
  eval(): this {
    return this.train(false);
  }

  /** Clears the gradients of every parameter: to null (default, as PyTorch 2), or to zeros. */
  zeroGrad(options: { setToNone?: boolean } = {}): void {
    const setToNone = options.setToNone ?? true;
    for (const p of this.parameters()) {
      if (setToNone) p.grad = null;
      else if (p.grad !== null) {
        const g = p.grad;
        g.fill(0);
        p.grad = g;
      }
    }
  }

  /** Calls fn on every submodule (children first) and then on this module, as PyTorch's `apply`. */
  apply(fn: (module: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  /**
   * Every parameter's and buffer's tensor by dotted name, module by module (its parameters, its
   * buffers, then its submodules), as PyTorch orders `state_dict`. The tensors share storage
   * with the module: clone them to keep a snapshot.
   */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [prefix, module] of this.namedModules()) {
      const key = (name: string): string => (prefix === "" ? name : `${prefix}.${name}`);
      for (const [name, p] of module.ownParameters) if (p !== null) out[key(name)] = p.data;
      for (const [name, b] of module.ownBuffers) if (b !== null) out[key(name)] = b;
    }
    return out;
  }

  /**
   * Copies values into the module's own tensors (which keep their identity, dtype and storage).
   * Everything is checked before anything is copied: with `strict` (default) a missing or
   * unexpected key throws, and a shape mismatch always throws; then nothing has changed.
   */
  loadStateDict(stateDict: StateDict | ReadonlyMap<string, Tensor>, options: { strict?: boolean } = {}): LoadStateDictResult {
    const strict = options.strict ?? true;
    if (typeof stateDict !== "object" || (stateDict as unknown) === null) throw invalidArgument("loadStateDict", "stateDict", stateDict, "an object or Map of name → Tensor");
    const given: ReadonlyMap<string, unknown> = stateDict instanceof Map ? new Map<string, unknown>(stateDict as ReadonlyMap<string, unknown>) : new Map<string, unknown>(Object.entries(stateDict));
    const own = this.stateDict();
    const missingKeys = Object.keys(own).filter((k) => !given.has(k));
    const unexpectedKeys = [...given.keys()].filter((k) => !(k in own));
    const problems: string[] = [];
    if (strict && missingKeys.length > 0) problems.push(`missing keys: ${missingKeys.join(", ")}`);
    if (strict && unexpectedKeys.length > 0) problems.push(`unexpected keys: ${unexpectedKeys.join(", ")}`);
    const copies: [Tensor, Tensor][] = [];
    for (const [key, target] of Object.entries(own)) {
      const source = given.get(key);
      if (source === undefined) continue;
      if (!(source instanceof Tensor)) {
        problems.push(`${key} is ${describe(source)}, expected a Tensor`);
      } else if (source.shape.length !== target.shape.length || source.shape.some((d, i) => d !== target.shape[i])) {
        problems.push(`size mismatch for ${key}: the state dict has shape [${source.shape.join(", ")}], the module has [${target.shape.join(", ")}]`);
      } else {
        copies.push([target, source]);
      }
    }
    if (problems.length > 0) {
      const error = problems.some((p) => p.startsWith("size mismatch")) ? ShapeError : InvalidArgumentError;
      throw new error(`${this.constructor.name}.loadStateDict: ${problems.join("; ")} (nothing was loaded)`);
    }
    for (const [target, source] of copies) {
      target.copyFrom(source.dtype === target.dtype ? source : source.astype(target.dtype));
      bumpVersion(target);
    }
    return { missingKeys, unexpectedKeys };
  }

  private collect<T>(recurse: boolean, entries: (m: Module) => ReadonlyMap<string, T | null>): [string, T][] {
    const out: [string, T][] = [];
    const seen = new Set<T>();
    const modules: [string, Module][] = recurse ? this.namedModules() : [["", this]];
    for (const [prefix, module] of modules) {
      for (const [name, value] of entries(module)) {
        if (value === null || seen.has(value)) continue;
        seen.add(value);
        out.push([prefix === "" ? name : `${prefix}.${name}`, value]);
      }
    }
    return out;
  }

  private checkName(fn: string, name: string, into: ReadonlyMap<string, unknown>): void {
    if (typeof name !== "string" || name === "" || name.includes(".")) throw invalidArgument(fn, "name", name, "a non-empty string without '.'");
    const taken = [this.ownParameters, this.ownBuffers, this.ownModules].some((m) => m !== into && m.has(name));
    if (taken) throw invalidArgument(fn, "name", name, "a name not used by another kind of member of this module");
  }
}

function describe(value: unknown): string {
  if (value instanceof Tensor) return `a Tensor of shape [${value.shape.join(", ")}]`;
  if (typeof value === "object" && value !== null) return `a ${value.constructor.name}`;
  return String(value);
}
