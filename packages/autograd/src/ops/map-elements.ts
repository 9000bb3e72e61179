import { Tensor } from "@descent/tensor";

/**
 * Applies a scalar function to every element, in float64, and returns a new contiguous
 * tensor of the same shape and dtype. For the few functions @descent/tensor has no kernel
 * for (erf, GELU, softplus); the hot element-wise ops use the tensor's kernels.
 */
export function mapElements(t: Tensor, f: (value: number) => number): Tensor {
  const source = t.toFlatArray();
  const out = t.dtype === "float32" ? new Float32Array(source.length) : new Float64Array(source.length);
  for (let i = 0; i < source.length; i++) out[i] = f(source[i]);
  return new Tensor(out, t.shape);
}
