import { allocate, checkDType, dtypeOf } from "./dtype";
import type { DType, TypedArray } from "./dtype";
import { ShapeError, invalidArgument } from "./errors";
import { checkNumber, checkShape, contiguousStrides, formatShape, sizeOf } from "./shape";
import type { Shape } from "./shape";
import { Tensor } from "./tensor";

/** A number, or arrays of them nested to any depth (all rows the same length). */
export type NestedArray = number | NestedArray[];

export interface CreateOptions {
  /** Default "float32". */
  dtype?: DType;
}

export interface FromOptions {
  /** Default: the typed array's own dtype, else "float32". */
  dtype?: DType;
  /** Reshape the values to this shape (its size must match). */
  shape?: Shape;
}

function dtypeOption(fn: string, options: unknown, fallback: DType = "float32"): DType {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw invalidArgument(fn, "options", options, "an object such as { dtype: \"float64\" }");
  }
  const dtype = (options as { dtype?: unknown } | undefined)?.dtype;
  return dtype === undefined ? fallback : checkDType(fn, dtype);
}

function isTypedArray(v: unknown): v is TypedArray {
  return v instanceof Float32Array || v instanceof Float64Array || v instanceof Int32Array;
}

/** Tensor.from: nested arrays, a flat array with a shape, or a typed array (copied). */
export function fromValues(values: unknown, options?: FromOptions): Tensor {
  const fn = "Tensor.from";
  let shape: number[];
  let data: TypedArray;
  if (isTypedArray(values)) {
    const dtype = dtypeOption(fn, options, dtypeOf(values));
    data = allocate(dtype, values.length);
    data.set(values);
    shape = [values.length];
  } else if (typeof values === "number") {
    data = allocate(dtypeOption(fn, options), 1);
    data[0] = values;
    shape = [];
  } else if (Array.isArray(values)) {
    shape = nestedShape(values);
    data = allocate(dtypeOption(fn, options), sizeOf(shape));
    flattenInto(values, shape, 0, data, 0, []);
  } else {
    throw invalidArgument(fn, "values", values, "a number, a (nested) array of numbers or a typed array");
  }
  if (options?.shape !== undefined) {
    const target = checkShape(fn, options.shape);
    if (sizeOf(target) !== data.length) {
      throw new ShapeError(`${fn}: ${data.length} values cannot have shape ${formatShape(target)} (${sizeOf(target)} elements)`);
    }
    shape = target;
  }
  return new Tensor(data, shape);
}

function nestedShape(values: readonly unknown[]): number[] {
  const shape: number[] = [];
  let level: unknown = values;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  return shape;
}

function flattenInto(values: unknown, shape: readonly number[], depth: number, out: TypedArray, at: number, path: number[]): number {
  if (depth === shape.length) {
    if (typeof values !== "number") {
      throw invalidArgument("Tensor.from", `values[${path.join("][")}]`, values, "a number (rows must all have the same depth)");
    }
    out[at] = values;
    return at + 1;
  }
  if (!Array.isArray(values) || values.length !== shape[depth]) {
    const got = Array.isArray(values) ? `length ${values.length}` : typeof values;
    throw new ShapeError(
      `Tensor.from: ragged nested array: values[${path.join("][")}] has ${got}, expected an array of length ${shape[depth]} (shape ${formatShape(shape)})`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    path.push(i);
    at = flattenInto(values[i], shape, depth + 1, out, at, path);
    path.pop();
  }
  return at;
}

export function full(fn: string, shape: Shape, value: number, options?: CreateOptions): Tensor {
  const dims = checkShape(fn, shape);
  checkNumber(fn, "value", value);
  const data = allocate(dtypeOption(fn, options), sizeOf(dims));
  if (value !== 0) data.fill(value);
  return new Tensor(data, dims);
}

export function scalar(value: number, options?: CreateOptions): Tensor {
  checkNumber("Tensor.scalar", "value", value);
  const data = allocate(dtypeOption("Tensor.scalar", options), 1);
  data[0] = value;
  return new Tensor(data, []);
}

export function eye(n: number, m: number | undefined, options?: CreateOptions): Tensor {
  const fn = "Tensor.eye";
  if (!Number.isInteger(n) || n < 0) throw invalidArgument(fn, "n", n, "a non-negative integer");
  const cols = m ?? n;
  if (!Number.isInteger(cols) || cols < 0) throw invalidArgument(fn, "m", m, "a non-negative integer");
  const data = allocate(dtypeOption(fn, options), n * cols);
  for (let i = 0; i < Math.min(n, cols); i++) data[i * cols + i] = 1;
  return new Tensor(data, [n, cols]);
}

export function arange(start: number, stop: number | undefined, step: number | undefined, options?: CreateOptions): Tensor {
  const fn = "Tensor.arange";
  let lo = start;
  let hi = stop;
  if (hi === undefined) {
    hi = lo;
    lo = 0;
  }
  const by = step ?? 1;
  if (!Number.isFinite(lo)) throw invalidArgument(fn, "start", lo, "a finite number");
  if (!Number.isFinite(hi)) throw invalidArgument(fn, "stop", hi, "a finite number");
  if (!Number.isFinite(by) || by === 0) throw invalidArgument(fn, "step", step, "a finite non-zero number");
  const count = Math.max(0, Math.ceil((hi - lo) / by));
  const data = allocate(dtypeOption(fn, options), count);
  for (let i = 0; i < count; i++) data[i] = lo + i * by;
  return new Tensor(data, [count]);
}

/** PyTorch's linspace: the first half counts up from start, the second half down from stop, so both ends are exact. */
export function linspace(start: number, stop: number, count: number, options?: CreateOptions): Tensor {
  const fn = "Tensor.linspace";
  if (!Number.isFinite(start)) throw invalidArgument(fn, "start", start, "a finite number");
  if (!Number.isFinite(stop)) throw invalidArgument(fn, "stop", stop, "a finite number");
  if (!Number.isInteger(count) || count < 0) throw invalidArgument(fn, "count", count, "a non-negative integer");
  const data = allocate(dtypeOption(fn, options), count);
  if (count === 1) data[0] = start;
  if (count > 1) {
    const step = (stop - start) / (count - 1);
    const half = Math.floor(count / 2);
    for (let i = 0; i < count; i++) data[i] = i < half ? start + step * i : stop - step * (count - 1 - i);
  }
  return new Tensor(data, [count]);
}

export function fromShape(shape: Shape, f: (index: readonly number[]) => number, options?: CreateOptions): Tensor {
  const fn = "Tensor.fromShape";
  const dims = checkShape(fn, shape);
  if (typeof f !== "function") throw invalidArgument(fn, "f", f, "a function of the index");
  const data = allocate(dtypeOption(fn, options), sizeOf(dims));
  const strides = contiguousStrides(dims);
  const index = new Array<number>(dims.length).fill(0);
  for (let flat = 0; flat < data.length; flat++) {
    let rest = flat;
    for (let d = 0; d < dims.length; d++) {
      index[d] = Math.floor(rest / strides[d]);
      rest -= index[d] * strides[d];
    }
    const v = f(index.slice());
    if (typeof v !== "number") throw invalidArgument(fn, `f([${index.join(", ")}])`, v, "a number");
    data[flat] = v;
  }
  return new Tensor(data, dims);
}
