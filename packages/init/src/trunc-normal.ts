import { invalidArgument } from "@descent/tensor";
import { defineInitializer } from "./initializer";
import type { GeneratorOptions } from "./initializer";
import { finiteNumber, generatorOption, positiveNumber } from "./validate";

export interface TruncNormalOptions extends GeneratorOptions {
  /** Default 0. */
  mean?: number;
  /** Of the normal before truncation, default 1. */
  std?: number;
  /** Lower cut, in the values' own units (not in stds), default −2. */
  a?: number;
  /** Upper cut, default 2. */
  b?: number;
}

/**
 * N(mean, std²) conditioned on [a, b] (PyTorch's `trunc_normal_(tensor, mean=0, std=1, a=-2, b=2)`).
 * Drawn exactly by the inverse CDF (the generator's `fillTruncNormal`), never by redrawing values that
 * fall outside and giving up after a few tries: the result has the truncated law even for a window
 * far in a tail.
 */
export const truncNormal = defineInitializer<TruncNormalOptions>("truncNormal", "float", (target, options) => {
  const mean = finiteNumber("truncNormal", "mean", options.mean, 0);
  const std = positiveNumber("truncNormal", "std", options.std, 1);
  const a = finiteNumber("truncNormal", "a", options.a, -2);
  const b = finiteNumber("truncNormal", "b", options.b, 2);
  if (!(a < b)) throw invalidArgument("truncNormal", "a", a, `a number < b (${b})`);
  const generator = generatorOption("truncNormal", options.generator);
  if (target.size > 0) generator.fillTruncNormal(target, mean, std, a, b);
});
