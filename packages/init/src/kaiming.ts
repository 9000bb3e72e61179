import { defineInitializer, drawNormal, drawUniform } from "./initializer";
import type { GeneratorOptions } from "./initializer";
import { fansOf } from "./fans";
import { gainOf } from "./gain";
import type { Nonlinearity } from "./gain";
import { finiteNumber, generatorOption, oneOf } from "./validate";

/** Which fan the variance is kept for: 'fanIn' the forward pass, 'fanOut' the backward pass. */
export type FanMode = "fanIn" | "fanOut";

export interface KaimingShapeOptions {
  /** Negative slope of the rectifier after this layer, default 0; the gain's `param`. */
  a?: number;
  /** Default 'fanIn'. */
  mode?: FanMode;
  /** Default 'leakyRelu' (with `a` = 0 that is ReLU's gain √2), as PyTorch. */
  nonlinearity?: Nonlinearity;
}

export interface KaimingOptions extends KaimingShapeOptions, GeneratorOptions {}

const fanModes: readonly FanMode[] = ["fanIn", "fanOut"];

/**
 * He et al.'s standard deviation, gain / √fan with gain = calculateGain(nonlinearity, a): a rectifier
 * zeroes half its inputs, so the weights need twice Xavier's forward variance.
 * @see https://arxiv.org/abs/1502.01852
 */
export function kaimingStd(shape: readonly number[], options: KaimingShapeOptions = {}): number {
  return kaimingStdOf("kaimingStd", shape, options as Record<string, unknown>);
}

function kaimingStdOf(fn: string, shape: readonly number[], options: Record<string, unknown>): number {
  const a = finiteNumber(fn, "a", options.a, 0);
  const mode = oneOf(fn, "mode", options.mode, fanModes, "fanIn");
  const gain = gainOf(fn, options.nonlinearity ?? "leakyRelu", a);
  const fans = fansOf(fn, shape);
  const fan = mode === "fanIn" ? fans.fanIn : fans.fanOut;
  return gain / Math.sqrt(fan);
}

/** U(−bound, bound) with bound = √3·kaimingStd: PyTorch's `kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')`. */
export const kaimingUniform = defineInitializer<KaimingOptions>("kaimingUniform", "float", (target, options) => {
  const std = kaimingStdOf("kaimingUniform", target.shape, options);
  const generator = generatorOption("kaimingUniform", options.generator);
  const bound = Math.sqrt(3.0) * std;
  drawUniform(target, -bound, bound, generator);
});

/** N(0, kaimingStd²): PyTorch's `kaiming_normal_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')`. */
export const kaimingNormal = defineInitializer<KaimingOptions>("kaimingNormal", "float", (target, options) => {
  const std = kaimingStdOf("kaimingNormal", target.shape, options);
  drawNormal(target, 0, std, generatorOption("kaimingNormal", options.generator));
});
