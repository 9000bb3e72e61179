import type { TypedArray } from "../dtype";

/**
 * Fused kernels for the in-place updates optimizers make (one pass over the parameter) and
 * for `where`. Same strided-run convention as the element-wise kernels.
 */

/** out = a + alpha * b. */
export function addScaledKernel(
  out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number, alpha: number,
): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) out[o] = a[ai] + alpha * b[bi];
}

/** out += value * t1 * t2 (PyTorch's addcmul_). */
export function addcmulKernel(
  out: TypedArray, o: number, os: number, t1: TypedArray, i1: number, s1: number, t2: TypedArray, i2: number, s2: number, n: number, value: number,
): void {
  for (let i = 0; i < n; i++, o += os, i1 += s1, i2 += s2) out[o] += value * t1[i1] * t2[i2];
}

/** out += value * t1 / t2 (PyTorch's addcdiv_). */
export function addcdivKernel(
  out: TypedArray, o: number, os: number, t1: TypedArray, i1: number, s1: number, t2: TypedArray, i2: number, s2: number, n: number, value: number,
): void {
  for (let i = 0; i < n; i++, o += os, i1 += s1, i2 += s2) out[o] += (value * t1[i1]) / t2[i2];
}

/**
 * out = out + weight * (end - out), evaluated as PyTorch's lerp does: from the start for
 * weight < 0.5 and from the end otherwise, so weight 1 gives `end` exactly.
 */
export function lerpKernel(out: TypedArray, o: number, os: number, end: TypedArray, ei: number, es: number, n: number, weight: number): void {
  const fromStart = Math.abs(weight) < 0.5;
  for (let i = 0; i < n; i++, o += os, ei += es) {
    const s = out[o];
    const e = end[ei];
    out[o] = fromStart ? s + weight * (e - s) : e - (e - s) * (1 - weight);
  }
}

/** out = cond != 0 ? a : b. */
export function whereKernel(
  out: TypedArray, o: number, os: number, c: TypedArray, ci: number, cs: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number,
): void {
  for (let i = 0; i < n; i++, o += os, ci += cs, ai += as, bi += bs) out[o] = c[ci] !== 0 ? a[ai] : b[bi];
}
