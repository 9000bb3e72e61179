import { Tensor, invalidArgument } from "@descent/tensor";
import { record, toVariable } from "./ops/record";
import type { Variable } from "./variable";

export interface CustomOpSpec {
  /** Names the op in errors (shape checks of the gradients, freed graphs, in-place changes). */
  name: string;
  /** The op's inputs; tensors are constants (they get no gradient). */
  inputs: readonly (Variable | Tensor)[];
  /** The value, computed with plain tensor math from the inputs' data (nothing recorded). */
  forward: (...data: Tensor[]) => Tensor;
  /**
   * The gradient of each input (null for none), given the output's gradient, the inputs as
   * Variables and the output. Write it with the differentiable ops of this package, reading
   * the inputs and output as Variables (not their `data`): then `createGraph` differentiates it
   * again, and the op has second derivatives. Each gradient must have its input's shape and dtype.
   */
  backward: (gradOutput: Variable, inputs: readonly Variable[], output: Variable) => readonly (Variable | null)[];
}

/**
 * Defines a differentiable op with a hand-written backward (PyTorch's autograd.Function).
 * Use it when the chain rule through primitives would be slower or less stable than a closed
 * form, as for a fused batch norm. The inputs' and output's storage versions are recorded: an
 * in-place change to one of them between forward and backward makes backward throw.
 *
 * ```ts
 * const cube = (x: Variable) =>
 *   customOp({ name: "cube", inputs: [x], forward: (t) => t.mul(t).mul(t), backward: (g, [v]) => [mul(g, mul(mul(v, v), 3))] });
 * ```
 */
export function customOp(spec: CustomOpSpec): Variable {
  const name = spec.name;
  if (typeof name !== "string" || name === "") throw invalidArgument("customOp", "name", name, "a non-empty string");
  if (!Array.isArray(spec.inputs)) throw invalidArgument(name, "inputs", spec.inputs, "an array of Variables or Tensors");
  if (typeof spec.forward !== "function") throw invalidArgument(name, "forward", spec.forward, "a function");
  if (typeof spec.backward !== "function") throw invalidArgument(name, "backward", spec.backward, "a function");
  const inputs = spec.inputs.map((x, i) => toVariable(name, `inputs[${i}]`, x));
  const out: unknown = spec.forward(...inputs.map((v) => v.data));
  if (!(out instanceof Tensor)) throw invalidArgument(name, "forward's result", out, "a Tensor");
  const saved = [...inputs.map((v) => v.data), out];
  return record(name, inputs, out, (g, y) => spec.backward(g, inputs, y), saved);
}
