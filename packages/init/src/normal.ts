import { defineInitializer, drawNormal } from "./initializer";
import type { GeneratorOptions } from "./initializer";
import { finiteNumber, generatorOption, nonNegativeNumber } from "./validate";

export interface NormalOptions extends GeneratorOptions {
  /** Default 0. */
  mean?: number;
  /** Default 1; 0 fills the mean, as PyTorch. */
  std?: number;
}

/** N(mean, std²): PyTorch's `normal_(tensor, mean=0, std=1)`. */
export const normal = defineInitializer<NormalOptions>("normal", "float", (target, options) => {
  const mean = finiteNumber("normal", "mean", options.mean, 0);
  const std = nonNegativeNumber("normal", "std", options.std, 1);
  drawNormal(target, mean, std, generatorOption("normal", options.generator));
});
