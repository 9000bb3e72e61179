import { defineInitializer, drawUniform } from "./initializer";
import type { GeneratorOptions } from "./initializer";
import { fansOf } from "./fans";
import { generatorOption, nonNegativeNumber } from "./validate";

export interface FanInUniformOptions extends GeneratorOptions {
  /**
   * The m of U(−1/√m, 1/√m). Default: the target's own fanIn. Give it for a bias, whose m is the fanIn of
   * its layer's weight (a 1-D bias has no fans of its own).
   */
  fanIn?: number;
}

/**
 * U(−1/√m, 1/√m), m the number of inputs: the lecture's "popular choice" beside Xavier's, and PyTorch's
 * default for `nn.Linear` and `nn.ConvNd`, both weight (its `kaiming_uniform_(w, a=√5)` works out to
 * exactly this bound: √3·√(2/(1+5))/√m = 1/√m) and bias (`uniform_(b, -1/√fan_in, 1/√fan_in)`).
 * m = 0 gives the bound 0, as PyTorch's bias init.
 */
export const fanInUniform = defineInitializer<FanInUniformOptions>("fanInUniform", "float", (target, options) => {
  const fanIn =
    options.fanIn === undefined
      ? fansOf("fanInUniform", target.shape).fanIn
      : nonNegativeNumber("fanInUniform", "fanIn", options.fanIn, 0);
  const generator = generatorOption("fanInUniform", options.generator);
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  drawUniform(target, -bound, bound, generator);
});
