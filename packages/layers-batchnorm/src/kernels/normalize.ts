import type { ChannelLayout, FloatArray } from "./layout";

/**
 * y = (x − mean) · invStd · γ + β per channel of an (N, C, L) array, written into `out`
 * (same length as `x`, float32 or float64). `weight`/`bias` null mean γ = 1 / β = 0.
 * Folded into one scale and shift per channel, as PyTorch's CPU kernel does:
 * y = x · (invStd·γ) + (β − mean·invStd·γ).
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
  for (let c = 0; c < channels; c++) {
    const scale = invStd[c] * (weight === null ? 1 : weight[c]);
    const shift = (bias === null ? 0 : bias[c]) - mean[c] * scale;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * spatial;
      for (let l = start; l < start + spatial; l++) out[l] = x[l] * scale + shift;
    }
  }
}
