import { broadcastShapesFor, broadcastStrides } from "./broadcast";
import { allocate, floatTypeOf, promoteTypes, promoteWithScalar } from "./dtype";
import type { DType, TypedArray } from "./dtype";
import { invalidArgument } from "./errors";
import { coalesce, splitInnermost, walkPoints } from "./iterate";
import { kernels } from "./kernels/index";
import type { Kernels } from "./kernels/index";
import { contiguousStrides, sameShape, sizeOf } from "./shape";
import { Tensor } from "./tensor";

/**
 * Element-wise ops with NumPy broadcasting. Contiguous same-shape operands run as one flat
 * kernel call; anything else is coalesced and walked row by row with a strided kernel call
 * per innermost run. A number operand is a one-element array read with stride 0.
 */

export type BinaryName = "add" | "sub" | "mul" | "div" | "pow" | "maximum" | "minimum" | "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "reluBackward";
export type UnaryName = "neg" | "abs" | "sign" | "exp" | "log" | "log1p" | "sqrt" | "rsqrt" | "square" | "tanh" | "sigmoid" | "relu";

/** Storage for a number operand, rounded to the compute dtype (as PyTorch casts a Python scalar). */
export function scalarStorage(value: number, computeDType: DType): TypedArray {
  const s = computeDType === "float32" ? new Float32Array(1) : new Float64Array(1);
  s[0] = value;
  return s;
}

/** Validates an operand: a Tensor or a number. */
export function checkOperand(fn: string, argument: string, o: unknown): Tensor | number {
  if (o instanceof Tensor || typeof o === "number") return o;
  throw invalidArgument(fn, argument, o, "a Tensor or a number");
}

/**
 * `a ⊕ b`. result "promote": the promoted dtype; "float": the promoted dtype, int32 → float32
 * (true division and comparisons).
 */
export function binary(fn: string, a: Tensor, other: Tensor | number, name: BinaryName, result: "promote" | "float"): Tensor {
  const b = checkOperand(fn, "other", other);
  const kernel: Kernels[BinaryName] = kernels[name];
  if (typeof b === "number") {
    const compute = promoteWithScalar(a.dtype, b);
    const outDType = result === "float" ? floatTypeOf(compute) : compute;
    const out = allocate(outDType, a.size);
    const s = scalarStorage(b, compute);
    if (a.isContiguous()) kernel(out, 0, 1, a.data, a.offset, 1, s, 0, 0, a.size);
    else walk(out, a.shape, [contiguousStrides(a.shape), a.strides, a.shape.map(() => 0)], [0, a.offset, 0], kernel, a.data, s);
    return new Tensor(out, a.shape);
  }
  const compute = promoteTypes(a.dtype, b.dtype);
  const outDType = result === "float" ? floatTypeOf(compute) : compute;
  if (sameShape(a.shape, b.shape) && a.isContiguous() && b.isContiguous()) {
    const out = allocate(outDType, a.size);
    kernel(out, 0, 1, a.data, a.offset, 1, b.data, b.offset, 1, a.size);
    return new Tensor(out, a.shape);
  }
  const shape = broadcastShapesFor(fn, [a.shape, b.shape]);
  const out = allocate(outDType, sizeOf(shape));
  walk(out, shape, [contiguousStrides(shape), broadcastStrides(a, shape), broadcastStrides(b, shape)], [0, a.offset, b.offset], kernel, a.data, b.data);
  return new Tensor(out, shape);
}

/**
 * The gradient of relu from its output: grad where output > 0 (or NaN), +0 where output ≤ 0, the
 * shapes broadcast (PyTorch's threshold_backward(grad, output, 0)). Unlike grad·(output > 0), an
 * infinite or NaN grad where the output is 0 still gives 0.
 */
export function reluBackward(grad: Tensor, output: Tensor): Tensor {
  if (!(grad instanceof Tensor)) throw invalidArgument("reluBackward", "grad", grad, "a Tensor");
  if (!(output instanceof Tensor)) throw invalidArgument("reluBackward", "output", output, "a Tensor");
  return binary("reluBackward", grad, output, "reluBackward", "promote");
}

function walk(
  out: TypedArray, shape: readonly number[], strides: (readonly number[])[], base: number[],
  kernel: Kernels[BinaryName], a: TypedArray, b: TypedArray,
): void {
  const { n, inner, outerShape, outerStrides } = splitInnermost(coalesce(shape, strides));
  const [os, as, bs] = inner;
  walkPoints(outerShape, outerStrides, base, (p) => {
    kernel(out, p[0], os, a, p[1], as, b, p[2], bs, n);
  });
}

