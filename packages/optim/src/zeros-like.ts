import type { FloatArray } from "./param";

/** A zero-filled array of the same length and dtype (PyTorch's `torch.zeros_like`). */
export function zerosLike(array: FloatArray): FloatArray {
  return array instanceof Float64Array ? new Float64Array(array.length) : new Float32Array(array.length);
}

/** An array of the same length and dtype filled with `value` (PyTorch's `torch.full_like`). */
export function fullLike(array: FloatArray, value: number): FloatArray {
  return zerosLike(array).fill(value);
}
