import { defaultGenerator, invalidArgument, placeInKernelMemory } from "@descent/tensor";
import type { Generator, Tensor } from "@descent/tensor";
import { linear } from "../ops/linear";
import { toVariable } from "../ops/record";
import type { Variable } from "../variable";
import { Module } from "./module";
import { Parameter } from "./parameter";

export interface LinearOptions {
  /** Learn an additive bias (default true). */
  bias?: boolean;
  /** Source of the initial values (default: @descent/tensor's defaultGenerator). */
  generator?: Generator;
  dtype?: "float32" | "float64";
}

/**
 * y = x·Wᵀ + b with W of shape (outFeatures, inFeatures), as PyTorch's nn.Linear. PyTorch's
 * default initialization: kaiming_uniform(a = √5) for W, which is U(−1/√fanIn, 1/√fanIn), and
 * the same range for b. W is drawn first, then b, from the generator. Both are placed in
 * @descent/tensor's kernel memory, so the fused optimizer updates run on them in place.
 */
export class Linear extends Module {
  readonly weight: Parameter;
  readonly bias: Parameter | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions = {},
  ) {
    super();
    if (!Number.isInteger(inFeatures) || inFeatures < 0) throw invalidArgument("Linear", "inFeatures", inFeatures, "an integer >= 0");
    if (!Number.isInteger(outFeatures) || outFeatures < 0) throw invalidArgument("Linear", "outFeatures", outFeatures, "an integer >= 0");
    const generator = options.generator ?? defaultGenerator;
    const dtype = options.dtype ?? "float32";
    // PyTorch's kaiming_uniform_: gain = √(2 / (1 + a²)), bound = √3 · gain / √fanIn, with a = √5.
    const a = Math.sqrt(5);
    const gain = Math.sqrt(2 / (1 + a ** 2));
    const weightBound = inFeatures === 0 ? 0 : Math.sqrt(3) * (gain / Math.sqrt(inFeatures));
    this.weight = this.registerParameter("weight", new Parameter(placeInKernelMemory(generator.uniform([outFeatures, inFeatures], -weightBound, weightBound, { dtype }))));
    const biasBound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
    this.bias = this.registerParameter(
      "bias",
      options.bias ?? true ? new Parameter(placeInKernelMemory(generator.uniform([outFeatures], -biasBound, biasBound, { dtype }))) : null,
    );
  }

  override forward(input: Variable | Tensor): Variable {
    return linear(toVariable("Linear.forward", "input", input), this.weight, this.bias);
  }
}
