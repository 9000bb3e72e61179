// Helpers shared by the package's tests (not exported from the package).
import type { FloatArray } from "./param";

/** A plain float64 parameter with a gradient (or none). */
export function param(values: readonly number[], grad: readonly number[] | null = null): { data: Float64Array; grad: Float64Array | null } {
  return { data: Float64Array.from(values), grad: grad === null ? null : Float64Array.from(grad) };
}

/** Sets a parameter's gradient to `values`. */
export function setGrad(p: { grad: FloatArray | null }, values: readonly number[]): void {
  p.grad = Float64Array.from(values);
}

/** Bit-for-bit equality of two arrays (distinguishes −0 from 0, compares NaN payloads). */
export function sameBits(a: FloatArray, b: FloatArray): boolean {
  if (a.constructor !== b.constructor || a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return x.every((v, i) => v === y[i]);
}
