import { ShapeError, invalidArgument } from "./errors";
import { formatShape, sameShape } from "./shape";
import type { Shape } from "./shape";
import type { Tensor } from "./tensor";
import { sumAxes } from "./reduce";

/**
 * NumPy broadcasting, in one place: shapes are aligned at their last dimension, and each
 * pair of sizes must be equal or contain a 1. `sumToShape` is the inverse (for gradients).
 */

/** The broadcast shape of `shapes`; ShapeError naming `fn` and every shape when they don't fit. */
export function broadcastShapesFor(fn: string, shapes: readonly Shape[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    const lead = ndim - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[lead + i];
      if (d === o || d === 1) continue;
      if (o === 1) out[lead + i] = d;
      else {
        throw new ShapeError(
          `${fn}: shapes ${shapes.map(formatShape).join(" and ")} cannot be broadcast together (dimension ${i - s.length} is ${o} in one and ${d} in another)`,
        );
      }
    }
  }
  return out;
}

/** The shape that `shapes` broadcast to, as NumPy's `broadcast_shapes`. */
export function broadcastShapes(...shapes: Shape[]): number[] {
  shapes.forEach((s, i) => {
    if (!Array.isArray(s) || s.some((d) => !Number.isInteger(d) || d < 0)) {
      throw invalidArgument("broadcastShapes", `shapes[${i}]`, s, "an array of non-negative integers");
    }
  });
  return broadcastShapesFor("broadcastShapes", shapes);
}

/** The strides of `t` seen at the (broadcast-compatible) `shape`: 0 along new or stretched dimensions. */
export function broadcastStrides(t: Tensor, shape: Shape): number[] {
  const lead = shape.length - t.ndim;
  const strides = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < t.ndim; i++) strides[lead + i] = t.shape[i] === shape[lead + i] ? t.strides[i] : 0;
  return strides;
}

/** Throws ShapeError unless `from` broadcasts to exactly `to`. */
export function checkBroadcastsTo(fn: string, from: Shape, to: Shape): void {
  let ok = from.length <= to.length;
  const lead = to.length - from.length;
  for (let i = 0; ok && i < from.length; i++) ok = from[i] === 1 || from[i] === to[lead + i];
  if (!ok) throw new ShapeError(`${fn}: shape ${formatShape(from)} cannot be broadcast to ${formatShape(to)}`);
}

/**
 * Sums `t` over the dimensions that broadcasting `shape` to `t.shape` would have created or
 * stretched, giving a tensor of `shape`: the gradient of a broadcast operand. Returns `t`
 * itself (no copy) when the shapes already match, as PyTorch's `sum_to_size` does.
 */
export function sumToShape(t: Tensor, shape: Shape): Tensor {
  if (!Array.isArray(shape)) throw invalidArgument("sumToShape", "shape", shape, "an array of non-negative integers");
  checkBroadcastsTo("sumToShape", shape, t.shape);
  if (sameShape(shape, t.shape)) return t;
  const lead = t.ndim - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < t.ndim; i++) if (i < lead || (shape[i - lead] === 1 && t.shape[i] !== 1)) axes.push(i);
  return sumAxes("sumToShape", t, axes, true).reshape(shape);
}
