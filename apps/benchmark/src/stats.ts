/** Small statistics over samples; none of them mutates its input. */

/** The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics (NumPy's default). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

/**
 * Sample standard deviation (n − 1 in the denominator); 0 for a single value. Deviations are
 * scaled by the largest before squaring, so that a diverged run (1e200) gives a finite spread.
 */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let scale = 0;
  for (const v of values) scale = Math.max(scale, Math.abs(v - m));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let total = 0;
  for (const v of values) total += ((v - m) / scale) ** 2;
  return scale * Math.sqrt(total / (values.length - 1));
}
