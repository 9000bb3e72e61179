import { ShapeError, invalidArgument } from "./errors";

/** A tensor's dimensions, outermost first. */
export type Shape = readonly number[];

/** `[2, 3]` as the messages print it. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(", ")}]`;
}

/** Validates a shape (an array of non-negative integers) and returns a fresh copy. */
export function checkShape(fn: string, shape: unknown, argument = "shape"): number[] {
  if (!Array.isArray(shape) && !(shape instanceof Int32Array)) {
    throw invalidArgument(fn, argument, shape, "an array of non-negative integers");
  }
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const d: unknown = shape[i];
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0) {
      throw invalidArgument(fn, `${argument}[${i}]`, d, "a non-negative integer");
    }
    out.push(d);
  }
  return out;
}

/** The number of elements of a shape (1 for the empty shape of a scalar). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides in elements: the last dimension moves fastest. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Turns a possibly negative axis into an index in [0, ndim); throws InvalidArgumentError when out of range. */
export function normalizeAxis(fn: string, axis: unknown, ndim: number, argument = "axis"): number {
  if (typeof axis !== "number" || !Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    const expected = ndim === 0 ? "no axis (the tensor is 0-d)" : `an integer in [${-ndim}, ${ndim - 1}]`;
    throw invalidArgument(fn, argument, axis, expected);
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Normalizes `axes` (a number, an array, or undefined/null for all axes) into a sorted list
 * of distinct axes. A repeated axis is an error, as in NumPy.
 */
export function normalizeAxes(fn: string, axes: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axes === undefined || axes === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axes === "number" ? [axes] : axes;
  if (!Array.isArray(list)) throw invalidArgument(fn, "axes", axes, "a number, an array of numbers, or null");
  const seen = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    const a = normalizeAxis(fn, list[i], ndim, typeof axes === "number" ? "axis" : `axes[${i}]`);
    if (seen.has(a)) throw invalidArgument(fn, "axes", axes, "distinct axes");
    seen.add(a);
  }
  return [...seen].sort((x, y) => x - y);
}

/** Throws ShapeError unless `a` and `b` are the same shape. */
export function checkSameShape(fn: string, a: Shape, b: Shape, names = ["a", "b"]): void {
  if (!sameShape(a, b)) {
    throw new ShapeError(
      `${fn}: ${names[0]} has shape ${formatShape(a)} and ${names[1]} has shape ${formatShape(b)}, expected equal shapes`,
    );
  }
}

/** Throws unless `value` is a finite number. */
export function checkFinite(fn: string, argument: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalidArgument(fn, argument, value, "a finite number");
  return value;
}

/** Throws unless `value` is a number (NaN and infinities allowed). */
export function checkNumber(fn: string, argument: string, value: unknown): number {
  if (typeof value !== "number") throw invalidArgument(fn, argument, value, "a number");
  return value;
}
