import { inKernelMemory, kernelMemoryArray } from "@descent/tensor";
import type { FloatArray } from "./param";

/**
 * A zero-filled array of the same length and dtype (PyTorch's `torch.zeros_like`), placed in the
 * kernel memory when the array is, so the fused updates keep working in place.
 */
export function zerosLike(array: FloatArray): FloatArray {
  const dtype = array instanceof Float64Array ? "float64" : "float32";
  if (inKernelMemory(array)) return kernelMemoryArray(dtype, array.length);
  return dtype === "float64" ? new Float64Array(array.length) : new Float32Array(array.length);
}

/** An array of the same length and dtype filled with `value` (PyTorch's `torch.full_like`). */
export function fullLike(array: FloatArray, value: number): FloatArray {
  return zerosLike(array).fill(value);
}
