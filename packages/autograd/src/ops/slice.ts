import { Tensor, invalidArgument } from "@descent/tensor";
import type { SliceRange as TensorSliceRange } from "@descent/tensor";
import type { Variable } from "../variable";
import { floatVariable, normalizeAxis, record } from "./record";

/** One entry per leading dimension: an index (drops the dimension), [start, stop, step] (Python slice rules), or null (all). */
export type SliceRange = number | readonly [start?: number | null, stop?: number | null, step?: number | null] | null;

/**
 * A view on part of x, with NumPy/Python slicing rules. The gradient is the output's
 * gradient placed into zeros of x's shape; that placement's own gradient is the slice again.
 */
export function slice(x: Variable, ...ranges: SliceRange[]): Variable {
  const input = floatVariable("slice", "x", x);
  if (ranges.length > input.ndim) throw invalidArgument("slice", "ranges", ranges.length, `at most ${input.ndim} ranges for shape [${input.shape.join(", ")}]`);
  const out = input.data.slice(...tensorRanges(ranges));
  return record("slice", [input], out, (g) => [sliceBackward(g, input.shape, ranges)]);
}

/** `length` elements of `axis` from `start` (PyTorch's `narrow`). */
export function narrow(x: Variable, axis: number, start: number, length: number): Variable {
  const input = floatVariable("narrow", "x", x);
  const a = normalizeAxis("narrow", axis, input.ndim);
  const size = input.shape[a];
  const first = start < 0 ? start + size : start;
  if (!Number.isInteger(first) || first < 0 || first > size) throw invalidArgument("narrow", "start", start, `an integer in [${-size}, ${size}]`);
  if (!Number.isInteger(length) || length < 0 || first + length > size) {
    throw invalidArgument("narrow", "length", length, `an integer in [0, ${size - first}] (axis ${axis} has size ${size}, start ${first})`);
  }
  const ranges: SliceRange[] = input.shape.map((_, i) => (i === a ? [first, first + length] : null));
  return slice(input, ...ranges);
}

/** The entries at `index` along `axis`, dropping that axis (PyTorch's `select`). */
export function select(x: Variable, axis: number, index: number): Variable {
  const input = floatVariable("select", "x", x);
  const a = normalizeAxis("select", axis, input.ndim);
  const size = input.shape[a];
  if (!Number.isInteger(index) || index < -size || index >= size) throw invalidArgument("select", "index", index, `an integer in [${-size}, ${size - 1}]`);
  const ranges: SliceRange[] = input.shape.slice(0, a + 1).map((_, i) => (i === a ? (index < 0 ? index + size : index) : null));
  return slice(input, ...ranges);
}

/** Zeros of `shape` with the slice `ranges` set to g: the VJP of slice, linear in g. */
function sliceBackward(g: Variable, shape: readonly number[], ranges: readonly SliceRange[]): Variable {
  const out = Tensor.zeros(shape, { dtype: g.dtype });
  out.slice(...tensorRanges(ranges)).copyFrom(g.data);
  return record("sliceBackward", [g], out, (gg) => [slice(gg, ...ranges)]);
}

/** The same ranges for @descent/tensor, whose slices take undefined (not null) for a default start, stop or step. */
function tensorRanges(ranges: readonly SliceRange[]): TensorSliceRange[] {
  return ranges.map((r) => (Array.isArray(r) ? ((r as readonly (number | null | undefined)[]).map((v) => v ?? undefined) as unknown as TensorSliceRange) : (r as TensorSliceRange)));
}
