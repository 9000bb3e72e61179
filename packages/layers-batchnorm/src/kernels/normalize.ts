import { channelAffineWasm } from "@descent/tensor";
import type { ChannelLayout, FloatArray } from "./layout";

/**
 * y = (x − mean) · invStd · γ + β per channel of an (N, C, L) array, written into `out`
 * (same length as `x`, float32 or float64). `weight`/`bias` null mean γ = 1 / β = 0.
 * Folded into one scale and shift per channel, as PyTorch's CPU kernel does:
 * y = x · (invStd·γ) + (β − mean·invStd·γ).
 * Large arrays go to the WebAssembly SIMD version (channelAffineWasm: the same operations, the
 * same bits) unless setBackend("js") is on.
 */
export function normalizeChannels(
  x: FloatArray,
  out: FloatArray,
  layout: ChannelLayout,
  mean: ArrayLike<number>,
  invStd: ArrayLike<number>,
  weight: ArrayLike<number> | null,
  bias: ArrayLike<number> | null,
): void {
  const { batch, channels, spatial } = layout;
  const scales = new Float64Array(channels);
  const shifts = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    scales[c] = invStd[c] * (weight === null ? 1 : weight[c]);
    shifts[c] = (bias === null ? 0 : bias[c]) - mean[c] * scales[c];
  }
  if (channelAffineWasm(x, out, layout, scales, shifts)) return;
  for (let c = 0; c < channels; c++) {
    const scale = scales[c];
    const shift = shifts[c];
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * spatial;
      for (let l = start; l < start + spatial; l++) out[l] = x[l] * scale + shift;
    }
  }
}
