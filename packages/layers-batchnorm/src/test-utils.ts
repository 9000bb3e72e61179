// Helpers for this package's tests (not exported from the entry).
import { Generator, Tensor } from "@descent/tensor";

/** Seeded standard-normal float64 values, optionally scaled and shifted. */
export function randn(shape: readonly number[], seed: number, mean = 0, std = 1): Tensor {
  return new Generator(seed).normal(shape, mean, std, { dtype: "float64" });
}

/** The values of a tensor as a plain array, row-major. */
export function flat(t: Tensor): number[] {
  return Array.from(t.toFlatArray());
}

/** Largest |a − b| / max(1, |b|) over two equally long lists. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return worst;
}
