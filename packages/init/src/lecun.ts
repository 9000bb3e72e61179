import { defineInitializer, drawNormal, drawUniform } from "./initializer";
import type { GeneratorOptions } from "./initializer";
import { fansOf } from "./fans";
import { generatorOption } from "./validate";

/**
 * LeCun's standard deviation 1/√fanIn (LeCun et al., "Efficient BackProp", 1998): unit forward variance
 * through a linear layer. PyTorch has no `lecun_*`; this is its `kaiming_*(w, nonlinearity='linear')`,
 * the initialization its SELU docs recommend.
 */
function lecunStd(fn: string, shape: readonly number[]): number {
  return 1 / Math.sqrt(fansOf(fn, shape).fanIn);
}

/** U(−√(3/fanIn), √(3/fanIn)), variance 1/fanIn (Keras' `lecun_uniform`). */
export const lecunUniform = defineInitializer<GeneratorOptions>("lecunUniform", "float", (target, options) => {
  const bound = Math.sqrt(3.0) * lecunStd("lecunUniform", target.shape);
  drawUniform(target, -bound, bound, generatorOption("lecunUniform", options.generator));
});

/**
 * N(0, 1/fanIn), untruncated as PyTorch's `kaiming_normal_(w, nonlinearity='linear')`. Keras and JAX
 * name a *truncated* normal `lecun_normal`; for that use `truncNormal` with std = 1/√fanIn / 0.8796.
 */
export const lecunNormal = defineInitializer<GeneratorOptions>("lecunNormal", "float", (target, options) => {
  const std = lecunStd("lecunNormal", target.shape);
  drawNormal(target, 0, std, generatorOption("lecunNormal", options.generator));
});
