import { channelAffineWasm, channelGradInputWasm, channelGradSumsWasm } from "@descent/tensor";
import type { ChannelLayout, FloatArray } from "./layout";
import { valuesPerChannel } from "./layout";

/** The parameter gradients of batch norm, dγ and dβ per channel, in float64. */
export interface BatchNormGradients {
  readonly gradWeight: Float64Array;
  readonly gradBias: Float64Array;
}

/**
 * The closed-form backward of y = γ·x̂ + β, x̂ = (x − μ)·invStd, writing dx into `gradInput`.
 *
 * With the batch statistics (training), μ and σ depend on x and the chain rule collapses to
 *
 *   dx = (γ·invStd / M) · (M·dy − Σdy − x̂·Σ(dy·x̂)),
 *
 * (Ioffe & Szegedy 2015, §3; the sums run over the M = N·L values of the channel).
 * With running statistics (evaluation, frozen statistics) μ and σ are constants and
 * dx = γ·invStd·dy. Either way dγ = Σ dy·x̂ and dβ = Σ dy.
 * `gradInput` null skips dx (an input that needs no gradient).
 *
 * Large arrays go to the WebAssembly SIMD versions (channelGradSumsWasm, then channelGradInputWasm
 * or channelAffineWasm: the same terms, the sums in another order) unless setBackend("js") is on.
 */
export function batchNormBackward(
  gradOutput: FloatArray,
  x: FloatArray,
  gradInput: FloatArray | null,
  layout: ChannelLayout,
  mean: ArrayLike<number>,
  invStd: ArrayLike<number>,
  weight: ArrayLike<number> | null,
  batchStatistics: boolean,
): BatchNormGradients {
  const fast = channelGradSumsWasm(gradOutput, x, layout, mean, invStd);
  if (fast !== null && gradInputWasm(gradOutput, x, gradInput, layout, mean, invStd, weight, batchStatistics, fast)) {
    return { gradWeight: fast.sumDyXhat, gradBias: fast.sumDy };
  }
  const { batch, channels, spatial } = layout;
  const count = valuesPerChannel(layout);
  const gradWeight = new Float64Array(channels);
  const gradBias = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    const mu = mean[c];
    const s = invStd[c];
    let sumDy = 0;
    let sumDyXhat = 0;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * spatial;
      for (let l = start; l < start + spatial; l++) {
        sumDy += gradOutput[l];
        sumDyXhat += gradOutput[l] * (x[l] - mu) * s;
      }
    }
    gradWeight[c] = sumDyXhat;
    gradBias[c] = sumDy;
    if (gradInput === null) continue;
    const gamma = weight === null ? 1 : weight[c];
    if (batchStatistics) {
      const k = (gamma * s) / count;
      for (let n = 0; n < batch; n++) {
        const start = (n * channels + c) * spatial;
        for (let l = start; l < start + spatial; l++) {
          gradInput[l] = k * (count * gradOutput[l] - sumDy - (x[l] - mu) * s * sumDyXhat);
        }
      }
    } else {
      const k = gamma * s;
      for (let n = 0; n < batch; n++) {
        const start = (n * channels + c) * spatial;
        for (let l = start; l < start + spatial; l++) gradInput[l] = k * gradOutput[l];
      }
    }
  }
  return { gradWeight, gradBias };
}

/** dx in wasm from the per-channel sums (nothing to do when gradInput is null); false when the TypeScript loop must run. */
function gradInputWasm(
  gradOutput: FloatArray,
  x: FloatArray,
  gradInput: FloatArray | null,
  layout: ChannelLayout,
  mean: ArrayLike<number>,
  invStd: ArrayLike<number>,
  weight: ArrayLike<number> | null,
  batchStatistics: boolean,
  sums: { sumDy: Float64Array; sumDyXhat: Float64Array },
): boolean {
  if (gradInput === null) return true;
  if (batchStatistics) return channelGradInputWasm(gradOutput, x, gradInput, layout, mean, invStd, weight, sums.sumDy, sums.sumDyXhat);
  // dx = γ·invStd·dy: x·scale + (−0) is x·scale to the bit, the −0 included
  const scale = Float64Array.from({ length: layout.channels }, (_, c) => (weight === null ? 1 : weight[c]) * invStd[c]);
  return channelAffineWasm(gradOutput, gradInput, layout, scale, new Float64Array(layout.channels).fill(-0));
}
