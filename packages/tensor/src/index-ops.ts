import { allocate, checkDType } from "./dtype";
import type { DType } from "./dtype";
import { DTypeError, ShapeError, invalidArgument } from "./errors";
import { astype } from "./convert";
import { walkPoints } from "./iterate";
import { contiguousStrides, formatShape, normalizeAxis } from "./shape";
import { Tensor } from "./tensor";

/**
 * torch.gather / scatter_add / one_hot. The index tensor is walked row by row (its last
 * dimension); the offset into `input` moves with the index along every axis except `axis`,
 * where the index value chooses the position.
 */

function checkIndex(fn: string, input: Tensor, axis: number, index: unknown, limitShape: readonly number[], limitName: string): Tensor {
  if (!(index instanceof Tensor)) throw invalidArgument(fn, "index", index, "an int32 Tensor");
  if (index.dtype !== "int32") throw new DTypeError(`${fn}: index has dtype ${index.dtype}, expected int32`);
  if (index.ndim !== input.ndim) {
    throw new ShapeError(`${fn}: index has shape ${formatShape(index.shape)} and input ${formatShape(input.shape)}, expected the same number of dimensions`);
  }
  for (let d = 0; d < index.ndim; d++) {
    if (index.shape[d] > limitShape[d] && (d !== axis || limitName === "src")) {
      throw new ShapeError(
        `${fn}: index has shape ${formatShape(index.shape)}, larger than ${limitName} ${formatShape(limitShape)} at dimension ${d}`,
      );
    }
  }
  return index;
}

function outOfRange(fn: string, value: number, axis: number, size: number): Error {
  return invalidArgument(fn, "index", `a tensor containing ${value}`, `indices in [0, ${size - 1}] along axis ${axis} of size ${size}`);
}

/** Visits the index tensor one last-axis run at a time: offsets [index, a, b] for the run start. */
function walkIndexRows(index: Tensor, a: Tensor, aStrides: number[], b: Tensor | null, bStrides: number[], visit: (p: number[], n: number) => void): void {
  const nd = index.ndim;
  if (nd === 0) {
    visit([index.offset, a.offset, b === null ? 0 : b.offset], 1);
    return;
  }
  const outer = index.shape.slice(0, nd - 1);
  const bs = b === null ? new Array<number>(nd).fill(0) : bStrides;
  const n = index.shape[nd - 1];
  walkPoints(outer, [index.strides.slice(0, nd - 1), aStrides.slice(0, nd - 1), bs.slice(0, nd - 1)], [index.offset, a.offset, b === null ? 0 : b.offset], (p) => {
    visit(p, n);
  });
}

export function gather(input: Tensor, axis: number, index: Tensor): Tensor {
  const fn = "gather";
  const a = normalizeAxis(fn, axis, input.ndim);
  checkIndex(fn, input, a, index, input.shape, "input");
  const out = new Tensor(allocate(input.dtype, index.size), index.shape);
  const nd = input.ndim;
  const size = input.shape[a];
  const axisStride = input.strides[a];
  const inStrides = input.strides.map((s, d) => (d === a ? 0 : s));
  const outStrides = contiguousStrides(index.shape);
  const idx = index.data;
  const src = input.data;
  const dst = out.data;
  const is = nd > 0 ? index.strides[nd - 1] : 0;
  const ins = nd > 0 ? inStrides[nd - 1] : 0;
  // First pass: validate every index so a bad one throws before anything is computed.
  walkIndexRows(index, input, inStrides, null, [], (p, n) => {
    for (let j = 0, q = p[0]; j < n; j++, q += is) if (idx[q] < 0 || idx[q] >= size) throw outOfRange(fn, idx[q], a, size);
  });
  walkIndexRows(index, input, inStrides, out, outStrides, (p, n) => {
    for (let j = 0, q = p[0], r = p[1], o = p[2]; j < n; j++, q += is, r += ins, o++) dst[o] = src[r + idx[q] * axisStride];
  });
  return out;
}

export function scatterAdd(input: Tensor, axis: number, index: Tensor, src: Tensor): Tensor {
  const fn = "scatterAdd";
  if (!(src instanceof Tensor)) throw invalidArgument(fn, "src", src, "a Tensor");
  const a = normalizeAxis(fn, axis, input.ndim);
  if (src.ndim !== input.ndim) {
    throw new ShapeError(`${fn}: src has shape ${formatShape(src.shape)} and input ${formatShape(input.shape)}, expected the same number of dimensions`);
  }
  checkIndex(fn, input, a, index, input.shape, "input");
  checkIndex(fn, input, a, index, src.shape, "src");
  const out = astype(input, input.dtype);
  const nd = input.ndim;
  const size = input.shape[a];
  const axisStride = out.strides[a];
  const outStrides = out.strides.map((s, d) => (d === a ? 0 : s));
  const idx = index.data;
  const sd = src.data;
  const dst = out.data;
  const is = nd > 0 ? index.strides[nd - 1] : 0;
  const os = nd > 0 ? outStrides[nd - 1] : 0;
  const ss = nd > 0 ? src.strides[nd - 1] : 0;
  walkIndexRows(index, out, outStrides, null, [], (p, n) => {
    for (let j = 0, q = p[0]; j < n; j++, q += is) if (idx[q] < 0 || idx[q] >= size) throw outOfRange(fn, idx[q], a, size);
  });
  walkIndexRows(index, out, outStrides, src, src.strides as number[], (p, n) => {
    for (let j = 0, q = p[0], o = p[1], r = p[2]; j < n; j++, q += is, o += os, r += ss) dst[o + idx[q] * axisStride] += sd[r];
  });
  return out;
}

/** A tensor of shape [...indices.shape, numClasses] with 1 at each index and 0 elsewhere (float32 by default). */
export function oneHot(indices: Tensor, numClasses: number, options?: { dtype?: DType }): Tensor {
  const fn = "oneHot";
  if (!(indices instanceof Tensor)) throw invalidArgument(fn, "indices", indices, "an int32 Tensor");
  if (indices.dtype !== "int32") throw new DTypeError(`${fn}: indices has dtype ${indices.dtype}, expected int32`);
  if (!Number.isInteger(numClasses) || numClasses < 1) throw invalidArgument(fn, "numClasses", numClasses, "a positive integer");
  const dtype = options?.dtype === undefined ? "float32" : checkDType(fn, options.dtype);
  const flat = indices.toFlatArray();
  for (const v of flat) if (v < 0 || v >= numClasses) throw invalidArgument(fn, "indices", `a tensor containing ${v}`, `values in [0, ${numClasses - 1}]`);
  const out = allocate(dtype, flat.length * numClasses);
  for (let i = 0; i < flat.length; i++) out[i * numClasses + flat[i]] = 1;
  return new Tensor(out, [...indices.shape, numClasses]);
}