/** f(t); `toFloat` ops (exp, log, …) give float32 for int32 input. */
export function unary(fn: string, t: Tensor, name: UnaryName, toFloat: boolean): Tensor {
  if (!(t instanceof Tensor)) throw invalidArgument(fn, "input", t, "a Tensor");
  const out = allocate(toFloat ? floatTypeOf(t.dtype) : t.dtype, t.size);
  const kernel: Kernels[UnaryName] = kernels[name];
  if (t.isContiguous()) kernel(out, 0, 1, t.data, t.offset, 1, t.size);
  else {
    const { n, inner, outerShape, outerStrides } = splitInnermost(coalesce(t.shape, [contiguousStrides(t.shape), t.strides]));
    const [os, ts] = inner;
    const src = t.data;
    walkPoints(outerShape, outerStrides, [0, t.offset], (p) => {
      kernel(out, p[0], os, src, p[1], ts, n);
    });
  }
  return new Tensor(out, t.shape);
}

/** Validated clamp bounds: null/undefined become ±Infinity. */
export function clampBounds(fn: string, min: unknown, max: unknown): [number, number] {
  const lo = min === undefined || min === null ? -Infinity : min;
  const hi = max === undefined || max === null ? Infinity : max;
  if (typeof lo !== "number" || Number.isNaN(lo)) throw invalidArgument(fn, "min", min, "a number, null or undefined");
  if (typeof hi !== "number" || Number.isNaN(hi)) throw invalidArgument(fn, "max", max, "a number, null or undefined");
  return [lo, hi];
}

export function clamp(t: Tensor, min: number | null | undefined, max: number | null | undefined): Tensor {
  const [lo, hi] = clampBounds("clamp", min, max);
  const dtype = Number.isInteger(lo === -Infinity ? 0 : lo) && Number.isInteger(hi === Infinity ? 0 : hi) ? t.dtype : floatTypeOf(t.dtype);
  const out = allocate(dtype, t.size);
  const kernel = kernels.clamp;
  const { n, inner, outerShape, outerStrides } = splitInnermost(coalesce(t.shape, [contiguousStrides(t.shape), t.strides]));
  const [os, ts] = inner;
  const src = t.data;
  walkPoints(outerShape, outerStrides, [0, t.offset], (p) => {
    kernel(out, p[0], os, src, p[1], ts, n, lo, hi);
  });
  return new Tensor(out, t.shape);
}

/** condition ? a : b element-wise, broadcasting all three; condition is true where non-zero. */
export function where(condition: Tensor, a: Tensor | number, b: Tensor | number): Tensor {
  const fn = "where";
  if (!(condition instanceof Tensor)) throw invalidArgument(fn, "condition", condition, "a Tensor");
  const x = checkOperand(fn, "a", a);
  const y = checkOperand(fn, "b", b);
  const xd = typeof x === "number" ? null : x.dtype;
  const yd = typeof y === "number" ? null : y.dtype;
  let dtype: DType;
  if (xd !== null && yd !== null) dtype = promoteTypes(xd, yd);
  else if (xd !== null) dtype = promoteWithScalar(xd, y as number);
  else if (yd !== null) dtype = promoteWithScalar(yd, x as number);
  else dtype = Number.isInteger(x) && Number.isInteger(y) ? "int32" : "float32";
  if (xd === null && yd === null && dtype === "int32") dtype = "float32";
  const xt = typeof x === "number" ? new Tensor(scalarStorage(x, dtype), []) : x;
  const yt = typeof y === "number" ? new Tensor(scalarStorage(y, dtype), []) : y;
  const shape = broadcastShapesFor(fn, [condition.shape, xt.shape, yt.shape]);
  const out = allocate(dtype, sizeOf(shape));
  const strides = [contiguousStrides(shape), broadcastStrides(condition, shape), broadcastStrides(xt, shape), broadcastStrides(yt, shape)];
  const { n, inner, outerShape, outerStrides } = splitInnermost(coalesce(shape, strides));
  const [os, cs, xs, ys] = inner;
  const kernel = kernels.where;
  const cd = condition.data;
  const xdata = xt.data;
  const ydata = yt.data;
  walkPoints(outerShape, outerStrides, [0, condition.offset, xt.offset, yt.offset], (p) => {
    kernel(out, p[0], os, cd, p[1], cs, xdata, p[2], xs, ydata, p[3], ys, n);
  });
  return new Tensor(out, shape);
}
