import { defineInitializer, drawNormal, drawUniform } from "./initializer";
import type { GeneratorOptions } from "./initializer";
import { fansOf } from "./fans";
import { finiteNumber, generatorOption } from "./validate";

export interface XavierOptions extends GeneratorOptions {
  /** Scale factor, default 1; `calculateGain(nonlinearity)` for the layer's activation. */
  gain?: number;
}

/**
 * Glorot & Bengio's standard deviation, gain·√(2 / (fanIn + fanOut)): the compromise between keeping the
 * forward variance (fanIn·Var(W) = 1) and the backward variance (fanOut·Var(W) = 1).
 * Also the lecture's U(−√(6/(m+n)), √(6/(m+n))), whose bound is √3 times this.
 * @see https://proceedings.mlr.press/v9/glorot10a.html
 */
export function xavierStd(shape: readonly number[], options: { gain?: number } = {}): number {
  return xavierStdOf("xavierStd", shape, options.gain);
}

function xavierStdOf(fn: string, shape: readonly number[], gainOption: unknown): number {
  const gain = finiteNumber(fn, "gain", gainOption, 1);
  const { fanIn, fanOut } = fansOf(fn, shape);
  return gain * Math.sqrt(2.0 / (fanIn + fanOut));
}

/** U(−a, a) with a = √3·xavierStd: PyTorch's `xavier_uniform_(tensor, gain=1)`. */
export const xavierUniform = defineInitializer<XavierOptions>("xavierUniform", "float", (target, options) => {
  const std = xavierStdOf("xavierUniform", target.shape, options.gain);
  const generator = generatorOption("xavierUniform", options.generator);
  // PyTorch computes the bound as sqrt(3) * std (not sqrt(6 / (fanIn + fanOut))): same order, same bits.
  const bound = Math.sqrt(3.0) * std;
  drawUniform(target, -bound, bound, generator);
});

/** N(0, xavierStd²): PyTorch's `xavier_normal_(tensor, gain=1)`. */
export const xavierNormal = defineInitializer<XavierOptions>("xavierNormal", "float", (target, options) => {
  const std = xavierStdOf("xavierNormal", target.shape, options.gain);
  drawNormal(target, 0, std, generatorOption("xavierNormal", options.generator));
});
