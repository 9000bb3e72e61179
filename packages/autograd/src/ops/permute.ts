import { invalidArgument } from "@descent/tensor";
import type { Variable } from "../variable";
import { floatVariable, normalizeAxis, record } from "./record";

/** Reorders dimensions (a view). The gradient is permuted back by the inverse permutation. */
export function permute(x: Variable, dims: readonly number[]): Variable {
  const input = floatVariable("permute", "x", x);
  const order = dims.map((d) => normalizeAxis("permute", d, input.ndim, "dims"));
  if (order.length !== input.ndim || new Set(order).size !== order.length) {
    throw invalidArgument("permute", "dims", dims, `a permutation of the ${input.ndim} axes of shape [${input.shape.join(", ")}]`);
  }
  const inverse = new Array<number>(order.length);
  order.forEach((d, i) => (inverse[d] = i));
  return record("permute", [input], input.data.permute(order), (g) => [permute(g, inverse)]);
}

/** Swaps two dimensions; without arguments reverses them all (the matrix transpose for 2-D). */
export function transpose(x: Variable, dim0?: number, dim1?: number): Variable {
  const input = floatVariable("transpose", "x", x);
  const n = input.ndim;
  if (dim0 === undefined && dim1 === undefined) return permute(input, Array.from({ length: n }, (_, i) => n - 1 - i));
  if (dim0 === undefined || dim1 === undefined) throw invalidArgument("transpose", "dim1", dim1, "both dim0 and dim1, or neither");
  const a = normalizeAxis("transpose", dim0, n, "dim0");
  const b = normalizeAxis("transpose", dim1, n, "dim1");
  const order = Array.from({ length: n }, (_, i) => (i === a ? b : i === b ? a : i));
  return permute(input, order);
}
