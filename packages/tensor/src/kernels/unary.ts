import type { TypedArray } from "../dtype";

/**
 * Unary element-wise kernels: out[o + i*os] = f(a[ai + i*as]) for i < n, one strided run.
 * Arithmetic is in float64; storing into a Float32Array rounds once.
 */
export type UnaryKernel = (out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number) => void;

/** a copy (with the dtype conversion of the output array) */
/** Contiguous runs at least this long are copied with TypedArray.set (a memcpy when the types match). */
const SET_MIN = 32;

export function copyKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  // set converts each element as the assignment below does (within one buffer it would copy as if
  // through a temporary, which an overlapping run must not, so those take the loop).
  if (os === 1 && as === 1 && n >= SET_MIN && out.buffer !== a.buffer) {
    out.set(a.subarray(ai, ai + n), o);
    return;
  }
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = x;
  }
}

/** -a */
export function negKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = -x;
  }
}

/** |a| */
export function absKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = Math.abs(x);
  }
}

/** -1, 0 or 1 (NaN stays NaN) */
export function signKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN;
  }
}

/** e^a */
export function expKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = Math.exp(x);
  }
}

/** ln a */
export function logKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = Math.log(x);
  }
}

/** ln(1 + a), accurate near 0 */
export function log1pKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = Math.log1p(x);
  }
}

/** √a */
export function sqrtKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = Math.sqrt(x);
  }
}

/** 1/√a */
export function rsqrtKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = 1 / Math.sqrt(x);
  }
}

/** a² */
export function squareKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = x * x;
  }
}

/** tanh a */
export function tanhKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = Math.tanh(x);
  }
}

/** 1/(1+e^-a), never evaluating e^t for large positive t */
export function sigmoidKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }
}

/** max(a, 0), NaN stays NaN */
export function reluKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    out[o] = x > 0 ? x : x === x ? 0 : x;
  }
}

/** min(max(a, lo), hi); NaN stays NaN. Pass -Infinity / Infinity for a missing bound. */
export function clampKernel(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number, lo: number, hi: number): void {
  for (let i = 0; i < n; i++, o += os, ai += as) {
    const x = a[ai];
    const y = x < lo ? lo : x;
    out[o] = y > hi ? hi : y; // PyTorch: min(max(x, lo), hi), so lo > hi gives hi
  }
}
