/** The typed arrays a batch-norm kernel reads and writes: float32 or float64. */
export type FloatArray = Float32Array | Float64Array;

/**
 * Every batch-norm kernel sees its input as (N, C, L): N samples, C channels and
 * L = the product of the spatial sizes (1 for an (N, C) input), row-major, so
 * element (n, c, l) sits at `(n * C + c) * L + l`. Statistics are per channel,
 * over the M = N·L values of that channel.
 */
export interface ChannelLayout {
  readonly batch: number;
  readonly channels: number;
  readonly spatial: number;
}

/** M, the number of values each channel's statistics are taken over. */
export function valuesPerChannel(layout: ChannelLayout): number {
  return layout.batch * layout.spatial;
}
