import { InvalidArgumentError, Tensor, invalidArgument } from "@descent/tensor";
import { Variable, runBackward, seedGradient } from "../variable";

export interface GradientsOptions {
  /** The gradient of each output (needed for outputs with more than one element). */
  gradOutputs?: readonly (Tensor | Variable | null)[] | Tensor | Variable | null;
  /** Keep the graph for another backward (default: `createGraph`). */
  retainGraph?: boolean;
  /** Record the gradient computation, so the returned gradients can be differentiated (default false). */
  createGraph?: boolean;
  /** Return null for an input the outputs do not depend on, instead of throwing (default false). */
  allowUnused?: boolean;
}

/**
 * PyTorch's `torch.autograd.grad`: the gradients of `outputs` (weighted by `gradOutputs`) with
 * respect to `inputs`, returned instead of accumulated, so no `grad` field changes. With
 * `createGraph` they are Variables on the tape, and differentiating them gives second
 * derivatives (Hessian-vector products, Newton steps).
 */
export function gradients(
  outputs: Variable | readonly Variable[],
  inputs: Variable | readonly Variable[],
  options: GradientsOptions = {},
): (Variable | null)[] {
  const outs = outputs instanceof Variable ? [outputs] : [...outputs];
  const ins = inputs instanceof Variable ? [inputs] : [...inputs];
  if (outs.length === 0) throw invalidArgument("gradients", "outputs", outputs, "at least one Variable");
  if (ins.length === 0) throw invalidArgument("gradients", "inputs", inputs, "at least one Variable");
  ins.forEach((v, i) => {
    if (!(v instanceof Variable)) throw invalidArgument("gradients", `inputs[${i}]`, v, "a Variable");
    if (!v.requiresGrad) throw new InvalidArgumentError(`gradients: inputs[${i}] does not require grad, expected a Variable with requiresGrad: true`);
  });
  const given = options.gradOutputs;
  const gradOutputs = given === undefined || given === null || given instanceof Tensor || given instanceof Variable ? [given] : [...given];
  if (gradOutputs.length !== outs.length) {
    throw invalidArgument("gradients", "gradOutputs", `${gradOutputs.length} gradients`, `one per output (${outs.length})`);
  }
  const seeds = outs.map((out, i) => seedGradient("gradients", out, gradOutputs[i] ?? undefined));
  const createGraph = options.createGraph ?? false;
  const grads = runBackward(outs, seeds, { retainGraph: options.retainGraph ?? createGraph, createGraph, targets: ins });
  return ins.map((v, i) => {
    const g = grads.get(v);
    if (g !== undefined) return g;
    if (options.allowUnused ?? false) return null;
    throw new InvalidArgumentError(
      `gradients: inputs[${i}] of shape [${v.shape.join(", ")}] was not used to compute the outputs; pass allowUnused: true to get null for it`,
    );
  });
}
