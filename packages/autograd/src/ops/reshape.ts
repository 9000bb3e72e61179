import { ShapeError, invalidArgument } from "@descent/tensor";
import type { Variable } from "../variable";
import { floatVariable, normalizeAxis, record } from "./record";

/** A new shape with the same elements (one entry may be −1: inferred). A view when the layout allows. */
export function reshape(x: Variable, shape: readonly number[]): Variable {
  const input = floatVariable("reshape", "x", x);
  const target = resolveShape("reshape", input.shape, shape);
  return record("reshape", [input], input.data.reshape(target), (g) => [reshape(g, input.shape)]);
}

/** Flattens dimensions startDim..endDim into one (PyTorch's `flatten`, default all). */
export function flatten(x: Variable, startDim = 0, endDim = -1): Variable {
  const input = floatVariable("flatten", "x", x);
  if (input.ndim === 0) return reshape(input, [1]);
  const start = normalizeAxis("flatten", startDim, input.ndim, "startDim");
  const end = normalizeAxis("flatten", endDim, input.ndim, "endDim");
  if (start > end) throw invalidArgument("flatten", "startDim", startDim, `an axis before endDim ${endDim}`);
  const merged = input.shape.slice(start, end + 1).reduce((p, d) => p * d, 1);
  return reshape(input, [...input.shape.slice(0, start), merged, ...input.shape.slice(end + 1)]);
}

/** Removes dimensions of size 1: all of them, or only `axis` (left as it is when its size is not 1, as PyTorch). */
export function squeeze(x: Variable, axis?: number): Variable {
  const input = floatVariable("squeeze", "x", x);
  if (axis === undefined) return reshape(input, input.shape.filter((d) => d !== 1));
  const a = normalizeAxis("squeeze", axis, input.ndim);
  if (input.ndim === 0 || input.shape[a] !== 1) return input;
  return reshape(input, input.shape.filter((_, i) => i !== a));
}

/** Inserts a dimension of size 1 at `axis` (in [−ndim−1, ndim]). */
export function unsqueeze(x: Variable, axis: number): Variable {
  const input = floatVariable("unsqueeze", "x", x);
  const a = normalizeAxis("unsqueeze", axis, input.ndim + 1);
  return reshape(input, [...input.shape.slice(0, a), 1, ...input.shape.slice(a)]);
}

/** Replaces one −1 by the size that keeps the element count, checking the count. */
export function resolveShape(fn: string, from: readonly number[], shape: readonly number[]): number[] {
  const size = from.reduce((p, d) => p * d, 1);
  const inferred = shape.filter((d) => d === -1).length;
  if (inferred > 1 || shape.some((d) => !Number.isInteger(d) || d < -1)) {
    throw invalidArgument(fn, "shape", shape, "non-negative integers with at most one −1");
  }
  const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const target = shape.map((d) => (d === -1 ? (known === 0 ? 0 : size / known) : d));
  if (!Number.isInteger(target[shape.indexOf(-1)] ?? 0) || target.reduce((p, d) => p * d, 1) !== size) {
    throw new ShapeError(`${fn}: cannot reshape [${from.join(", ")}] (${size} elements) to [${shape.join(", ")}]`);
  }
  return target;
}
