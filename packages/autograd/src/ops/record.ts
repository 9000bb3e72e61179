import { ShapeError, Tensor, invalidArgument } from "@descent/tensor";
import { isGradEnabled } from "../grad-mode";
import { Node, Variable } from "../variable";
import type { GradientSink, InputGradient } from "../variable";

/** What the differentiable ops accept: a Variable, a constant tensor, or (where it makes sense) a number. */
export type Operand = Variable | Tensor | number;

/** A backward closure that may also read the op's own output (exp, tanh, softmax reuse it), and may use gradient sinks (BackwardFn). */
export type OpBackward = (gradOutput: Variable, output: Variable, sinks?: readonly (GradientSink | null)[]) => readonly InputGradient[];

/**
 * Wraps an op's forward result. When recording is on and some input requires grad, the
 * result gets a Node holding `backward`; `saved` lists the tensors that backward reads,
 * so an in-place change to one of them before backward is caught (version counter).
 */
export function record(name: string, inputs: readonly Variable[], output: Tensor, backward: OpBackward, saved: readonly Tensor[] = []): Variable {
  if (!isGradEnabled() || !inputs.some((v) => v.requiresGrad) || output.dtype === "int32") return new Variable(output);
  const node: Node = new Node(name, inputs, (g, sinks) => backward(g, result, sinks), saved);
  const result: Variable = new Variable(output, {}, node);
  return result;
}

/** A Variable for an op argument: Variables pass through, tensors become constants. */
export function toVariable(fn: string, argument: string, x: unknown): Variable {
  if (x instanceof Variable) return x;
  if (x instanceof Tensor) return new Variable(x);
  throw invalidArgument(fn, argument, x, "a Variable or a Tensor");
}

/** The float tensor an op works on; rejects int32 (gradients need floats) and anything that is not a tensor. */
export function floatVariable(fn: string, argument: string, x: unknown): Variable {
  const v = toVariable(fn, argument, x);
  if (v.dtype === "int32") throw invalidArgument(fn, `${argument}.dtype`, v.dtype, "float32 or float64 (convert with astype)");
  return v;
}

/**
 * The two sides of a binary op: the left always a Variable (a number becomes a 0-d constant
 * of the other side's dtype), the right a Variable or a number kept as a number (cheaper).
 */
export function binaryOperands(fn: string, a: Operand, b: Operand): [Variable, Variable | number] {
  if (typeof a === "number") {
    if (typeof b === "number") throw invalidArgument(fn, "a", a, "a Variable or a Tensor on at least one side");
    const right = floatVariable(fn, "b", b);
    return [new Variable(Tensor.scalar(a, { dtype: right.dtype })), right];
  }
  const left = floatVariable(fn, "a", a);
  if (typeof b === "number") return [left, b];
  const right = floatVariable(fn, "b", b);
  checkBroadcastable(fn, left.shape, right.shape);
  return [left, right];
}

/** NumPy broadcasting, checked at the op so the error names it and both shapes. */
export function checkBroadcastable(fn: string, a: readonly number[], b: readonly number[]): void {
  for (let i = 1; i <= Math.min(a.length, b.length); i++) {
    const x = a[a.length - i];
    const y = b[b.length - i];
    if (x !== y && x !== 1 && y !== 1) {
      throw new ShapeError(`${fn}: shapes [${a.join(", ")}] and [${b.join(", ")}] cannot be broadcast together (dimension -${i}: ${x} vs ${y})`);
    }
  }
}

/** The value of a right-hand operand for the tensor op. */
export function valueOf(x: Variable | number): Tensor | number {
  return typeof x === "number" ? x : x.data;
}

/** The node inputs of a binary op: a number on the right is not an input. */
export function inputsOf(a: Variable, b: Variable | number): Variable[] {
  return typeof b === "number" ? [a] : [a, b];
}

/** Normalizes an axis (negative counts from the end) or throws naming the op. */
export function normalizeAxis(fn: string, axis: number, ndim: number, argument = "axis"): number {
  if (!Number.isInteger(axis) || axis < -Math.max(ndim, 1) || axis >= Math.max(ndim, 1)) {
    throw invalidArgument(fn, argument, axis, `an integer in [${-Math.max(ndim, 1)}, ${Math.max(ndim, 1) - 1}] for a ${ndim}-d input`);
  }
  return axis < 0 ? axis + Math.max(ndim, 1) : axis;
}

/** Normalizes `axes` (undefined/null: all) to a sorted list without duplicates. */
export function normalizeAxes(fn: string, axes: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axes === undefined || axes === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axes === "number" ? [axes] : [...axes];
  const normalized = list.map((a) => normalizeAxis(fn, a, ndim, "axes"));
  if (new Set(normalized).size !== normalized.length) throw invalidArgument(fn, "axes", axes, "distinct axes");
  return normalized.sort((x, y) => x - y);
}
