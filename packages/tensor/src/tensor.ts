import { checkDType, dtypeOf } from "./dtype";
import type { DType, TypedArray } from "./dtype";
import { invalidArgument } from "./errors";
import { contiguousStrides, formatShape, sizeOf } from "./shape";
import type { Shape } from "./shape";
import { arange, eye, fromShape, fromValues, full, linspace, scalar } from "./create";
import type { CreateOptions, FromOptions, NestedArray } from "./create";
import { astype, contiguous, copyFrom, fill, item, toArray, toFlatArray } from "./convert";
import {
  broadcastTo, expand, narrow, permute, reshape, slice, squeeze, transpose, unsqueeze, view,
} from "./views";
import type { SliceRange } from "./views";
import { binary, clamp, unary } from "./elementwise";
import {
  addcdivInPlace, addcmulInPlace, addInPlace, clampInPlace, divInPlace, lerpInPlace, mulInPlace, subInPlace,
} from "./in-place";
import { argReduce, logsumexp, max, mean, min, norm, std, sumAxes, variance } from "./reduce";
import type { Axes, VarOptions } from "./reduce";
import { logSoftmax, softmax } from "./softmax";
import { addmm, dot, matmul, outer } from "./matmul";
import type { AddmmOptions } from "./matmul";
import type { OutOptions } from "./out";
import { gather, scatterAdd } from "./index-ops";

/**
 * An N-d array: a typed-array storage (`data`, shared by views) read through `shape`,
 * `strides` (in elements, 0 along broadcast dimensions, negative after a reversing slice)
 * and `offset`. Element `[i0, i1, …]` lives at `data[offset + Σ ik * strides[k]]`.
 *
 * Views (reshape when possible, view, transpose, permute, squeeze, unsqueeze, expand,
 * broadcastTo, slice, narrow) share the storage; every other op returns a new contiguous
 * tensor, except the `…InPlace` methods, `fill` and `copyFrom`, which write into `this`.
 */
export class Tensor {
  readonly dtype: DType;
  readonly data: TypedArray;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;

  /**
   * Wraps `data` without copying it. `strides` defaults to row-major. Throws when the
   * layout would read outside `data`.
   */
  constructor(data: TypedArray, shape: Shape, strides?: Shape, offset = 0) {
    if (!(data instanceof Float32Array || data instanceof Float64Array || data instanceof Int32Array)) {
      throw invalidArgument("Tensor", "data", data, "a Float32Array, Float64Array or Int32Array");
    }
    const dims = shape.slice();
    for (let i = 0; i < dims.length; i++) {
      if (!Number.isInteger(dims[i]) || dims[i] < 0) throw invalidArgument("Tensor", `shape[${i}]`, dims[i], "a non-negative integer");
    }
    const steps = strides === undefined ? contiguousStrides(dims) : strides.slice();
    if (steps.length !== dims.length || steps.some((s) => !Number.isInteger(s))) {
      throw invalidArgument("Tensor", "strides", strides, `${dims.length} integers (one per dimension of ${formatShape(dims)})`);
    }
    if (!Number.isInteger(offset) || offset < 0) throw invalidArgument("Tensor", "offset", offset, "a non-negative integer");
    if (sizeOf(dims) > 0) {
      let lo = offset;
      let hi = offset;
      for (let i = 0; i < dims.length; i++) {
        const reach = (dims[i] - 1) * steps[i];
        if (reach > 0) hi += reach;
        else lo += reach;
      }
      if (lo < 0 || hi >= data.length) {
        throw invalidArgument(
          "Tensor",
          "layout",
          { shape: dims, strides: steps, offset },
          `indices within the storage of ${data.length} elements (this layout reaches [${lo}, ${hi}])`,
        );
      }
    } else if (offset > data.length) {
      throw invalidArgument("Tensor", "offset", offset, `at most the storage length ${data.length}`);
    }
    this.data = data;
    this.dtype = dtypeOf(data);
    this.shape = dims;
    this.strides = steps;
    this.offset = offset;
  }

