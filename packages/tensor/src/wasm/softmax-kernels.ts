/**
 * WebAssembly SIMD versions of the kernel table's softmax and logSoftmax rows, for contiguous
 * float32 rows of WASM_SOFTMAX_MIN to ROW_MAX elements (one staging area): the maximum (the
 * reduction kernel), then e^(x − max) and its sum, then the division by the sum (softmax) or the
 * subtraction of max + log(sum) (log-softmax, the log taken here with Math.log as the TypeScript
 * kernel takes it). Rows lying in the kernel memory are read and written where they lie; others
 * are staged (forEachPiece). Every other row goes to the TypeScript kernel.
 *
 * Accuracy contract: the wasm rows compute what the TypeScript rows compute, in float64 rounded
 * once to float32 when stored, except that the sum is added in another order (four lanes) and
 * e^t comes from a polynomial good to a few float64 ulps instead of Math.exp. Both move the
 * float64 results by a few ulps, so a float32 output equals the TypeScript one or is one float32
 * ulp away (where the float64 value lies that close to a rounding midpoint); the tests assert
 * the 1-ulp bound on random rows and count the differences.
 */
import type { TypedArray } from "../dtype";
import type { UnaryKernel } from "../kernels/unary";
import { logSoftmaxRow, softmaxRow } from "../kernels/softmax";
import type { KernelMemory } from "./kernel-memory";
import { STAGE_BYTES, forEachPiece, loadKernelMemory, stagingAreaFor } from "./kernel-memory";
import { REDUCE_OPS } from "./reduce-kernels";

/** Shorter rows stay in TypeScript (measured: below about this, the calls cost more than they save). */
export const WASM_SOFTMAX_MIN = 128;
/** Longest row the wasm path takes: one staging area. */
export const ROW_MAX = STAGE_BYTES / 4;

/** The softmax (log = false) or log-softmax row kernel over contiguous float32 rows in wasm, `fallback` for the rest. */
export function wasmSoftmaxKernel(log: boolean, fallback: UnaryKernel, memory: KernelMemory): UnaryKernel {
  return (out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number) => {
    if (n < WASM_SOFTMAX_MIN || n > ROW_MAX || os !== 1 || as !== 1 || !(out instanceof Float32Array) || !(a instanceof Float32Array)) {
      fallback(out, o, os, a, ai, as, n);
      return;
    }
    const aRow = a.subarray(ai, ai + n);
    const outRow = out.subarray(o, o + n);
    const area = stagingAreaFor(memory, [aRow, outRow]);
    const ex = area.exports;
    // n ≤ ROW_MAX: one piece
    forEachPiece(memory, area, aRow, [aRow, outRow], ["read", "write"], ([aAt, outAt]) => {
      const max = ex.reduceF32(REDUCE_OPS.max, aAt, n);
      const total = ex.softmaxExpSumF32(aAt, outAt, n, max, log ? 0 : 1);
      if (log) ex.softmaxSubtractF32(aAt, outAt, n, max + Math.log(total));
      else ex.softmaxDivideF32(outAt, n, total);
    });
  };
}

export interface SoftmaxKernels {
  softmax: UnaryKernel;
  logSoftmax: UnaryKernel;
}

let made: SoftmaxKernels | null | undefined;

/** The wasm softmax and logSoftmax entries, each over its TypeScript kernel as fallback, made once; null without wasm SIMD. */
export function wasmSoftmaxKernels(): SoftmaxKernels | null {
  if (made === undefined) {
    const memory = loadKernelMemory();
    made = memory === null ? null : { softmax: wasmSoftmaxKernel(false, softmaxRow, memory), logSoftmax: wasmSoftmaxKernel(true, logSoftmaxRow, memory) };
  }
  return made;
}
