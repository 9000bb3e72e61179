import { ShapeError, invalidArgument } from "@descent/tensor";

/** Fan in and fan out of a weight of the given shape, as PyTorch's `_calculate_fan_in_and_fan_out`. */
export interface Fans {
  fanIn: number;
  fanOut: number;
}

/**
 * PyTorch's fans: a weight is `[out, in, ...kernel]`, so a 2-D `[out, in]` (Linear) has fanIn = in and
 * fanOut = out, and a conv weight multiplies both by its receptive field, the product of the kernel dims:
 * `[64, 32, 3, 3]` → fanIn = 32·9 = 288, fanOut = 64·9 = 576.
 * A shape of fewer than 2 dimensions has no fans (PyTorch raises too).
 */
export function computeFans(shape: readonly number[]): Fans {
  return fansOf("computeFans", shape);
}

/** computeFans with the caller's name in the error message (an initializer's fans are its argument). */
export function fansOf(fn: string, shape: readonly number[]): Fans {
  checkShape(fn, shape);
  if (shape.length < 2) {
    throw new ShapeError(`${fn}: shape is ${JSON.stringify(shape)}, expected at least 2 dimensions to compute fan in and fan out`);
  }
  let receptiveField = 1;
  for (let axis = 2; axis < shape.length; axis++) receptiveField *= shape[axis];
  return { fanIn: shape[1] * receptiveField, fanOut: shape[0] * receptiveField };
}

/** A shape is an array of non-negative integers. */
export function checkShape(fn: string, shape: unknown): asserts shape is readonly number[] {
  if (!Array.isArray(shape) || !shape.every((n) => Number.isInteger(n) && (n as number) >= 0)) {
    throw invalidArgument(fn, "shape", shape, "an array of non-negative integers");
  }
}
