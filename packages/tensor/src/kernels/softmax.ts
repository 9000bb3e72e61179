import type { TypedArray } from "../dtype";
import { maxReduce } from "./reduce";

/** Softmax of one strided run: exp(x - max) / Σ exp(x - max), never overflowing. */
export function softmaxRow(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  const m = maxReduce(a, ai, as, n);
  let total = 0;
  for (let i = 0, p = ai, q = o; i < n; i++, p += as, q += os) {
    const e = Math.exp(a[p] - m);
    out[q] = e;
    total += e;
  }
  for (let i = 0, q = o; i < n; i++, q += os) out[q] /= total;
}

/** log-softmax of one strided run: x - max - log Σ exp(x - max). */
export function logSoftmaxRow(out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number): void {
  const m = maxReduce(a, ai, as, n);
  let total = 0;
  for (let i = 0, p = ai; i < n; i++, p += as) total += Math.exp(a[p] - m);
  const shift = m + Math.log(total);
  for (let i = 0, p = ai, q = o; i < n; i++, p += as, q += os) out[q] = a[p] - shift;
}
