/**
 * The wasm GEMM as a kernel-table entry (GemmKernel). Per call: the operands are staged into the
 * wasm memory (one typed-array copy of the span they occupy, converting int32 or mixed
 * precisions on the way; operands scattered thinly over a large buffer are gathered instead),
 * unless they already lie there (placed in the kernel memory). Then two jobs run on one or more
 * threads: B is packed into panels (while the calling thread stages A, and C when accumulating),
 * then the rows of C are computed and copied out as they are final. A C placed in the kernel
 * memory whose rows are whole tiles is computed where it lies, with no copy in or out. Every
 * buffer is laid out afresh in the runtime's workspace, which is reused from call to call.
 */
import type { TypedArray } from "../dtype";
import type { GemmKernel } from "../kernels/matmul";
import { gemmF64 } from "../kernels/matmul";
import type { WasmRuntime } from "./runtime";
import { align64 } from "./runtime";
import { getNumThreads, runJob } from "./thread-pool";

/** Rows per register tile and per packed block, and the packed slice depth: as in asm/gemm.ts and asm/pack.ts. */
export const MR = 4;
export const MC = 64;
export const KC = 256;
/** Below this many multiply-adds the TypeScript kernel is as fast as staging into wasm. */
const WASM_MIN_MACS = 8 * 8 * 8;
/** Below this many multiply-adds (about 200³) a product stays on the calling thread: waking workers costs more than it saves. */
export const THREAD_MIN_MACS = 2 ** 23;

export type Precision = "f32" | "f64";

/** A GemmKernel computing in the runtime's `precision` (float32 with float32 accumulation, or float64). */
export function wasmGemm(runtime: WasmRuntime, precision: Precision): GemmKernel {
  const size = precision === "f32" ? 4 : 8;
  const nr = precision === "f32" ? 8 : 4;
  return (m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, accumulate = false) => {
    if (m === 0 || n === 0) return;
    if (k === 0) {
      if (!accumulate) c.fill(0, cOff, cOff + m * n);
      return;
    }
    if (m * n * k < WASM_MIN_MACS) {
      gemmF64(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, accumulate);
      return;
    }
    const mpad = Math.ceil(m / MR) * MR;
    const npad = Math.ceil(n / nr) * nr;
    const threads = m * n * k >= THREAD_MIN_MACS ? getNumThreads() : 1;
    const chunkRows = chooseChunkRows(mpad, threads);
    const participants = Math.min(threads, Math.ceil(mpad / chunkRows));
    // An operand already in this memory, of the precision computed in, is read where it lies.
    const aHome = residentAt(runtime, a, size);
    const bHome = residentAt(runtime, b, size);
    const aSpan = aHome >= 0 ? 0 : stagedLength(m, k, ars, acs);
    const bSpan = bHome >= 0 ? 0 : stagedLength(k, n, brs, bcs);
    // The kernel writes whole MR×NR tiles at row stride npad: a C of whole tiles can take them itself.
    const cHome = mpad === m && npad === n ? residentAt(runtime, c, size) : -1;
    // Workspace layout: staged A | staged B | packed B | C (mpad × npad, unless C is home) | one packing scratch per participant.
    const bOffset = align64(aSpan * size);
    const pbOffset = align64(bOffset + bSpan * size);
    const cOffset = align64(pbOffset + npad * k * size);
    const scratchOffset = align64(cOffset + (cHome >= 0 ? 0 : mpad * npad * size));
    const scratchStride = align64(MC * KC * size);
    const base = runtime.workspace(scratchOffset + participants * scratchStride);
    if (base === null) {
      // Beyond what a 32-bit wasm memory can address: the TypeScript kernel has no such limit.
      gemmF64(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, accumulate);
      return;
    }
    const [bAt, pbAt, scratchAt] = [base + bOffset, base + pbOffset, base + scratchOffset];
    const cAt = cHome >= 0 ? cHome + cOff * size : base + cOffset;
    const view = precision === "f32" ? runtime.f32() : runtime.f64();
    const sb = bHome >= 0 ? { at: bHome + bOff * size, rs: brs, cs: bcs } : stage(view, bAt, size, b, bOff, k, n, brs, bcs);
    let sa = { at: aHome + aOff * size, rs: ars, cs: acs };
    const c0 = cAt / size;
    // B's panels are packed by every thread taking part before any row of C starts (each row needs them all).
    runJob(runtime, {
      mode: "range", export: precision === "f32" ? "packBF32" : "packBF64",
      // (b, rs, cs, k, n, dst, c0, c1): c0 and c1 are set per chunk
      args: [sb.at, sb.rs, sb.cs, k, n, pbAt, 0, 0], rangeArg: 6,
      chunk: chooseChunk(npad, nr, threads), extent: npad,
    }, participants, {
      // Meanwhile this thread stages A (only it can read an ordinary array) and, accumulating, C's
      // old values at C's padded stride, which the kernel adds its first slice to.
      alongside: () => {
        if (aHome < 0) sa = stage(view, base, size, a, aOff, m, k, ars, acs);
        if (accumulate && cHome < 0) copyIn(view, c0, npad, c, cOff, m, n);
      },
    });
    // Rows of C are copied out chunk by chunk as they are final, overlapping the copy (which
    // also takes the page faults of a fresh output) with the workers' remaining chunks.
    const copyOut = (i0: number, i1: number): void => {
      const rows = Math.min(i1, m) - i0;
      if (rows <= 0) return;
      if (npad === n) {
        c.set(view.subarray(c0 + i0 * n, c0 + (i0 + rows) * n), cOff + i0 * n);
        return;
      }
      for (let i = i0; i < i0 + rows; i++) c.set(view.subarray(c0 + i * npad, c0 + i * npad + n), cOff + i * n);
    };
    runJob(runtime, {
      mode: "range", export: precision === "f32" ? "gemmRowsF32" : "gemmRowsF64",
      // (a, ars, acs, m, k, pb, c, ldc, i0, i1, scratch, accumulate): i0 and i1 are set per chunk
      args: [sa.at, sa.rs, sa.cs, m, k, pbAt, cAt, npad, 0, 0, scratchAt, accumulate ? 1 : 0], rangeArg: 8,
      scratch: { arg: 10, stride: scratchStride },
      chunk: chunkRows, extent: mpad,
    }, participants, cHome >= 0 ? {} : { finished: copyOut });
  };
}

