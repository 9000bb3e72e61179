import { checkBroadcastsTo } from "./broadcast";
import { ShapeError, invalidArgument } from "./errors";
import { astype } from "./convert";
import { contiguousStrides, formatShape, normalizeAxis, sizeOf } from "./shape";
import type { Shape } from "./shape";
import { Tensor } from "./tensor";

/**
 * Views: new Tensor objects over the same storage with a different shape, strides or
 * offset. Nothing here copies, except `reshape` when no strides can express the new shape
 * (then it copies, as torch.reshape does).
 */

/** One axis of a slice: an index (drops the axis), [start, stop, step] with Python semantics, or null (all). */
export type SliceRange =
  | number
  | readonly [start?: number | null | undefined, stop?: number | null | undefined, step?: number | null | undefined]
  | null
  | undefined;

function make(t: Tensor, shape: readonly number[], strides: readonly number[], offset: number): Tensor {
  return new Tensor(t.data, shape, strides, offset);
}

/** Resolves one -1 in `shape` against `size`; ShapeError when the sizes disagree. */
function resolveShape(fn: string, t: Tensor, shape: unknown): number[] {
  if (!Array.isArray(shape)) throw invalidArgument(fn, "shape", shape, "an array of integers (one may be -1)");
  const dims = (shape as unknown[]).slice() as number[];
  let infer = -1;
  let known = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    if (d === -1 && infer < 0) infer = i;
    else if (!Number.isInteger(d) || d < 0) throw invalidArgument(fn, `shape[${i}]`, d, "a non-negative integer or a single -1");
    else known *= d;
  }
  if (infer >= 0) {
    if (known === 0 || t.size % known !== 0) {
      throw new ShapeError(`${fn}: cannot reshape a tensor of shape ${formatShape(t.shape)} (${t.size} elements) to ${formatShape(shape)}`);
    }
    dims[infer] = t.size / known;
  }
  if (sizeOf(dims) !== t.size) {
    throw new ShapeError(`${fn}: cannot reshape a tensor of shape ${formatShape(t.shape)} (${t.size} elements) to ${formatShape(shape)}`);
  }
  return dims;
}

/**
 * Strides that let the storage of `t` be read with `shape`, or null when none exist.
 * PyTorch's computeStride: each run of dimensions that is contiguous among itself
 * ("chunk") must be split into whole new dimensions.
 */
