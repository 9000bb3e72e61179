import { Tensor } from "@descent/tensor";
import type { DType, FloatArray } from "@descent/tensor";

/** The elements of a float tensor as one row-major typed array: a view when the tensor is contiguous, else a copy. */
export function contiguousValues(t: Tensor): FloatArray {
  const c = t.isContiguous() ? t : t.contiguous();
  return c.data.subarray(c.offset, c.offset + c.size) as FloatArray;
}

/** A fresh typed array of the dtype (float32 or float64). */
export function allocate(dtype: DType, length: number): FloatArray {
  return dtype === "float32" ? new Float32Array(length) : new Float64Array(length);
}

/** A new tensor of the dtype holding `values` (rounded to float32 when the dtype is float32). */
export function tensorOf(values: ArrayLike<number>, shape: readonly number[], dtype: DType): Tensor {
  const data = allocate(dtype, values.length);
  data.set(values);
  return new Tensor(data, shape);
}
