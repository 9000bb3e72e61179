import { astype } from "./convert";
import { allocate, floatTypeOf } from "./dtype";
import type { DType, TypedArray } from "./dtype";
import { invalidArgument } from "./errors";
import { coalesce, walkPoints } from "./iterate";
import { kernels } from "./kernels/index";
import type { ReduceKernel } from "./kernels/index";
import { contiguousStrides, formatShape, normalizeAxes, normalizeAxis } from "./shape";
import { Tensor } from "./tensor";

/** Axes to reduce: one axis, a list, or undefined/null for all of them. */
export type Axes = number | readonly number[] | null | undefined;

export interface VarOptions {
  /** Subtracted from the count in the denominator: 1 (default) is Bessel's unbiased estimate, 0 the population variance. */
  correction?: number;
  keepdim?: boolean;
}

/**
 * Reduces `t` over `axes` with a kernel that folds one strided run into a number, then
 * `finish(value, count)` maps that number to the stored result. The reduced dimensions are
 * walked as one strided run when their layout allows (always for a single axis), otherwise
 * through a contiguous copy in (kept…, reduced…) order.
 */
export function reduceWith(
  fn: string, t: Tensor, axes: Axes, keepdim: unknown, dtype: DType,
  kernel: ReduceKernel | "sum", finish?: (value: number, count: number) => number,
): Tensor {
  if (!(t instanceof Tensor)) throw invalidArgument(fn, "input", t, "a Tensor");
  if (typeof keepdim !== "boolean") throw invalidArgument(fn, "keepdim", keepdim, "a boolean");
  const reduced = normalizeAxes(fn, axes, t.ndim);
  const isReduced = new Array<boolean>(t.ndim).fill(false);
  for (const a of reduced) isReduced[a] = true;
  const kept = t.shape.flatMap((_, i) => (isReduced[i] ? [] : [i]));
  const keptShape = kept.map((i) => t.shape[i]);
  const outShape = keepdim ? t.shape.map((d, i) => (isReduced[i] ? 1 : d)) : keptShape;
  let count = 1;
  for (const a of reduced) count *= t.shape[a];

  const out = allocate(dtype, keptShape.reduce((x, y) => x * y, 1));
  if (kernel === "sum" && isLeadingOf(reduced, t) && t.isContiguous()) {
    // Σ over the leading axes (a bias gradient, a batch mean): the rows are read in memory order,
    // each column's total the very number the strided walk below adds up.
    const sums = new Float64Array(out.length);
    kernels.sumRows(t.data, t.offset, count, out.length, sums);
    for (let c = 0; c < out.length; c++) out[c] = finish === undefined ? sums[c] : finish(sums[c], count);
    return new Tensor(out, outShape);
  }
  const fold = kernel === "sum" ? kernels.sum : kernel;
  let src: TypedArray = t.data;
  let base = t.offset;
  let keptStrides = kept.map((i) => t.strides[i]);
  let runStride = 0;
  const run = coalesce(reduced.map((i) => t.shape[i]), [reduced.map((i) => t.strides[i])]);
  if (run.shape.length === 1) runStride = run.strides[0][0];
  else if (run.shape.length > 1) {
    // The reduced dimensions do not form one strided run: copy them into one.
    const order = [...kept, ...reduced];
    const moved = astype(t.permute(order), t.dtype);
    src = moved.data;
    base = 0;
    keptStrides = contiguousStrides(keptShape).map((s) => s * count);
    runStride = 1;
  }
  const outStrides = contiguousStrides(keptShape);
  walkPoints(keptShape, [outStrides, keptStrides], [0, base], (p) => {
    const v = fold(src, p[1], runStride, count);
    out[p[0]] = finish === undefined ? v : finish(v, count);
  });
  return new Tensor(out, outShape);
}

/** True when `reduced` (sorted, distinct) are the first axes of t and at least one axis is kept. */
function isLeadingOf(reduced: readonly number[], t: Tensor): boolean {
  return reduced.length > 0 && reduced.length < t.ndim && reduced.every((axis, i) => axis === i);
}

export function sumAxes(fn: string, t: Tensor, axes: Axes, keepdim: boolean): Tensor {
  return reduceWith(fn, t, axes, keepdim, t.dtype, "sum");
}

export function mean(t: Tensor, axes: Axes, keepdim: boolean): Tensor {
  return reduceWith("mean", t, axes, keepdim, floatTypeOf(t.dtype), "sum", (v, n) => v / n);
}

function checkVarOptions(fn: string, options: unknown): { correction: number; keepdim: boolean } {
  if (options === undefined) return { correction: 1, keepdim: false };
  if (typeof options !== "object" || options === null) throw invalidArgument(fn, "options", options, "{ correction?: number; keepdim?: boolean }");
  const { correction = 1, keepdim = false } = options as VarOptions;
  if (typeof correction !== "number" || !Number.isFinite(correction) || correction < 0) {
    throw invalidArgument(fn, "correction", correction, "a finite number >= 0");
  }
  return { correction, keepdim };
}

/** Σ(x - mean)² / max(0, n - correction), as torch.var (0/0 gives NaN, x/0 gives Infinity). */
export function variance(fn: string, t: Tensor, axes: Axes, options: VarOptions | undefined): Tensor {
  const { correction, keepdim } = checkVarOptions(fn, options);
  return reduceWith(fn, t, axes, keepdim, floatTypeOf(t.dtype), kernels.squaredDeviations, (v, n) => v / Math.max(0, n - correction));
}

