import { InvalidArgumentError, ShapeError, Tensor, invalidArgument } from "@descent/tensor";
import type { DType, NestedArray } from "@descent/tensor";
import { isGradEnabled, withGradMode } from "./grad-mode";
import { versionOf } from "./version-counter";

/**
 * Where an op may put an input's gradient itself instead of returning it: into the input's
 * `grad`. The engine offers one (`sinks[i]` of the backward) for a leaf that no other op of the
 * graph uses, when a backward accumulates into `grad` and records no graph, so that the op can
 * compute the gradient in place (`Linear` adds dW = dYᵀ·X into W's gradient in one matmul) where
 * it would otherwise make a fresh product for the engine to copy or add.
 */
export interface GradientSink {
  /** True: the leaf has a gradient, `into()` is it, add to it. False: write `into()`, a fresh tensor that becomes the gradient. */
  readonly add: boolean;
  /** The tensor to add or write the gradient into, of the leaf's dtype and shape, contiguous (made on the first call when the leaf has none). */
  into(): Tensor;
}

/** What a backward returns for an input whose gradient it has put into the sink it was given. */
export const GRADIENT_IN_SINK: unique symbol = Symbol("gradient in sink");

/** A backward's answer for one input: its gradient, null for none, or GRADIENT_IN_SINK. */
export type InputGradient = Variable | null | typeof GRADIENT_IN_SINK;

/**
 * The vector-Jacobian product of one op: given the gradient of the output, the
 * gradient of each input (null where an input gets none). Written with the
 * differentiable ops, so that under `createGraph` the gradient is itself a graph.
 * An op may use `sinks` (GradientSink) and return GRADIENT_IN_SINK for those inputs; ignoring them is always right.
 */
export type BackwardFn = (gradOutput: Variable, sinks?: readonly (GradientSink | null)[]) => readonly InputGradient[];

/** One recorded op on the tape: its inputs, its backward closure and the tensors that closure will read. */
export class Node {
  /** Null once a backward without `retainGraph` has run through this node. */
  backwardFn: BackwardFn | null;
  private saved: readonly Tensor[];
  private readonly savedVersions: number[];

  /** `saved` lists the tensors the backward closure will read; their versions are recorded now. */
  constructor(
    readonly name: string,
    readonly inputs: readonly Variable[],
    backwardFn: BackwardFn,
    saved: readonly Tensor[],
  ) {
    this.backwardFn = backwardFn;
    this.saved = saved;
    this.savedVersions = saved.map((t) => versionOf(t));
  }

  /** Throws when a tensor this node's backward reads was changed in place after the forward (PyTorch's version check). */
  checkSavedVersions(): void {
    this.saved.forEach((t, i) => {
      const now = versionOf(t);
      if (now !== this.savedVersions[i]) {
        throw new InvalidArgumentError(
          `backward: a tensor of shape [${t.shape.join(", ")}] that ${this.name} saved for its gradient was modified by an in-place operation ` +
            `(it is at version ${now}, expected version ${this.savedVersions[i]}); compute the gradient before changing it, or change a copy`,
        );
      }
    });
  }

  /** Drops the closure and what it holds, so the memory of the graph can be reclaimed. */
  free(): void {
    this.backwardFn = null;
    this.saved = [];
  }
}

export interface VariableOptions {
  requiresGrad?: boolean;
}

export interface BackwardOptions {
  /** Keep the graph so that backward can run through it again (default: `createGraph`). */
  retainGraph?: boolean;
  /** Record the backward pass itself, so the gradient can be differentiated (default false). */
  createGraph?: boolean;
}

/**
 * A tensor on the tape: its value (`data`), whether gradients flow to it, the op that
 * made it (`gradFn`, null for a leaf) and, for leaves, the accumulated gradient.
 */
export class Variable {
  readonly data: Tensor;
  readonly gradFn: Node | null;
  /** Set by `backward({ createGraph: true })`: the accumulated gradient as a differentiable Variable (`grad` holds its value). */
  gradVariable: Variable | null = null;
  private requiresGradFlag: boolean;
  private gradTensor: Tensor | null = null;
  private retainsGradFlag = false;