  /** The number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }

  /** The number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** True when the elements are laid out row-major without gaps (starting anywhere in the storage). */
  isContiguous(): boolean {
    let expected = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      const d = this.shape[i];
      if (d === 0) return true;
      if (d !== 1 && this.strides[i] !== expected) return false;
      expected *= d;
    }
    return true;
  }

  // ---- construction --------------------------------------------------------------------

  /** From nested arrays, a flat array (with `shape`) or a typed array (copied; its dtype unless `dtype` says otherwise). */
  static from(values: NestedArray | TypedArray | readonly number[], options?: FromOptions): Tensor {
    return fromValues(values, options);
  }
  static zeros(shape: Shape, options?: CreateOptions): Tensor {
    return full("Tensor.zeros", shape, 0, options);
  }
  static ones(shape: Shape, options?: CreateOptions): Tensor {
    return full("Tensor.ones", shape, 1, options);
  }
  static full(shape: Shape, value: number, options?: CreateOptions): Tensor {
    return full("Tensor.full", shape, value, options);
  }
  /** n×m identity-like matrix (m defaults to n). */
  static eye(n: number, m?: number, options?: CreateOptions): Tensor {
    return eye(n, m, options);
  }
  /** start, start+step, … below stop (PyTorch's arange; one argument means [0, stop)). float32 unless `dtype` says otherwise. */
  static arange(start: number, stop?: number, step?: number, options?: CreateOptions): Tensor {
    return arange(start, stop, step, options);
  }
  /** `count` evenly spaced values from start to stop inclusive (PyTorch's linspace). */
  static linspace(start: number, stop: number, count: number, options?: CreateOptions): Tensor {
    return linspace(start, stop, count, options);
  }
  /** A 0-d tensor. */
  static scalar(value: number, options?: CreateOptions): Tensor {
    return scalar(value, options);
  }
  /** A tensor whose element at `index` is `f(index)` (for tests and small tables). */
  static fromShape(shape: Shape, f: (index: readonly number[]) => number, options?: CreateOptions): Tensor {
    return fromShape(shape, f, options);
  }

  // ---- conversion ----------------------------------------------------------------------

  /** Nested arrays (a number for a 0-d tensor). */
  toArray(): NestedArray {
    return toArray(this);
  }
  /** The value of a one-element tensor. */
  item(): number {
    return item(this);
  }
  /** A contiguous copy with its own storage. */
  clone(): Tensor {
    return astype(this, this.dtype);
  }
  /** `this` when already contiguous, else a contiguous copy. */
  contiguous(): Tensor {
    return contiguous(this);
  }
  /** A contiguous copy converted to `dtype` (float → int32 truncates toward zero). Always copies. */
  astype(dtype: DType): Tensor {
    return astype(this, checkDType("astype", dtype));
  }
  /** A fresh array of the elements in row-major order. */
  toFlatArray(): TypedArray {
    return toFlatArray(this);
  }
  toString(): string {
    return `Tensor(${JSON.stringify(this.toArray())}, dtype=${this.dtype}, shape=${formatShape(this.shape)})`;
  }

  // ---- views ---------------------------------------------------------------------------

  /** A view with `shape` (one entry may be -1) when the layout allows; otherwise a copy. */
  reshape(shape: Shape): Tensor {
    return reshape(this, shape);
  }
  /** Like reshape but never copies: ShapeError when the layout cannot be viewed with `shape`. */
  view(shape: Shape): Tensor {
    return view(this, shape);
  }
  /** Swaps dim0 and dim1; with no arguments reverses all dimensions. */
  transpose(dim0?: number, dim1?: number): Tensor {
    return transpose(this, dim0, dim1);
  }
  permute(dims: readonly number[]): Tensor {
    return permute(this, dims);
  }
  /** Drops size-1 dimensions (all of them, or the given ones; a given dimension that isn't 1 is kept, as in PyTorch). */
  squeeze(axis?: number | number[]): Tensor {
    return squeeze(this, axis);
  }
  unsqueeze(axis: number): Tensor {
    return unsqueeze(this, axis);
  }
  /** PyTorch's expand: size-1 dimensions stretch (stride 0), new leading dimensions may be added, -1 keeps a size. */
  expand(shape: Shape): Tensor {
    return expand("expand", this, shape, true);
  }
  /** NumPy's broadcast_to (a stride-0 view). */
  broadcastTo(shape: Shape): Tensor {
    return broadcastTo(this, shape);
  }
  /** Per axis: a number (an index, which drops the axis), `[start, stop, step]` (Python slice semantics) or null (all). */
  slice(...ranges: SliceRange[]): Tensor {
    return slice(this, ranges);
  }
  narrow(axis: number, start: number, length: number): Tensor {
    return narrow(this, axis, start, length);
  }

  // ---- element-wise --------------------------------------------------------------------
  // Each takes `{ out }` (PyTorch's out=): the result is written into that tensor and returned.

  add(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("add", this, o, "add", "promote", options);
  }
  sub(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("sub", this, o, "sub", "promote", options);
  }
  mul(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("mul", this, o, "mul", "promote", options);
  }
  /** True division (int32 / int32 gives float32). */
  div(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("div", this, o, "div", "float", options);
  }
  pow(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("pow", this, o, "pow", "promote", options);
  }
  maximum(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("maximum", this, o, "maximum", "promote", options);
  }
  minimum(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("minimum", this, o, "minimum", "promote", options);
  }
  eq(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("eq", this, o, "eq", "float", options);
  }
  ne(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("ne", this, o, "ne", "float", options);
  }
  lt(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("lt", this, o, "lt", "float", options);
  }
  le(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("le", this, o, "le", "float", options);
  }
  gt(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("gt", this, o, "gt", "float", options);
  }
  ge(o: Tensor | number, options?: OutOptions): Tensor {
    return binary("ge", this, o, "ge", "float", options);
  }
  neg(options?: OutOptions): Tensor {
    return unary("neg", this, "neg", false, options);
  }
  abs(options?: OutOptions): Tensor {
    return unary("abs", this, "abs", false, options);
  }
  sign(options?: OutOptions): Tensor {
    return unary("sign", this, "sign", false, options);
  }
  exp(options?: OutOptions): Tensor {
    return unary("exp", this, "exp", true, options);
  }
  log(options?: OutOptions): Tensor {
    return unary("log", this, "log", true, options);
  }
  log1p(options?: OutOptions): Tensor {
    return unary("log1p", this, "log1p", true, options);
  }
  sqrt(options?: OutOptions): Tensor {
    return unary("sqrt", this, "sqrt", true, options);
  }
  rsqrt(options?: OutOptions): Tensor {
    return unary("rsqrt", this, "rsqrt", true, options);
  }
  square(options?: OutOptions): Tensor {
    return unary("square", this, "square", false, options);
  }
  tanh(options?: OutOptions): Tensor {
    return unary("tanh", this, "tanh", true, options);
  }
  sigmoid(options?: OutOptions): Tensor {
    return unary("sigmoid", this, "sigmoid", true, options);
  }
  relu(options?: OutOptions): Tensor {
    return unary("relu", this, "relu", false, options);
  }
  /** min(max(x, min), max); a null or missing bound is not applied. */
  clamp(min?: number | null, max?: number | null): Tensor {
    return clamp(this, min, max);
  }

  // ---- in place (write into this tensor's storage; return this) --------------------------

  /** this += alpha * o (o broadcast to this shape). */
  addInPlace(o: Tensor | number, alpha = 1): this {
    addInPlace(this, o, alpha);
    return this;
  }
  /** this -= alpha * o. */
  subInPlace(o: Tensor | number, alpha = 1): this {
    subInPlace(this, o, alpha);
    return this;
  }
  mulInPlace(o: Tensor | number): this {
    mulInPlace(this, o);
    return this;
  }
  divInPlace(o: Tensor | number): this {
    divInPlace(this, o);
    return this;
  }
  /** this += value * t1 * t2. */
  addcmulInPlace(t1: Tensor, t2: Tensor, value = 1): this {
    addcmulInPlace(this, t1, t2, value);
    return this;
  }
  /** this += value * t1 / t2. */
  addcdivInPlace(t1: Tensor, t2: Tensor, value = 1): this {
    addcdivInPlace(this, t1, t2, value);
    return this;
  }
  /** this += weight * (end - this), evaluated as PyTorch's lerp_. */
  lerpInPlace(end: Tensor, weight: number): this {
    lerpInPlace(this, end, weight);
    return this;
  }
  clampInPlace(min?: number | null, max?: number | null): this {
    clampInPlace(this, min, max);
    return this;
  }
  fill(value: number): this {
    fill(this, value);
    return this;
  }
  /** Copies `src` (broadcast to this shape, converted to this dtype) into this tensor. */
  copyFrom(src: Tensor): this {
    copyFrom(this, src);
    return this;
  }

  // ---- reductions ----------------------------------------------------------------------

  sum(axes?: Axes, keepdim = false): Tensor {
    return sumAxes("sum", this, axes, keepdim);
  }
  mean(axes?: Axes, keepdim = false): Tensor {
    return mean(this, axes, keepdim);
  }
  /** Variance with `correction` (default 1, Bessel's), as torch.var. */
  var(axes?: Axes, options?: VarOptions): Tensor {
    return variance("var", this, axes, options);
  }
  std(axes?: Axes, options?: VarOptions): Tensor {
    return std(this, axes, options);
  }
  max(axes?: Axes, keepdim = false): Tensor {
    return max(this, axes, keepdim);
  }
  min(axes?: Axes, keepdim = false): Tensor {
    return min(this, axes, keepdim);
  }
  /** int32 indices of the first maximum along `axis` (over the flattened tensor when omitted). */
  argmax(axis?: number, keepdim = false): Tensor {
    return argReduce("argmax", this, axis, keepdim);
  }
  argmin(axis?: number, keepdim = false): Tensor {
    return argReduce("argmin", this, axis, keepdim);
  }
  logsumexp(axes?: Axes, keepdim = false): Tensor {
    return logsumexp(this, axes, keepdim);
  }
  /** Vector p-norm over `axes` (all by default): p = 2 (default), 1, Infinity, -Infinity, 0 or any p > 0. */
  norm(p = 2, axes?: Axes, keepdim = false): Tensor {
    return norm(this, p, axes, keepdim);
  }
  softmax(axis: number): Tensor {
    return softmax(this, axis);
  }
  logSoftmax(axis: number): Tensor {
    return logSoftmax(this, axis);
  }

  // ---- products and indexing -----------------------------------------------------------

  /** torch.matmul: 1-D and 2-D operands, and batched N-d with broadcast batch dimensions. */
  matmul(o: Tensor, options?: OutOptions): Tensor {
    return matmul(this, o, options);
  }
  /** torch.addmm with this as input: β·this + α·(mat1·mat2). */
  addmm(mat1: Tensor, mat2: Tensor, options?: AddmmOptions): Tensor {
    return addmm(this, mat1, mat2, options);
  }
  dot(o: Tensor): Tensor {
    return dot(this, o);
  }
  outer(o: Tensor): Tensor {
    return outer(this, o);
  }
  /** torch.gather: out[…i…] = this[… index[…i…] …] along `axis`. */
  gather(axis: number, index: Tensor): Tensor {
    return gather(this, axis, index);
  }
  /** Out-of-place torch.scatter_add: a copy of this with src added at the positions index names along `axis`. */
  scatterAdd(axis: number, index: Tensor, src: Tensor): Tensor {
    return scatterAdd(this, axis, index, src);
  }
}
