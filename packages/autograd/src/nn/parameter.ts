import { Tensor, invalidArgument } from "@descent/tensor";
import type { FloatArray } from "@descent/tensor";
import { Variable } from "../variable";

/** A tensor whose storage is float32 or float64: what parameters and their gradients are. */
export type FloatTensor = Tensor & { readonly data: FloatArray };

/**
 * A leaf Variable that a Module owns and an optimizer updates. Its `data` is always a
 * contiguous tensor at offset 0 that owns its whole storage, so `param.data.data` is exactly
 * the parameter's values in row-major order, the array @descent/optim updates in place; `grad`
 * has the same layout. The types say so (`FloatTensor`), so a Parameter is an optimizer's
 * `{ data: { data: FloatArray }, grad: { data: FloatArray } | null }` as it is.
 */
export class Parameter extends Variable {
  declare readonly data: FloatTensor;

  constructor(data: Tensor, options: { requiresGrad?: boolean } = {}) {
    if (!(data instanceof Tensor)) throw invalidArgument("Parameter", "data", data, "a Tensor");
    if (data.dtype === "int32") throw invalidArgument("Parameter", "data.dtype", data.dtype, "float32 or float64");
    super(ownsStorage(data) ? data : data.clone(), { requiresGrad: options.requiresGrad ?? true });
  }

  override get grad(): FloatTensor | null {
    // Variable checks every assigned gradient against the parameter's (float) dtype and shape.
    return super.grad as FloatTensor | null;
  }

  override set grad(value: Tensor | null) {
    super.grad = value;
  }
}

function ownsStorage(t: Tensor): boolean {
  return t.isContiguous() && t.offset === 0 && t.data.length === t.size;
}
