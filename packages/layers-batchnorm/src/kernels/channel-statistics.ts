import { channelMomentsWasm } from "@descent/tensor";
import type { ChannelLayout, FloatArray } from "./layout";
import { valuesPerChannel } from "./layout";

/** Per-channel mean and biased variance (divided by M), always in float64. */
export interface ChannelStatistics {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}

/**
 * Mean and biased variance of each channel of an (N, C, L) array.
 *
 * Two passes with the correction term of Chan, Golub & LeVeque (1983, eq. 1.7):
 * `var = (Σd² − (Σd)²/M) / M` with `d = x − mean`. The second term cancels the
 * rounding error left in the mean, so the variance stays accurate when |mean| ≫ std,
 * where the one-pass `E[x²] − E[x]²` loses every digit. Sums are float64 for float32
 * input too.
 *
 * Large arrays go to the WebAssembly SIMD version (channelMomentsWasm, same terms in another
 * order: within a relative 1e-12 of this loop, see its contract) unless setBackend("js") is on.
 */
export function channelStatistics(x: FloatArray, layout: ChannelLayout): ChannelStatistics {
  const fast = channelMomentsWasm(x, layout);
  if (fast !== null) return fast;
  const { batch, channels, spatial } = layout;
  const count = valuesPerChannel(layout);
  const mean = new Float64Array(channels);
  const variance = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * spatial;
      for (let l = 0; l < spatial; l++) sum += x[start + l];
    }
    const m = sum / count;
    let sumDeviation = 0;
    let sumSquares = 0;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * spatial;
      for (let l = 0; l < spatial; l++) {
        const d = x[start + l] - m;
        sumDeviation += d;
        sumSquares += d * d;
      }
    }
    mean[c] = m + sumDeviation / count;
    // Mathematically ≥ 0 (Cauchy–Schwarz); the clamp only removes a rounding sign.
    variance[c] = Math.max(0, (sumSquares - (sumDeviation * sumDeviation) / count) / count);
  }
  return { mean, variance };
}

/** 1/√(var + eps) per channel: what both the forward and the backward multiply by. */
export function inverseStd(variance: ArrayLike<number>, eps: number): Float64Array {
  const out = new Float64Array(variance.length);
  for (let c = 0; c < out.length; c++) out[c] = 1 / Math.sqrt(variance[c] + eps);
  return out;
}
