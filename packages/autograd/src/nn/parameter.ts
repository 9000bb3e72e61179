import { Tensor, invalidArgument } from "@descent/tensor";
import { Variable } from "../variable";

/**
 * A leaf Variable that a Module owns and an optimizer updates. Its `data` is always a
 * contiguous tensor at offset 0 that owns its whole storage, so `param.data.data` is exactly
 * the parameter's values in row-major order, the array @descent/optim updates in place.
 */
export class Parameter extends Variable {
  constructor(data: Tensor, options: { requiresGrad?: boolean } = {}) {
    if (!(data instanceof Tensor)) throw invalidArgument("Parameter", "data", data, "a Tensor");
    if (data.dtype === "int32") throw invalidArgument("Parameter", "data.dtype", data.dtype, "float32 or float64");
    super(ownsStorage(data) ? data : data.clone(), { requiresGrad: options.requiresGrad ?? true });
  }
}

function ownsStorage(t: Tensor): boolean {
  return t.isContiguous() && t.offset === 0 && t.data.length === t.size;
}
