import { broadcastShapesFor, broadcastStrides } from "./broadcast";
import { allocate, floatTypeOf, promoteTypes, promoteWithScalar } from "./dtype";
import type { DType, TypedArray } from "./dtype";
import { invalidArgument } from "./errors";
import { coalesce, splitInnermost, walkPoints } from "./iterate";
import { kernels } from "./kernels/index";
import type { Kernels } from "./kernels/index";
import { contiguousStrides, sameShape, sizeOf } from "./shape";
import { resultStorage } from "./out";
import type { OutOptions } from "./out";
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
 * (true division and comparisons). Written into `options.out` when given (see out.ts).
 */
export function binary(fn: string, a: Tensor, other: Tensor | number, name: BinaryName, result: "promote" | "float", options?: OutOptions): Tensor {
  const b = checkOperand(fn, "other", other);
  const kernel: Kernels[BinaryName] = kernels[name];
  const compute = typeof b === "number" ? promoteWithScalar(a.dtype, b) : promoteTypes(a.dtype, b.dtype);
  const outDType = result === "float" ? floatTypeOf(compute) : compute;
  const shape = typeof b === "number" || sameShape(a.shape, b.shape) ? a.shape : broadcastShapesFor(fn, [a.shape, b.shape]);
  const inputs = typeof b === "number" ? [a] : [a, b];
  const { data: out, offset, tensor } = resultStorage(fn, options, outDType, shape, inputs, inputs, () => allocate(outDType, sizeOf(shape)));
  if (typeof b === "number") {
    const s = scalarStorage(b, compute);
    if (a.isContiguous()) kernel(out, offset, 1, a.data, a.offset, 1, s, 0, 0, a.size);
    else walk(out, a.shape, [contiguousStrides(a.shape), a.strides, a.shape.map(() => 0)], [offset, a.offset, 0], kernel, a.data, s);
  } else if (sameShape(a.shape, b.shape) && a.isContiguous() && b.isContiguous()) {
    kernel(out, offset, 1, a.data, a.offset, 1, b.data, b.offset, 1, a.size);
  } else {
    walk(out, shape, [contiguousStrides(shape), broadcastStrides(a, shape), broadcastStrides(b, shape)], [offset, a.offset, b.offset], kernel, a.data, b.data);
  }
  return tensor ?? new Tensor(out, shape);
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

/** f(t); `toFloat` ops (exp, log, …) give float32 for int32 input. Written into `options.out` when given (see out.ts). */
export function unary(fn: string, t: Tensor, name: UnaryName, toFloat: boolean, options?: OutOptions): Tensor {
  if (!(t instanceof Tensor)) throw invalidArgument(fn, "input", t, "a Tensor");
  const dtype = toFloat ? floatTypeOf(t.dtype) : t.dtype;
  const { data: out, offset, tensor } = resultStorage(fn, options, dtype, t.shape, [t], [t], () => allocate(dtype, t.size));
  const kernel: Kernels[UnaryName] = kernels[name];
  if (t.isContiguous()) kernel(out, offset, 1, t.data, t.offset, 1, t.size);
  else {
    const { n, inner, outerShape, outerStrides } = splitInnermost(coalesce(t.shape, [contiguousStrides(t.shape), t.strides]));
    const [os, ts] = inner;
    const src = t.data;
    walkPoints(outerShape, outerStrides, [offset, t.offset], (p) => {
      kernel(out, p[0], os, src, p[1], ts, n);
    });
  }
  return tensor ?? new Tensor(out, t.shape);
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
