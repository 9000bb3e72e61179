// Helpers for this package's tests (not exported from the entry, so not part of the bundle).
import { Generator, Tensor } from "@descent/tensor";
import { expect } from "vitest";
import { gradcheck, gradgradcheck } from "./functional/gradcheck";
import type { Variable } from "./variable";

/** The tolerance of "Done when": relative error below 1e-7 against central differences in float64. */
export const FD_TOLERANCE = { eps: 1e-6, rtol: 1e-7, atol: 1e-9 } as const;

/** Seeded standard-normal float64 values. */
export function randn(shape: readonly number[], seed: number): Tensor {
  return new Generator(seed).normal(shape, 0, 1, { dtype: "float64" });
}

/** Seeded float64 values in [low, high). */
export function uniform(shape: readonly number[], seed: number, low: number, high: number): Tensor {
  return new Generator(seed).uniform(shape, low, high, { dtype: "float64" });
}

/** Seeded values with |x| in [0.2, 2) and random signs: away from the kinks of abs, relu, leakyRelu. */
export function awayFromZero(shape: readonly number[], seed: number): Tensor {
  const g = new Generator(seed);
  const magnitude = g.uniform(shape, 0.2, 2, { dtype: "float64" });
  const sign = g.bernoulli(shape, 0.5, { dtype: "float64" }).mul(2).sub(1);
  return magnitude.mul(sign);
}

/** A non-contiguous view with the given shape: the transpose of a contiguous tensor of the reversed shape. */
export function nonContiguous(shape: readonly number[], seed: number, make = randn): Tensor {
  const t = make([...shape].reverse(), seed).transpose();
  expect(t.isContiguous()).toBe(false);
  return t;
}

/** First derivatives (and, unless `second` is false, second derivatives) against central differences. */
export function expectGradientsMatch(f: (...xs: Variable[]) => Variable, inputs: readonly Tensor[], second = true): void {
  expect(gradcheck(f, inputs, FD_TOLERANCE)).toBe(true);
  if (second) expect(gradgradcheck(f, inputs, FD_TOLERANCE)).toBe(true);
}
