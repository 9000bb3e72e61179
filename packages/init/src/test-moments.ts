/** Sample statistics for the initializers' tests (not exported from the package). */
export interface Moments {
  mean: number;
  variance: number;
  min: number;
  max: number;
}

/** Mean, population variance (two-pass), min and max of the values. */
export function moments(values: ArrayLike<number>): Moments {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return { mean, variance: squares / values.length, min, max };
}