export function std(t: Tensor, axes: Axes, options: VarOptions | undefined): Tensor {
  const { correction, keepdim } = checkVarOptions("std", options);
  return reduceWith("std", t, axes, keepdim, floatTypeOf(t.dtype), kernels.squaredDeviations, (v, n) =>
    Math.sqrt(v / Math.max(0, n - correction)),
  );
}

function checkNonEmpty(fn: string, t: Tensor, axes: Axes): void {
  const reduced = normalizeAxes(fn, axes, t.ndim);
  if (reduced.some((a) => t.shape[a] === 0) || (t.size === 0 && reduced.length === t.ndim)) {
    throw invalidArgument(fn, "input", `a tensor of shape ${formatShape(t.shape)}`, "non-empty reduced axes (the reduction has no identity)");
  }
}

export function max(t: Tensor, axes: Axes, keepdim: boolean): Tensor {
  checkNonEmpty("max", t, axes);
  return reduceWith("max", t, axes, keepdim, t.dtype, kernels.max);
}

export function min(t: Tensor, axes: Axes, keepdim: boolean): Tensor {
  checkNonEmpty("min", t, axes);
  return reduceWith("min", t, axes, keepdim, t.dtype, kernels.min);
}

export function logsumexp(t: Tensor, axes: Axes, keepdim: boolean): Tensor {
  return reduceWith("logsumexp", t, axes, keepdim, floatTypeOf(t.dtype), kernels.logsumexp);
}

/** argmax/argmin along one axis, or over the flattened tensor (keepdim then keeps every axis as 1). */
export function argReduce(fn: "argmax" | "argmin", t: Tensor, axis: number | null | undefined, keepdim: boolean): Tensor {
  if (!(t instanceof Tensor)) throw invalidArgument(fn, "input", t, "a Tensor");
  const kernel = kernels[fn];
  if (axis === undefined || axis === null) {
    if (t.size === 0) throw invalidArgument(fn, "input", `a tensor of shape ${formatShape(t.shape)}`, "a non-empty tensor");
    const flat = t.contiguous();
    const out = new Int32Array([kernel(flat.data, flat.offset, 1, t.size)]);
    return new Tensor(out, keepdim ? t.shape.map(() => 1) : []);
  }
  const a = normalizeAxis(fn, axis, t.ndim);
  checkNonEmpty(fn, t, a);
  return reduceWith(fn, t, a, keepdim, "int32", kernel);
}

/** The vector p-norm: (Σ|x|^p)^(1/p); p = Infinity is max |x|, -Infinity min |x|, 0 the count of non-zeros. */
export function norm(t: Tensor, p: number, axes: Axes, keepdim: boolean): Tensor {
  const fn = "norm";
  const dtype = floatTypeOf(t.dtype);
  if (typeof p !== "number" || Number.isNaN(p) || (p < 0 && p !== -Infinity)) {
    throw invalidArgument(fn, "p", p, "a number >= 0, Infinity or -Infinity");
  }
  if (p === 2) return reduceWith(fn, t, axes, keepdim, dtype, kernels.sumSquares, Math.sqrt);
  if (p === 1) return reduceWith(fn, t, axes, keepdim, dtype, kernels.sumAbs);
  if (p === Infinity) return reduceWith(fn, t, axes, keepdim, dtype, kernels.maxAbs);
  if (p === -Infinity) return reduceWith(fn, t, axes, keepdim, dtype, kernels.minAbs);
  if (p === 0) return reduceWith(fn, t, axes, keepdim, dtype, kernels.countNonzero);
  const k = kernels.sumPowAbs;
  return reduceWith(fn, t, axes, keepdim, dtype, (a, off, s, n) => k(a, off, s, n, p), (v) => v ** (1 / p));
}

/** The p-norm of all elements of all `tensors` together, as if concatenated (for gradient clipping). */
export function globalNorm(tensors: readonly Tensor[], p = 2): number {
  const fn = "globalNorm";
  const list: unknown = tensors;
  if (!Array.isArray(list)) throw invalidArgument(fn, "tensors", tensors, "an array of Tensors");
  list.forEach((t: unknown, i) => {
    if (!(t instanceof Tensor)) throw invalidArgument(fn, `tensors[${i}]`, t, "a Tensor");
  });
  if (typeof p !== "number" || Number.isNaN(p) || (p <= 0 && p !== -Infinity)) throw invalidArgument(fn, "p", p, "a number > 0, Infinity or -Infinity");
  if (p === Infinity || p === -Infinity) {
    const parts = tensors.map((t) => norm(t, p, null, false).item());
    if (p === Infinity) return parts.reduce((m, x) => (x > m || Number.isNaN(x) ? x : m), 0);
    return parts.reduce((m, x) => (x < m || Number.isNaN(x) ? x : m), Infinity);
  }
  // Accumulate Σ|x|^p in float64 across tensors and take the root once.
  const k = kernels.sumPowAbs;
  const kernel: ReduceKernel = p === 2 ? kernels.sumSquares : p === 1 ? kernels.sumAbs : (a, off, s, n) => k(a, off, s, n, p);
  let total = 0;
  for (const t of tensors) total += reduceWith(fn, t, null, false, "float64", kernel).item();
  return p === 1 ? total : total ** (1 / p);
}