  constructor(data: Tensor, options: VariableOptions = {}, gradFn: Node | null = null) {
    if (!(data instanceof Tensor)) throw invalidArgument("Variable", "data", data, "a Tensor");
    const requiresGrad = gradFn !== null || (options.requiresGrad ?? false);
    if (requiresGrad && data.dtype === "int32") {
      throw new InvalidArgumentError("Variable: requiresGrad is true for an int32 tensor, expected a float32 or float64 tensor (only floating point values have gradients)");
    }
    this.data = data;
    this.gradFn = gradFn;
    this.requiresGradFlag = requiresGrad;
  }

  get requiresGrad(): boolean {
    return this.requiresGradFlag;
  }

  /** PyTorch's `requires_grad_()`: only a leaf can change whether it requires grad. */
  setRequiresGrad(requiresGrad = true): this {
    if (this.gradFn !== null && !requiresGrad) {
      throw new InvalidArgumentError(
        `Variable.setRequiresGrad: this Variable was made by ${this.gradFn.name}, expected a leaf (use detach() to get a Variable that does not require grad)`,
      );
    }
    if (requiresGrad && this.data.dtype === "int32") {
      throw new InvalidArgumentError("Variable.setRequiresGrad: the tensor is int32, expected float32 or float64 (only floating point values have gradients)");
    }
    this.requiresGradFlag = requiresGrad;
    return this;
  }

  /** True when no op made this Variable (it was created by the user, or does not require grad). */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** The accumulated gradient: contiguous, offset 0, in this Variable's dtype and shape; null until a backward reaches it. */
  get grad(): Tensor | null {
    return this.gradTensor;
  }

  set grad(value: Tensor | null) {
    if (value !== null) {
      if (!(value instanceof Tensor)) throw invalidArgument("Variable.grad", "value", value, "a Tensor or null");
      if (!sameShape(value.shape, this.data.shape) || value.dtype !== this.data.dtype) {
        throw new ShapeError(
          `Variable.grad: assigned a ${value.dtype} tensor of shape [${value.shape.join(", ")}], expected ${this.data.dtype} of shape [${this.data.shape.join(", ")}]`,
        );
      }
    }
    this.gradTensor = value;
    this.gradVariable = null;
  }

  get shape(): readonly number[] {
    return this.data.shape;
  }

  get dtype(): DType {
    return this.data.dtype;
  }

  get ndim(): number {
    return this.data.ndim;
  }

  get size(): number {
    return this.data.size;
  }

  /** The single value of a one-element Variable. */
  item(): number {
    return this.data.item();
  }

  toArray(): NestedArray {
    return this.data.toArray();
  }

  /** A Variable over the same storage, cut from the graph (PyTorch's `detach()`). */
  detach(): Variable {
    return new Variable(this.data);
  }

  /** PyTorch's `retain_grad()`: a non-leaf keeps its gradient in `grad` after backward. */
  retainGrad(): this {
    if (!this.requiresGradFlag) throw new InvalidArgumentError("Variable.retainGrad: this Variable does not require grad, expected one that does");
    this.retainsGradFlag = true;
    return this;
  }

  get retainsGrad(): boolean {
    return this.retainsGradFlag || this.gradFn === null;
  }

  /**
   * Accumulates d(this)/d(leaf) · gradOutput into the `grad` of every leaf that requires
   * grad. A one-element output needs no `gradOutput` (it is taken as 1).
   */
  backward(gradOutput?: Tensor | Variable, options: BackwardOptions = {}): void {
    const createGraph = options.createGraph ?? false;
    const retainGraph = options.retainGraph ?? createGraph;
    const seed = seedGradient("backward", this, gradOutput);
    runBackward([this], [seed], { retainGraph, createGraph, targets: null });
  }
}

/**
 * A Variable from a tensor or from nested numbers (`variable([[1, 2]], { requiresGrad: true })`).
 * Numbers become float32 unless `dtype` says otherwise, as in `Tensor.from`.
 */
