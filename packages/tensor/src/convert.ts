import { broadcastStrides, checkBroadcastsTo } from "./broadcast";
import { allocate } from "./dtype";
import type { DType, TypedArray } from "./dtype";
import { invalidArgument } from "./errors";
import { coalesce, splitInnermost, walkPoints } from "./iterate";
import { kernels } from "./kernels/index";
import { checkNumber, contiguousStrides, formatShape } from "./shape";
import type { NestedArray } from "./create";
import { Tensor } from "./tensor";
import { inKernelMemory, kernelMemoryArray } from "./wasm/kernel-memory";

/**
 * Copies the elements of `src` (already broadcast-compatible with `dstShape`) into `dst`
 * laid out with `dstStrides` from `dstOffset`, converting to dst's element type.
 */
export function copyStrided(
  dst: TypedArray, dstOffset: number, dstShape: readonly number[], dstStrides: readonly number[], src: Tensor,
): void {
  const srcStrides = broadcastStrides(src, dstShape);
  const c = coalesce(dstShape, [dstStrides, srcStrides]);
  const { n, inner, outerShape, outerStrides } = splitInnermost(c);
  const copy = kernels.copy;
  const [os, ss] = inner;
  const s = src.data;
  walkPoints(outerShape, outerStrides, [dstOffset, src.offset], (p) => {
    copy(dst, p[0], os, s, p[1], ss, n);
  });
}

/** A new contiguous tensor of `dtype` holding t's elements (always a copy). */
export function astype(t: Tensor, dtype: DType): Tensor {
  const data = allocate(dtype, t.size);
  if (t.isContiguous() && t.dtype === dtype) {
    data.set(t.data.subarray(t.offset, t.offset + t.size));
  } else {
    copyStrided(data, 0, t.shape, contiguousStrides(t.shape), t);
  }
  return new Tensor(data, t.shape);
}

/**
 * t with its storage in the kernel memory, where the fused optimizer updates (and the wasm
 * element-wise kernels) work on it in place: t itself when it already lies there, else a
 * contiguous copy placed there. Meant for long-lived float tensors such as parameters. An int32
 * tensor, or a host where nothing can be placed (no wasm SIMD, or no shared memory), gets t back.
 */
export function placeInKernelMemory(t: Tensor): Tensor {
  if (!(t instanceof Tensor)) throw invalidArgument("placeInKernelMemory", "t", t, "a Tensor");
  if (t.dtype === "int32" || inKernelMemory(t.data)) return t;
  const data = kernelMemoryArray(t.dtype, t.size);
  if (!inKernelMemory(data)) return t;
  copyStrided(data, 0, t.shape, contiguousStrides(t.shape), t);
  return new Tensor(data, t.shape);
}

export function contiguous(t: Tensor): Tensor {
  return t.isContiguous() ? t : astype(t, t.dtype);
}

export function toFlatArray(t: Tensor): TypedArray {
  return astype(t, t.dtype).data;
}

export function item(t: Tensor): number {
  if (t.size !== 1) throw invalidArgument("item", "tensor", `of shape ${formatShape(t.shape)}`, "a tensor with exactly one element");
  return t.data[t.offset];
}

export function toArray(t: Tensor): NestedArray {
  const flat = toFlatArray(t);
  if (t.ndim === 0) return flat[0];
  let pos = 0;
  const build = (d: number): NestedArray[] => {
    const n = t.shape[d];
    const out = new Array<NestedArray>(n);
    if (d === t.ndim - 1) for (let i = 0; i < n; i++) out[i] = flat[pos++];
    else for (let i = 0; i < n; i++) out[i] = build(d + 1);
    return out;
  };
  return build(0);
}

/** Throws unless writing through `t` touches each element once (no stride-0 broadcast dimension). */
export function checkWritable(fn: string, t: Tensor): void {
  for (let i = 0; i < t.ndim; i++) {
    if (t.strides[i] === 0 && t.shape[i] > 1) {
      throw invalidArgument(
        fn,
        "this",
        `a broadcast view of shape ${formatShape(t.shape)} with strides ${formatShape(t.strides)}`,
        "a tensor whose elements do not share memory (call contiguous() first)",
      );
    }
  }
}

export function fill(t: Tensor, value: number): void {
  checkNumber("fill", "value", value);
  checkWritable("fill", t);
  if (t.isContiguous()) {
    t.data.fill(value, t.offset, t.offset + t.size);
    return;
  }
  const src = allocate(t.dtype, 1);
  src[0] = value;
  copyStrided(t.data, t.offset, t.shape, t.strides, new Tensor(src, []));
}

/** Writes `src`, broadcast to t's shape and converted to t's dtype (as PyTorch's copy_), into t. */
export function copyFrom(t: Tensor, src: Tensor): void {
  if (!(src instanceof Tensor)) throw invalidArgument("copyFrom", "src", src, "a Tensor");
  checkWritable("copyFrom", t);
  checkBroadcastsTo("copyFrom", src.shape, t.shape);
  if (src.dtype === t.dtype && t.isContiguous() && src.isContiguous() && src.ndim === t.ndim && src.shape.every((d, i) => d === t.shape[i])) {
    // One block copy (a memmove, so overlapping storage is fine): several times the element loop's speed.
    (t.data as Float64Array).set(src.data.subarray(src.offset, src.offset + src.size), t.offset);
    return;
  }
  // Read from a private copy when src overlaps t's storage, so no element is read after it was written.
  const from = src.data === t.data ? astype(src, src.dtype) : src;
  copyStrided(t.data, t.offset, t.shape, t.strides, from);
}
