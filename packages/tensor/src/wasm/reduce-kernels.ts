/**
 * WebAssembly SIMD versions of the kernel table's sumRows (column sums, below), sum, sumAbs, sumSquares, max, min, maxAbs and
 * minAbs for long contiguous float32/float64 runs. The run is read in pieces of one staging slot
 * (forEachPiece), in place when it lies in the kernel memory, else copied into the staging area
 * first; the pieces are the same either way, so the result does not depend on where the array lives.
 * Strided runs, int32 and short runs go to the TypeScript kernel.
 *
 * Accuracy contract:
 * - max, min, maxAbs, minAbs are exact and equal the TypeScript kernels' results bit for bit:
 *   NaN if any element is NaN, and a zero result has the sign of the run's first zero (max of
 *   [−0, 0] is −0, of [0, −0] is 0), as the TypeScript loop, which keeps the first of equal
 *   elements, returns it.
 * - Sums accumulate in float64 over the TypeScript kernels' blocks of 256 elements (float32
 *   elements promoted exactly; |x| and x² of a float32 are exact in float64, x² of a float64 is
 *   rounded once, as in the TypeScript kernels), but inside a block on eight lanes, and the
 *   block totals per 128 KB chunk before the chunk totals: a different association, so not
 *   bit-identical. A summand goes through at most 42 roundings inside its block (31 in its lane,
 *   3 folding the lanes, 7 for the last block's tail) and n/256 + 1 after it (the TypeScript
 *   kernel: 255 and n/256), so by the recursive-summation bound the result is within
 *   (n/256 + 42)·u·Σ|term| of the exact sum (u = 2⁻⁵³), and within (2n/256 + 300)·u·Σ|term| of
 *   the TypeScript kernel's; the tests assert both on random runs (the errors observed are far
 *   smaller, about 0.02–0.7·u·Σ|term|, and below the TypeScript kernel's). A float32 tensor's sum,
 *   rounded once to float32, then equals the TypeScript backend's or is one float32 ulp away (the
 *   two float64 values straddle a rounding boundary), unless cancellation makes the sum smaller
 *   than about 2⁻²⁹·(n/128 + 300)·Σ|x|.
 */
import type { TypedArray } from "../dtype";
import type { FloatArray } from "../dtype";
import type { ReduceKernel, SumRowsKernel } from "../kernels/reduce";
import {
  SUM_BLOCK, blockColumnSums, maxAbsReduce, maxReduce, minAbsReduce, minReduce, sumAbsReduce, sumReduce, sumRowsReduce, sumSquaresReduce,
} from "../kernels/reduce";
import { channelSumsWasm } from "./batch-norm-kernels";
import type { KernelMemory } from "./kernel-memory";
import { forEachPiece, loadKernelMemory, stagingAreaFor } from "./kernel-memory";

/**
 * Shorter runs stay in TypeScript: a wasm call with its checks and staging costs about 100 ns, and
 * the TypeScript loop was measured faster below 100–130 elements; 256 leaves a margin.
 */
export const WASM_REDUCE_MIN = 256;

/** The op codes of asm/reduce.ts. */
export const REDUCE_OPS = { sum: 0, sumAbs: 1, sumSquares: 2, max: 3, min: 4, maxAbs: 5, minAbs: 6 } as const;

export type ReduceOp = keyof typeof REDUCE_OPS;

/** How two chunks' results combine: sums add; an extreme keeps the earlier of equal values (the sign of the first zero). */
const COMBINE: Record<ReduceOp, (earlier: number, later: number) => number> = {
  sum: (x, y) => x + y,
  sumAbs: (x, y) => x + y,
  sumSquares: (x, y) => x + y,
  max: (x, y) => (y > x ? y : x),
  min: (x, y) => (y < x ? y : x),
  maxAbs: (x, y) => (y > x ? y : x),
  minAbs: (x, y) => (y < x ? y : x),
};

function floatKind(array: TypedArray): "float32" | "float64" | null {
  return array instanceof Float32Array ? "float32" : array instanceof Float64Array ? "float64" : null;
}

/** The reduction `op` over contiguous float runs in wasm, `fallback` for everything else. */
export function wasmReduceKernel(op: ReduceOp, fallback: ReduceKernel, memory: KernelMemory): ReduceKernel {
  const code = REDUCE_OPS[op];
  const combine = COMBINE[op];
  return (a, off, s, n) => {
    const kind = floatKind(a);
    if (n < WASM_REDUCE_MIN || s !== 1 || kind === null) return fallback(a, off, s, n);
    const run = (a as Float32Array | Float64Array).subarray(off, off + n);
    const area = stagingAreaFor(memory, [run]);
    const kernel = kind === "float32" ? area.exports.reduceF32 : area.exports.reduceF64;
    let result = NaN;
    forEachPiece(memory, area, run, [run], ["read"], (at, m, start) => {
      // NaN decides a max or min at once (a NaN sum stays NaN anyway): later pieces change nothing
      if (start > 0 && result !== result) return;
      const value = kernel(code, at[0], m);
      result = start === 0 || value !== value ? value : combine(result, value);
    });
    return result;
  };
}

/**
 * Column sums (sumRows) with the batch-norm channel-sum kernel: an (N, C) block is C channels of
 * one element per row, and each channel's float64 total adds the rows in order, so every block of
 * 256 rows gives the TypeScript kernel's partial sums bit for bit, and so does the whole. Blocks
 * the channel kernel declines (short, very wide, or wasm off) are summed in TypeScript.
 */
export function wasmSumRows(fallback: SumRowsKernel): SumRowsKernel {
  return (a, off, rows, cols, out) => {
    if (floatKind(a) === null) {
      fallback(a, off, rows, cols, out);
      return;
    }
    out.fill(0, 0, cols);
    for (let start = 0; start < rows; start += SUM_BLOCK) {
      const blockRows = Math.min(SUM_BLOCK, rows - start);
      const first = off + start * cols;
      const block = (a as FloatArray).subarray(first, first + blockRows * cols);
      const partial = channelSumsWasm(block, { batch: blockRows, channels: cols, spatial: 1 }) ?? blockColumnSums(a, first, blockRows, cols);
      for (let c = 0; c < cols; c++) out[c] += partial[c];
    }
  };
}

export interface ReduceKernels {
  sumRows: SumRowsKernel;
  sum: ReduceKernel;
  sumAbs: ReduceKernel;
  sumSquares: ReduceKernel;
  max: ReduceKernel;
  min: ReduceKernel;
  maxAbs: ReduceKernel;
  minAbs: ReduceKernel;
}

let made: ReduceKernels | null | undefined;

/** The wasm reduction entries, each over its TypeScript kernel as fallback, made once; null without wasm SIMD. */
export function wasmReduceKernels(): ReduceKernels | null {
  if (made === undefined) {
    const memory = loadKernelMemory();
    made = memory === null ? null : {
      sumRows: wasmSumRows(sumRowsReduce),
      sum: wasmReduceKernel("sum", sumReduce, memory),
      sumAbs: wasmReduceKernel("sumAbs", sumAbsReduce, memory),
      sumSquares: wasmReduceKernel("sumSquares", sumSquaresReduce, memory),
      max: wasmReduceKernel("max", maxReduce, memory),
      min: wasmReduceKernel("min", minReduce, memory),
      maxAbs: wasmReduceKernel("maxAbs", maxAbsReduce, memory),
      minAbs: wasmReduceKernel("minAbs", minAbsReduce, memory),
    };
  }
  return made;
}