export function variable(values: Tensor | NestedArray, options: VariableOptions & { dtype?: DType } = {}): Variable {
  const data = values instanceof Tensor ? values : Tensor.from(values, options.dtype === undefined ? {} : { dtype: options.dtype });
  return new Variable(options.dtype !== undefined && data.dtype !== options.dtype ? data.astype(options.dtype) : data, {
    requiresGrad: options.requiresGrad ?? false,
  });
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The gradient that starts a backward sweep from `output`: the given one, checked, or 1 for a one-element output. */
export function seedGradient(fn: string, output: Variable, gradOutput: Tensor | Variable | undefined | null): Variable {
  if (!(output instanceof Variable)) throw invalidArgument(fn, "output", output, "a Variable");
  if (!output.requiresGrad) {
    throw new InvalidArgumentError(
      `${fn}: the output of shape [${output.shape.join(", ")}] does not require grad and has no gradFn, expected an output computed from a Variable with requiresGrad: true`,
    );
  }
  if (gradOutput === undefined || gradOutput === null) {
    if (output.size !== 1) {
      throw new InvalidArgumentError(
        `${fn}: the output has shape [${output.shape.join(", ")}]; a gradient can be implicitly created only for a one-element output, pass gradOutput of that shape`,
      );
    }
    return new Variable(Tensor.ones(output.shape, { dtype: output.dtype }));
  }
  const seed = gradOutput instanceof Variable ? gradOutput : new Variable(gradOutput instanceof Tensor ? gradOutput : badSeed(fn, gradOutput));
  if (!sameShape(seed.shape, output.shape)) {
    throw new ShapeError(`${fn}: gradOutput has shape [${seed.shape.join(", ")}], expected the output's shape [${output.shape.join(", ")}]`);
  }
  if (seed.dtype !== output.dtype) {
    if (seed.requiresGrad) throw new InvalidArgumentError(`${fn}: gradOutput is ${seed.dtype}, expected the output's dtype ${output.dtype}`);
    return new Variable(seed.data.astype(output.dtype));
  }
  return seed;
}

function badSeed(fn: string, value: unknown): never {
  throw invalidArgument(fn, "gradOutput", value, "a Tensor or a Variable");
}

export interface SweepOptions {
  retainGraph: boolean;
  createGraph: boolean;
  /** Null: accumulate into the leaves' `grad` (backward). Else: return the gradients of these Variables and touch no `grad`. */
  targets: readonly Variable[] | null;
}

/**
 * The reverse sweep. An explicit-stack depth-first search gives a post-order (inputs
 * before the ops that use them); walking it backwards calls each node's closure once,
 * after every consumer of its output has added its share of the gradient (fan-out sums).
 */
export function runBackward(roots: readonly Variable[], rootGrads: readonly Variable[], options: SweepOptions): Map<Variable, Variable> {
  const order = postOrder(roots);
  const targets = options.targets === null ? null : new Set(options.targets);
  const needed = targets === null ? null : neededFor(order, targets);
  const grads = new Map<Variable, Variable>();
  // Gradient sinks need the gradients to land in `grad` unrecorded, and a leaf's uses counted.
  const uses = targets === null && !options.createGraph ? useCounts(roots, order) : null;
  return withGradMode(options.createGraph, () => {
    roots.forEach((root, i) => {
      addGrad(grads, root, rootGrads[i]);
    });
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i];
      const g = grads.get(v);
      if (g === undefined) continue;
      if (targets === null) {
        if (v.retainsGrad) accumulateInto(v, g, options.createGraph);
        grads.delete(v);
      } else if (!targets.has(v)) {
        grads.delete(v);
      }
      const node = v.gradFn;
      if (node === null || (needed !== null && !needed.has(v))) continue;
      const backwardFn = node.backwardFn;
      if (backwardFn === null) {
        throw new InvalidArgumentError(
          `backward: trying to backward through the graph a second time: the graph of ${node.name} was freed by an earlier backward; ` +
            `pass { retainGraph: true } to the first backward to run backward through it twice`,
        );
      }
      node.checkSavedVersions();
      const sinks = uses === null ? undefined : node.inputs.map((input) => sinkFor(input, uses));
      const inputGrads = backwardFn(g, sinks);
      if (inputGrads.length !== node.inputs.length) {
        throw new InvalidArgumentError(`${node.name}: backward returned ${inputGrads.length} gradients, expected ${node.inputs.length} (one per input, null for none)`);
      }
      node.inputs.forEach((input, j) => {
        const ig = inputGrads[j];
        if (ig === GRADIENT_IN_SINK) {
          settleSink(node.name, j, input, sinks?.[j] ?? null);
          return;
        }
        if (ig === null || !input.requiresGrad || (needed !== null && !needed.has(input))) return;
        checkGradient(node.name, j, input, ig);
        addGrad(grads, input, ig);
      });
      if (!options.retainGraph) node.free();
    }
    return grads;
  });
}