/** Copies the m×n rows of c (from cOff, row stride n) into view from element c0 at row stride npad. */
function copyIn(view: Float32Array | Float64Array, c0: number, npad: number, c: TypedArray, cOff: number, m: number, n: number): void {
  if (npad === n) {
    view.set(c.subarray(cOff, cOff + m * n), c0);
    return;
  }
  for (let i = 0; i < m; i++) view.set(c.subarray(cOff + i * n, cOff + (i + 1) * n), c0 + i * npad);
}

/** Chunks of whole MC blocks, but at least two chunks per thread (down to 16 rows) so a busy core's share can move. */
function chooseChunkRows(mpad: number, threads: number): number {
  if (threads <= 1) return mpad;
  return Math.max(16, Math.min(MC, chooseChunk(mpad, MR, threads)));
}

/** Two chunks per thread, each a multiple of `unit`. */
function chooseChunk(extent: number, unit: number, threads: number): number {
  return Math.ceil(extent / (2 * threads) / unit) * unit;
}

/** Elements one staged operand takes: its span when it is dense enough to copy whole, else rows·cols gathered. */
function stagedLength(rows: number, cols: number, rs: number, cs: number): number {
  const span = spanOf(rows, cols, rs, cs);
  return span <= 2 * rows * cols + 64 ? span : rows * cols;
}

function spanOf(rows: number, cols: number, rs: number, cs: number): number {
  return Math.abs(rs) * (rows - 1) + Math.abs(cs) * (cols - 1) + 1;
}

/** The byte address of data[0] when data lies in the runtime's memory with `size`-byte floats, else −1. */
function residentAt(runtime: WasmRuntime, data: TypedArray, size: number): number {
  const float = size === 4 ? data instanceof Float32Array : data instanceof Float64Array;
  return float ? runtime.addressOf(data) : -1;
}

/**
 * Copies a rows×cols operand (element (i, j) at data[off + i·rs + j·cs]) into view from byte
 * address `at`, converting to the view's type. Returns the byte address of element (0, 0) and
 * the strides to read it with.
 */
function stage(
  view: Float32Array | Float64Array, at: number, size: number, data: TypedArray, off: number, rows: number, cols: number, rs: number, cs: number,
): { at: number; rs: number; cs: number } {
  const span = spanOf(rows, cols, rs, cs);
  if (span <= 2 * rows * cols + 64) {
    const first = off + Math.min(0, rs * (rows - 1)) + Math.min(0, cs * (cols - 1));
    view.set(data.subarray(first, first + span), at / size);
    return { at: at + (off - first) * size, rs, cs };
  }
  let q = at / size;
  for (let i = 0; i < rows; i++) {
    for (let j = 0, p = off + i * rs; j < cols; j++, p += cs) view[q++] = data[p];
  }
  return { at, rs: cols, cs: 1 };
}
