import { defaultGenerator, invalidArgument } from "@descent/tensor";
import type { Generator, Tensor } from "@descent/tensor";
import { mul } from "../ops/mul";
import { toVariable } from "../ops/record";
import type { Variable } from "../variable";
import { Module } from "./module";

/**
 * Inverted dropout, as PyTorch's nn.Dropout: in training each element is zeroed with
 * probability p and the survivors are scaled by 1/(1 − p), so evaluation is the identity.
 * The mask comes from the given (seeded) generator.
 */
export class Dropout extends Module {
  private readonly generator: Generator;

  constructor(
    readonly p = 0.5,
    options: { generator?: Generator } = {},
  ) {
    super();
    if (!(p >= 0 && p <= 1)) throw invalidArgument("Dropout", "p", p, "a probability in [0, 1]");
    this.generator = options.generator ?? defaultGenerator;
  }

  override forward(input: Variable | Tensor): Variable {
    const x = toVariable("Dropout.forward", "input", input);
    if (!this.training || this.p === 0) return x;
    if (this.p === 1) return mul(x, 0);
    const keep = this.generator.bernoulli(x.shape, 1 - this.p, { dtype: x.dtype });
    return mul(x, keep.mul(1 / (1 - this.p)));
  }
}
