/**
 * Test helpers: naive reference computations that read a tensor's storage element by
 * element through its shape/strides/offset, independently of the kernels and walkers under
 * test. Not exported from the package.
 */
import type { Tensor } from "../tensor";
import { Generator } from "../random";

/** The element at a multi-index, read straight from the storage. */
export function at(t: Tensor, index: readonly number[]): number {
  let p = t.offset;
  for (let d = 0; d < index.length; d++) p += index[d] * t.strides[d];
  return t.data[p];
}

/** Every multi-index of a shape in row-major order. */
export function indices(shape: readonly number[]): number[][] {
  const out: number[][] = [];
  const total = shape.reduce((a, b) => a * b, 1);
  for (let flat = 0; flat < total; flat++) {
    const idx = new Array<number>(shape.length);
    let rest = flat;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = rest % shape[d];
      rest = Math.floor(rest / shape[d]);
    }
    out.push(idx);
  }
  return out;
}

/** The elements in row-major order as plain float64 numbers. */
export function values(t: Tensor): number[] {
  return indices(t.shape).map((i) => at(t, i));
}

/** Element of a broadcast operand: index aligned at the last dimension, size-1 dimensions read at 0. */
export function broadcastAt(t: Tensor, index: readonly number[]): number {
  const lead = index.length - t.ndim;
  return at(t, t.shape.map((d, i) => (d === 1 ? 0 : index[lead + i])));
}

/** A float64 tensor of the shape with seeded values in [-2, 2). */
export function randomTensor(shape: readonly number[], seed = 1, dtype: "float32" | "float64" = "float64"): Tensor {
  return new Generator(seed).uniform(shape, -2, 2, { dtype });
}

/** |a - b| ≤ atol + rtol·|b| element-wise, with a message naming the first failure. */
export function expectClose(actual: readonly number[], expected: readonly number[], rtol = 1e-12, atol = 1e-12): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (a === e) continue;
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) throw new Error(`element ${i}: got ${a}, expected ${e} (rtol ${rtol}, atol ${atol})`);
  }
}
