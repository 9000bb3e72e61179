/** A classification set as flat float32 rows (features per row) and int32 labels, split into train and test. */
export interface Dataset {
  name: string;
  features: number;
  classes: number;
  xTrain: Float32Array;
  yTrain: Int32Array;
  xTest: Float32Array;
  yTest: Int32Array;
  /** How the Python peer finds the same data and split (sent as is in its task). */
  python: Record<string, unknown>;
}

/** Rows `indices` of `x` (row length `features`) into a new array. */
export function gatherRows(x: Float32Array, features: number, indices: ArrayLike<number>, start: number, end: number): Float32Array {
  const out = new Float32Array((end - start) * features);
  for (let r = start; r < end; r++) out.set(x.subarray(indices[r] * features, (indices[r] + 1) * features), (r - start) * features);
  return out;
}

export function gatherLabels(y: Int32Array, indices: ArrayLike<number>, start: number, end: number): Int32Array {
  const out = new Int32Array(end - start);
  for (let r = start; r < end; r++) out[r - start] = y[indices[r]];
  return out;
}
