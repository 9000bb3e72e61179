import { ShapeError, Tensor, invalidArgument } from "@descent/tensor";
import type { Variable } from "../variable";
import { floatVariable, normalizeAxis, record } from "./record";

/**
 * torch.gather: out[i][j][k] = x[index[i][j][k]][j][k] for axis 0 (and so on). The index
 * is an int32 constant of x's ndim. The gradient scatter-adds into zeros of x's shape.
 */
export function gather(x: Variable, axis: number, index: Tensor): Variable {
  const input = floatVariable("gather", "x", x);
  const a = normalizeAxis("gather", axis, input.ndim);
  checkIndex("gather", index, input.shape, a);
  return record("gather", [input], input.data.gather(a, index), (g) => [scatterAdd(Tensor.zeros(input.shape, { dtype: g.dtype }), a, index, g)]);
}

/**
 * torch.scatter_add out of place: x with src[i][j][k] added at x[index[i][j][k]][j][k]
 * (axis 0). Differentiable in x (gradient g) and src (gradient gather(g, axis, index)).
 */
export function scatterAdd(x: Variable | Tensor, axis: number, index: Tensor, src: Variable | Tensor): Variable {
  const base = floatVariable("scatterAdd", "x", x);
  const source = floatVariable("scatterAdd", "src", src);
  const a = normalizeAxis("scatterAdd", axis, base.ndim);
  checkIndex("scatterAdd", index, base.shape, a);
  if (source.ndim !== index.ndim || index.shape.some((d, i) => d > source.shape[i])) {
    throw new ShapeError(`scatterAdd: index of shape [${index.shape.join(", ")}] does not fit src of shape [${source.shape.join(", ")}]`);
  }
  return record("scatterAdd", [base, source], base.data.scatterAdd(a, index, source.data), (g) => [g, gather(g, a, index)]);
}

function checkIndex(fn: string, index: Tensor, shape: readonly number[], axis: number): void {
  if (!(index instanceof Tensor) || index.dtype !== "int32") throw invalidArgument(fn, "index", index instanceof Tensor ? index.dtype : index, "an int32 Tensor");
  if (index.ndim !== shape.length) {
    throw new ShapeError(`${fn}: index has shape [${index.shape.join(", ")}], expected ${shape.length} dimensions like x of shape [${shape.join(", ")}]`);
  }
  if (index.shape.some((d, i) => i !== axis && d > shape[i])) {
    throw new ShapeError(`${fn}: index of shape [${index.shape.join(", ")}] is larger than x of shape [${shape.join(", ")}] outside axis ${axis}`);
  }
  const values = index.toFlatArray();
  const size = shape[axis];
  for (const v of values) {
    if (v < 0 || v >= size) throw invalidArgument(fn, "index", v, `an index in [0, ${size}) along axis ${axis}`);
  }
}