/** How many times each Variable is an input of an op of the graph, or a root: a leaf used once may take a gradient sink. */
function useCounts(roots: readonly Variable[], order: readonly Variable[]): Map<Variable, number> {
  const uses = new Map<Variable, number>();
  const use = (v: Variable): void => {
    uses.set(v, (uses.get(v) ?? 0) + 1);
  };
  roots.forEach(use);
  for (const v of order) v.gradFn?.inputs.forEach(use);
  return uses;
}

/** The sink of a leaf that accumulates its gradient and has one use (so no other term is summed with this one first); else null. */
function sinkFor(input: Variable, uses: ReadonlyMap<Variable, number>): GradientSink | null {
  if (input.gradFn !== null || !input.requiresGrad || uses.get(input) !== 1) return null;
  const existing = input.grad;
  if (existing !== null) return existing.isContiguous() ? { add: true, into: () => existing } : null;
  let fresh: Tensor | null = null;
  return { add: false, into: () => (fresh ??= Tensor.zeros(input.shape, { dtype: input.dtype })) };
}

/** After an op put input j's gradient into its sink: a fresh sink becomes the leaf's gradient. */
function settleSink(opName: string, index: number, input: Variable, sink: GradientSink | null): void {
  if (sink === null) {
    throw new InvalidArgumentError(`${opName}: backward returned GRADIENT_IN_SINK for input ${index}, which was given no gradient sink (expected its gradient, or null)`);
  }
  // the setter checks dtype and shape, and clears gradVariable as accumulateInto does without createGraph
  input.grad = sink.into();
}

function postOrder(roots: readonly Variable[]): Variable[] {
  const order: Variable[] = [];
  const visited = new Set<Variable>();
  const stack: Variable[] = [];
  const nextChild: number[] = [];
  for (const root of roots) {
    if (visited.has(root)) continue;
    visited.add(root);
    stack.push(root);
    nextChild.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const inputs = stack[top].gradFn?.inputs ?? [];
      if (nextChild[top] < inputs.length) {
        const child = inputs[nextChild[top]++];
        if (child.requiresGrad && !visited.has(child)) {
          visited.add(child);
          stack.push(child);
          nextChild.push(0);
        }
      } else {
        order.push(stack.pop()!);
        nextChild.pop();
      }
    }
  }
  return order;
}

/** The Variables on a path to some target: only their closures need to run for `gradients`. */
function neededFor(order: readonly Variable[], targets: ReadonlySet<Variable>): Set<Variable> {
  const needed = new Set<Variable>();
  for (const v of order) {
    if (targets.has(v) || (v.gradFn?.inputs.some((input) => needed.has(input)) ?? false)) needed.add(v);
  }
  return needed;
}

function checkGradient(opName: string, index: number, input: Variable, gradient: Variable): void {
  if (!(gradient instanceof Variable)) throw invalidArgument(opName, `backward's gradient for input ${index}`, gradient, "a Variable or null");
  if (!sameShape(gradient.shape, input.shape) || gradient.dtype !== input.dtype) {
    throw new ShapeError(
      `${opName}: backward returned a ${gradient.dtype} gradient of shape [${gradient.shape.join(", ")}] for input ${index}, ` +
        `expected ${input.dtype} of shape [${input.shape.join(", ")}] (the input's)`,
    );
  }
}

/** Sums fan-out gradients; under createGraph the sum is recorded (its backward hands g to both terms). */
function addGrad(grads: Map<Variable, Variable>, v: Variable, g: Variable): void {
  const previous = grads.get(v);
  grads.set(v, previous === undefined ? g : sumOfTwo(previous, g));
}

function sumOfTwo(a: Variable, b: Variable): Variable {
  const data = a.data.add(b.data);
  if (!isGradEnabled() || !(a.requiresGrad || b.requiresGrad)) return new Variable(data);
  return new Variable(data, {}, new Node("accumulateGrad", [a, b], (g) => [g, g], []));
}

function accumulateInto(v: Variable, g: Variable, createGraph: boolean): void {
  const previous = v.grad;
  const differentiable = createGraph
    ? previous === null
      ? g
      : sumOfTwo(v.gradVariable ?? new Variable(previous.clone()), g)
    : null;
  if (previous === null) {
    // A gradient may be a view shared with other Variables (add hands the same g to both inputs): own a copy.
    v.grad = g.data.clone();
  } else {
    previous.addInPlace(g.data);
  }
  v.gradVariable = differentiable;
}
