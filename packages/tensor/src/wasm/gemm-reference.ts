/**
 * Test helpers for the matmul backends: a float64 reference product with the magnitudes its
 * error bound needs, the bound check, and operands in every storage layout. Not exported from
 * the package.
 */
import type { DType } from "../dtype";
import { Generator } from "../random";
import type { Tensor } from "../tensor";
import { values } from "../testing/reference";

/** Unit roundoff of float32 and float64. */
export const U32 = 2 ** -24;
export const U64 = 2 ** -53;

/** C = A·B in float64 by plain loops over the values read through the strides, with Σ_p |A_ip·B_pj| for the error bound. */
export function reference(a: Tensor, b: Tensor): { c: number[]; magnitude: number[] } {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const av = values(a);
  const bv = values(b);
  const c = new Array<number>(m * n).fill(0);
  const magnitude = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      for (let j = 0; j < n; j++) {
        const product = av[i * k + p] * bv[p * n + j];
        c[i * n + j] += product;
        magnitude[i * n + j] += Math.abs(product);
      }
    }
  }
  return { c, magnitude };
}

/**
 * γ_k = k·u/(1 − k·u): a k-term dot product accumulated with unit roundoff u, in any order and
 * with or without fused multiply-adds, satisfies |ĉ − c| ≤ γ_k·Σ|a·b| (Higham, Accuracy and
 * Stability of Numerical Algorithms, §3.1).
 */
export function gamma(k: number, u: number): number {
  return (k * u) / (1 - k * u);
}

/**
 * Checks every element against that bound, γ_k·Σ|a·b| with u the unit roundoff of the
 * accumulation, plus, for a float32 output, the one rounding of ĉ to float32:
 * u32·|ĉ| ≤ u32·(|c| + γ_k·Σ|a·b|). The operands enter the reference as the values they hold
 * (already float32 for float32 tensors), so there is no input rounding to add.
 */
export function expectWithinBound(actual: Tensor, expected: { c: number[]; magnitude: number[] }, k: number, accumulation: number): void {
  const got = values(actual);
  const outputRounding = actual.dtype === "float32" ? U32 : 0;
  const g = gamma(k, accumulation);
  for (let i = 0; i < got.length; i++) {
    const accumulated = g * expected.magnitude[i];
    const bound = accumulated + outputRounding * (Math.abs(expected.c[i]) + accumulated);
    if (!(Math.abs(got[i] - expected.c[i]) <= bound)) {
      throw new Error(`element ${i}: got ${got[i]}, expected ${expected.c[i]} within ${bound}`);
    }
  }
}

export type Layout = "contiguous" | "transposed" | "strided" | "reversed" | "scattered";

/** An r×c operand stored in the layout: plain, a transpose, every other row and third column, negative strides, or a sparse view of a big buffer. */
export function operand(rows: number, cols: number, layout: Layout, dtype: DType, seed: number): Tensor {
  const g = new Generator(seed);
  // int32: uniform in [-9, 9) truncated by the float→int32 conversion
  const draw = (shape: number[]): Tensor => (dtype === "int32" ? g.uniform(shape, -9, 9).astype("int32") : g.uniform(shape, -2, 2, { dtype }));
  switch (layout) {
    case "contiguous":
      return draw([rows, cols]);
    case "transposed":
      return draw([cols, rows]).transpose();
    case "strided":
      return draw([2 * rows, 3 * cols]).slice([1, undefined, 2], [undefined, undefined, 3]);
    case "reversed":
      return draw([rows, cols + 1]).slice([undefined, undefined, -1], [undefined, undefined, -1]).slice(undefined, [0, cols]);
    case "scattered":
      return draw([5 * rows + 7, 9 * cols + 11]).slice([3, undefined, 5], [2, undefined, 9]).slice([0, rows], [0, cols]);
  }
}
