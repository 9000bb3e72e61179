import { ShapeError, sumToShape } from "@descent/tensor";
import type { Shape } from "@descent/tensor";
import { sameShape } from "../variable";
import type { Variable } from "../variable";
import { cast } from "./cast";
import { floatVariable, record } from "./record";

/**
 * Broadcasts to `shape` (a view with stride 0 along the new dimensions, no copy).
 * Backward sums the gradient over those dimensions: the two ops are each other's VJP.
 */
export function expand(x: Variable, shape: Shape): Variable {
  const input = floatVariable("expand", "x", x);
  if (sameShape(input.shape, shape)) return input;
  checkExpandable("expand", input.shape, shape);
  return record("expand", [input], input.data.broadcastTo(shape), (g) => [sumTo(g, input.shape)]);
}

/** Sums a broadcast result back to `shape`: the inverse of broadcasting, as gradients need it. */
export function sumTo(x: Variable, shape: Shape): Variable {
  const input = floatVariable("sumTo", "x", x);
  if (sameShape(input.shape, shape)) return input;
  checkExpandable("sumTo", shape, input.shape);
  return record("sumTo", [input], sumToShape(input.data, shape), (g) => [expand(g, input.shape)]);
}

/** The gradient of a broadcast operand: summed back to its shape and converted to its dtype. */
export function gradientFor(g: Variable, input: Variable): Variable {
  const summed = sumTo(g, input.shape);
  return summed.dtype === input.dtype ? summed : cast(summed, input.dtype);
}

function checkExpandable(fn: string, from: readonly number[], to: readonly number[]): void {
  const ok = from.length <= to.length && from.every((d, i) => d === 1 || d === to[to.length - from.length + i]);
  if (!ok) throw new ShapeError(`${fn}: shape [${from.join(", ")}] cannot be broadcast to [${to.join(", ")}]`);
}
