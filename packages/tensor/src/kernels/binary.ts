import type { TypedArray } from "../dtype";

/**
 * Binary element-wise kernels: out[o + i*os] = f(a[ai + i*as], b[bi + i*bs]) for i < n.
 * One strided run; the caller passes unit strides for contiguous operands (one call for the
 * whole tensor) and stride 0 for a broadcast operand or a number. Written out per op so the
 * operation is inlined in the loop (no per-element call).
 */
export type BinaryKernel = (
  out: TypedArray,
  o: number,
  os: number,
  a: TypedArray,
  ai: number,
  as: number,
  b: TypedArray,
  bi: number,
  bs: number,
  n: number,
) => void;

/** a + b */
export function addKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x + y;
  }
}

/**
 * a where b > 0 or b is NaN, +0 where b ≤ 0: the gradient of relu given its output b (PyTorch's
 * threshold_backward at 0), without multiplying by a mask, so an infinite a where b ≤ 0 gives 0.
 */
export function reluBackwardKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = y <= 0 ? 0 : x;
  }
}

/** a - b */
export function subKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x - y;
  }
}

/** a * b */
export function mulKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x * y;
  }
}

/** a / b */
export function divKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x / y;
  }
}

/** a ** b (Math.pow) */
export function powKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = Math.pow(x, y);
  }
}

/** the larger of a and b; NaN if either is NaN */
export function maximumKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x >= y ? x : y > x ? y : NaN;
  }
}

/** the smaller of a and b; NaN if either is NaN */
export function minimumKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x <= y ? x : y < x ? y : NaN;
  }
}

/** 1 where a == b */
export function eqKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x === y ? 1 : 0;
  }
}

/** 1 where a != b */
export function neKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x !== y ? 1 : 0;
  }
}

/** 1 where a < b */
export function ltKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x < y ? 1 : 0;
  }
}

/** 1 where a <= b */
export function leKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x <= y ? 1 : 0;
  }
}

/** 1 where a > b */
export function gtKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x > y ? 1 : 0;
  }
}

/** 1 where a >= b */
export function geKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x >= y ? 1 : 0;
  }
}