function viewStrides(t: Tensor, shape: readonly number[]): number[] | null {
  if (t.size === 0 || t.ndim === 0) return contiguousStrides(shape);
  const newStrides = new Array<number>(shape.length).fill(0);
  let viewD = shape.length - 1;
  let chunkBase = t.strides[t.ndim - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = t.ndim - 1; d >= 0; d--) {
    tensorNumel *= t.shape[d];
    if (d === 0 || (t.shape[d - 1] !== 1 && t.strides[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBase;
        viewNumel *= shape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = t.strides[d - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? newStrides : null;
}

export function reshape(t: Tensor, shape: Shape): Tensor {
  const dims = resolveShape("reshape", t, shape);
  const strides = viewStrides(t, dims);
  if (strides !== null) return make(t, dims, strides, t.offset);
  const copy = astype(t, t.dtype);
  return make(copy, dims, contiguousStrides(dims), 0);
}

export function view(t: Tensor, shape: Shape): Tensor {
  const dims = resolveShape("view", t, shape);
  const strides = viewStrides(t, dims);
  if (strides === null) {
    throw new ShapeError(
      `view: a tensor of shape ${formatShape(t.shape)} with strides ${formatShape(t.strides)} cannot be viewed as ${formatShape(dims)} without copying; use reshape (which copies) or contiguous() first`,
    );
  }
  return make(t, dims, strides, t.offset);
}

export function permute(t: Tensor, dims: readonly number[]): Tensor {
  if (!Array.isArray(dims) || dims.length !== t.ndim) {
    throw invalidArgument("permute", "dims", dims, `a permutation of the ${t.ndim} axes of a tensor of shape ${formatShape(t.shape)}`);
  }
  const seen = new Array<boolean>(t.ndim).fill(false);
  const order = dims.map((d, i) => normalizeAxis("permute", d, t.ndim, `dims[${i}]`));
  for (const d of order) {
    if (seen[d]) throw invalidArgument("permute", "dims", dims, `a permutation of 0..${t.ndim - 1} (each axis once)`);
    seen[d] = true;
  }
  return make(t, order.map((d) => t.shape[d]), order.map((d) => t.strides[d]), t.offset);
}

export function transpose(t: Tensor, dim0?: number, dim1?: number): Tensor {
  if (dim0 === undefined && dim1 === undefined) {
    return make(t, t.shape.slice().reverse(), t.strides.slice().reverse(), t.offset);
  }
  if (dim0 === undefined || dim1 === undefined) {
    throw invalidArgument("transpose", dim0 === undefined ? "dim0" : "dim1", undefined, "both dim0 and dim1, or neither");
  }
  const a = normalizeAxis("transpose", dim0, t.ndim, "dim0");
  const b = normalizeAxis("transpose", dim1, t.ndim, "dim1");
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  [shape[a], shape[b]] = [shape[b], shape[a]];
  [strides[a], strides[b]] = [strides[b], strides[a]];
  return make(t, shape, strides, t.offset);
}

export function squeeze(t: Tensor, axis?: number | number[]): Tensor {
  let drop: Set<number>;
  if (axis === undefined) drop = new Set(t.shape.flatMap((d, i) => (d === 1 ? [i] : [])));
  else {
    const list = Array.isArray(axis) ? axis : [axis];
    drop = new Set(list.map((a) => normalizeAxis("squeeze", a, t.ndim)).filter((a) => t.shape[a] === 1));
  }
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < t.ndim; i++) {
    if (drop.has(i)) continue;
    shape.push(t.shape[i]);
    strides.push(t.strides[i]);
  }
  return make(t, shape, strides, t.offset);
}

export function unsqueeze(t: Tensor, axis: number): Tensor {
  const a = normalizeAxis("unsqueeze", axis, t.ndim + 1);
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  const stride = a < t.ndim ? t.shape[a] * t.strides[a] : 1;
  shape.splice(a, 0, 1);
  strides.splice(a, 0, stride);
  return make(t, shape, strides, t.offset);
}

/** expand (allowMinusOne: PyTorch) and broadcastTo (NumPy): size-1 and new leading dimensions get stride 0. */
export function expand(fn: string, t: Tensor, shape: Shape, allowMinusOne: boolean): Tensor {
  const given: unknown = shape;
  if (!Array.isArray(given)) throw invalidArgument(fn, "shape", shape, "an array of non-negative integers");
  const lead = shape.length - t.ndim;
  const dims: number[] = shape.slice();
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    const ok = Number.isInteger(d) && (d >= 0 || (allowMinusOne && d === -1 && i >= lead));
    if (!ok) throw invalidArgument(fn, `shape[${i}]`, d, allowMinusOne ? "a non-negative integer, or -1 to keep a size" : "a non-negative integer");
    if (d === -1) dims[i] = t.shape[i - lead];
  }
  checkBroadcastsTo(fn, t.shape, dims);
  const strides = new Array<number>(dims.length).fill(0);
  for (let i = 0; i < t.ndim; i++) strides[lead + i] = t.shape[i] === dims[lead + i] ? t.strides[i] : 0;
  return make(t, dims, strides, t.offset);
}

export function broadcastTo(t: Tensor, shape: Shape): Tensor {
  return expand("broadcastTo", t, shape, false);
}

function checkIndexInteger(fn: string, argument: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw invalidArgument(fn, argument, v, "an integer");
  return v;
}

export function slice(t: Tensor, ranges: readonly SliceRange[]): Tensor {
  const fn = "slice";
  if (ranges.length > t.ndim) {
    throw invalidArgument(fn, "ranges", ranges, `at most ${t.ndim} ranges for a tensor of shape ${formatShape(t.shape)}`);
  }
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = t.offset;
  for (let d = 0; d < t.ndim; d++) {
    const r = ranges[d];
    const len = t.shape[d];
    const stride = t.strides[d];
    if (r === undefined || r === null) {
      shape.push(len);
      strides.push(stride);
    } else if (typeof r === "number") {
      const i = checkIndexInteger(fn, `ranges[${d}]`, r);
      if (i < -len || i >= len) throw invalidArgument(fn, `ranges[${d}]`, r, `an index in [${-len}, ${len - 1}] for axis ${d} of size ${len}`);
      offset += (i < 0 ? i + len : i) * stride;
    } else if (Array.isArray(r)) {
      const range = r as readonly unknown[];
      const step = range[2] === undefined || range[2] === null ? 1 : checkIndexInteger(fn, `ranges[${d}][2]`, range[2]);
      if (step === 0) throw invalidArgument(fn, `ranges[${d}][2]`, 0, "a non-zero integer step");
      const [start, count] = sliceIndices(fn, d, range[0], range[1], step, len);
      if (count > 0) offset += start * stride;
      shape.push(count);
      strides.push(stride * step);
    } else {
      throw invalidArgument(fn, `ranges[${d}]`, r, "an index, [start, stop, step] or null");
    }
  }
  return make(t, shape, strides, offset);
}

/** Python's slice.indices: the first index and the element count for start/stop/step on an axis of `len`. */
function sliceIndices(fn: string, d: number, start: unknown, stop: unknown, step: number, len: number): [number, number] {
  const clampIndex = (v: unknown, which: string, fallback: number): number => {
    if (v === undefined || v === null) return fallback;
    let i = checkIndexInteger(fn, `ranges[${d}][${which}]`, v);
    if (i < 0) i += len;
    return step > 0 ? Math.min(Math.max(i, 0), len) : Math.min(Math.max(i, -1), len - 1);
  };
  const first = clampIndex(start, "0", step > 0 ? 0 : len - 1);
  const end = clampIndex(stop, "1", step > 0 ? len : -1);
  const count = Math.max(0, Math.ceil((end - first) / step));
  return [first, count];
}

export function narrow(t: Tensor, axis: number, start: number, length: number): Tensor {
  const a = normalizeAxis("narrow", axis, t.ndim);
  const len = t.shape[a];
  if (!Number.isInteger(start) || start < -len || start > len) {
    throw invalidArgument("narrow", "start", start, `an integer in [${-len}, ${len}] for axis ${a} of size ${len}`);
  }
  const from = start < 0 ? start + len : start;
  if (!Number.isInteger(length) || length < 0 || from + length > len) {
    throw invalidArgument("narrow", "length", length, `an integer in [0, ${len - from}] (start ${from} on axis ${a} of size ${len})`);
  }
  const shape = t.shape.slice();
  shape[a] = length;
  return make(t, shape, t.strides, length > 0 ? t.offset + from * t.strides[a] : t.offset);
}
