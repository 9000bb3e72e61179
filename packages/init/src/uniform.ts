import { invalidArgument } from "@descent/tensor";
import { defineInitializer, drawUniform } from "./initializer";
import type { GeneratorOptions } from "./initializer";
import { finiteNumber, generatorOption } from "./validate";

export interface UniformOptions extends GeneratorOptions {
  /** Lower bound, default 0. */
  a?: number;
  /** Upper bound, default 1. */
  b?: number;
}

/** U(a, b): PyTorch's `uniform_(tensor, a=0, b=1)`. `a = b` fills the constant, as PyTorch. */
export const uniform = defineInitializer<UniformOptions>("uniform", "float", (target, options) => {
  const a = finiteNumber("uniform", "a", options.a, 0);
  const b = finiteNumber("uniform", "b", options.b, 1);
  if (a > b) throw invalidArgument("uniform", "a", a, `a number <= b (${b})`);
  drawUniform(target, a, b, generatorOption("uniform", options.generator));
});
