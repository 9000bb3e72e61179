/**
 * Kernel memory: the linear memory of the kernel runtime (runtime.ts), where long-lived arrays
 * (parameters, gradients, optimizer state) can be placed so that the fused kernels update them in
 * place, with no copy, and the matmul reads them where they lie. Arrays elsewhere are staged
 * through it chunk by chunk.
 *
 * Placement needs shared memory: a shared WebAssembly.Memory keeps every view valid when it grows,
 * where a private one detaches them. Without it (a browser page that is not cross-origin
 * isolated) `kernelMemoryArray` returns an ordinary array and everything is staged.
 *
 * An array placed here is freed when the array object itself is garbage-collected. A view made
 * from it (subarray) does not keep the block alive: keep the array returned by
 * `kernelMemoryArray` as long as any view of it is in use.
 */
import type { FloatArray } from "../dtype";
import { invalidArgument } from "../errors";
import type { ChunkExport } from "./control-block";
import type { KernelExports, WasmRuntime } from "./runtime";
import { align64, instantiatePrivate, loadRuntime } from "./runtime";
import { runElements, threadsTake } from "./thread-pool";
import { bestVariant } from "./select";

/** Bytes per staged array per chunk: a handful of chunks stay in L2 between copy-in, update and copy-out. */
export const STAGE_BYTES = 128 * 1024;
/** Staged arrays at most (Adam with AMSGrad: parameter, gradient and three state arrays). */
const STAGE_SLOTS = 5;

/** STAGE_SLOTS areas of STAGE_BYTES at `stage`, and the kernels that address them. */
export interface StagingArea {
  readonly exports: KernelExports;
  /** Byte address of the first area. */
  readonly stage: number;
  /** A Float32Array or Float64Array over the current memory (renewed after growth). */
  view(type: "float32" | "float64"): FloatArray;
}

export interface KernelMemory extends StagingArea {
  /** The runtime whose memory this is (its thread pool can run kernels over placed arrays). */
  readonly runtime: WasmRuntime;
  /**
   * Where arrays none of which lies here are staged: a private memory of its own, which copies
   * run in and out of at memcpy speed (into this shared memory V8 copies about half as fast).
   * This memory's own staging area serves calls that mix placed and other arrays.
   */
  readonly privateStaging: StagingArea;
  /** The byte address of an array placed here, or −1 for an array elsewhere. */
  addressOf(array: FloatArray): number;
  /** A zeroed array placed here, or null when placement is unavailable or the memory is full. */
  place(type: "float32" | "float64", length: number): FloatArray | null;
}

let kernelMemory: KernelMemory | null | undefined;

/** The kernel memory (the best variant's runtime), set up on first use; null without WebAssembly SIMD. */
export function loadKernelMemory(): KernelMemory | null {
  if (kernelMemory === undefined) {
    const variant = bestVariant();
    const runtime = variant === null ? null : loadRuntime(variant);
    kernelMemory = runtime === null ? null : createKernelMemory(runtime);
  }
  return kernelMemory;
}

function createKernelMemory(runtime: WasmRuntime): KernelMemory | null {
  const stage = runtime.allocator.allocate(STAGE_SLOTS * STAGE_BYTES);
  if (stage === null) return null;
  const privateStaging = runtime.shared ? createPrivateStaging(runtime.variant) : null;
  const registry = new FinalizationRegistry<number>((address) => {
    runtime.allocator.release(address);
  });
  const own: StagingArea = { exports: runtime.exports, stage, view: (type) => (type === "float32" ? runtime.f32() : runtime.f64()) };
  return {
    ...own,
    runtime,
    privateStaging: privateStaging ?? own,
    addressOf: (array) => runtime.addressOf(array),
    place(type, length) {
      // a private memory detaches its views when it grows, so nothing may live in it
      if (!runtime.shared) return null;
      const Type = type === "float32" ? Float32Array : Float64Array;
      const address = runtime.allocator.allocate(length * Type.BYTES_PER_ELEMENT);
      if (address === null) return null;
      // typed as ArrayBuffer: the library types have no constructor overload for SharedArrayBuffer
      const array = new Type(runtime.buffer() as ArrayBuffer, address, length);
      array.fill(0);
      registry.register(array, address);
      return array;
    },
  };
}

/** A private memory with a staging area after the module's static data; null where it cannot be made. */
function createPrivateStaging(variant: WasmRuntime["variant"]): StagingArea | null {
  const instance = instantiatePrivate(variant);
  if (instance === null) return null;
  const { exports, memory } = instance;
  const stage = align64(exports.heapBase());
  try {
    const missing = Math.ceil((stage + STAGE_SLOTS * STAGE_BYTES - memory.buffer.byteLength) / 65536);
    if (missing > 0) memory.grow(missing);
  } catch {
    return null;
  }
  // the memory never grows again, so these views stay valid
  const f32 = new Float32Array(memory.buffer);
  const f64 = new Float64Array(memory.buffer);
  return { exports, stage, view: (type) => (type === "float32" ? f32 : f64) };
}

/**
 * A zero-filled Float32Array or Float64Array of `length` elements placed in the kernel memory,
 * where the fused optimizer updates (`adamUpdateWasm`, `sgdUpdateWasm`) work on it in place. Where
 * placement is unavailable it is an ordinary array: code that uses it runs everywhere.
 * Meant for long-lived arrays: the block is freed when the returned array is garbage-collected
 * (a subarray does not keep it alive).
 */
export function kernelMemoryArray(dtype: "float32", length: number): Float32Array;
export function kernelMemoryArray(dtype: "float64", length: number): Float64Array;
export function kernelMemoryArray(dtype: "float32" | "float64", length: number): FloatArray;
export function kernelMemoryArray(dtype: "float32" | "float64", length: number): FloatArray {
  const fn = "kernelMemoryArray";
  const type: unknown = dtype;
  if (type !== "float32" && type !== "float64") throw invalidArgument(fn, "dtype", dtype, '"float32" or "float64"');
  if (!Number.isSafeInteger(length) || length < 0) throw invalidArgument(fn, "length", length, "a non-negative integer");
  return loadKernelMemory()?.place(dtype, length) ?? (dtype === "float32" ? new Float32Array(length) : new Float64Array(length));
}

/** True when the array lies in the kernel memory (made by kernelMemoryArray, or a view of such an array). */
export function inKernelMemory(array: ArrayBufferView): boolean {
  if (!(array instanceof Float32Array) && !(array instanceof Float64Array)) return false;
  const memory = loadKernelMemory();
  return memory !== null && memory.addressOf(array) >= 0;
}

/** How a kernel uses an array: reads it, writes it without reading it, or reads and writes it. */
export type Access = "read" | "write" | "update";

/** One call of an element-wise export: its arguments, which of them are array addresses, which is the length. */
export interface ElementCall {
  name: ChunkExport;
  args: number[];
  pointers: number[];
  length: number;
}

/**
 * Where a kernel over these arrays runs: in the kernel memory when any of them lies there (the
 * others are staged beside them), else in the private staging area, which copies at memcpy speed.
 */
export function stagingAreaFor(memory: KernelMemory, arrays: (FloatArray | null)[]): StagingArea {
  return arrays.some((array) => array !== null && memory.addressOf(array) >= 0) ? memory : memory.privateStaging;
}

/**
 * Copies elements [start, start + n) of every staged array the kernel reads (access "read" or
 * "update") into `view` at its byte address at[i].
 */
function copyPieceIn(view: FloatArray, arrays: (FloatArray | null)[], staged: readonly boolean[], access: Access[], at: readonly number[], start: number, n: number): void {
  arrays.forEach((array, i) => {
    if (array !== null && staged[i] && access[i] !== "write") view.set(array.subarray(start, start + n), at[i] / view.BYTES_PER_ELEMENT);
  });
}

/** Copies elements [start, start + n) of every staged array the kernel writes ("write" or "update") back from `view` at at[i]. */
function copyPieceOut(view: FloatArray, arrays: (FloatArray | null)[], staged: readonly boolean[], access: Access[], at: readonly number[], start: number, n: number): void {
  arrays.forEach((array, i) => {
    if (array !== null && staged[i] && access[i] !== "read") array.set(view.subarray(at[i] / view.BYTES_PER_ELEMENT, at[i] / view.BYTES_PER_ELEMENT + n), start);
  });
}

/**
 * Runs `run(at, n, start)` over the arrays (null ones get address 0), each of `like`'s length and
 * element type, piece by piece: pieces of one staging slot, the same wherever the arrays live, so
 * a kernel that sums gives the same bits for placed and staged arrays. Arrays in the kernel memory
 * are addressed where they lie (when `area` is the kernel memory, see stagingAreaFor); array i
 * otherwise goes through slot i of the area, copied in when the kernel reads it and back when it
 * writes it.
 */
export function forEachPiece(
  memory: KernelMemory, area: StagingArea, like: FloatArray, arrays: (FloatArray | null)[], access: Access[],
  run: (at: number[], n: number, start: number) => void,
): void {
  const size = like.BYTES_PER_ELEMENT;
  const chunk = STAGE_BYTES / size;
  const home = arrays.map((array) => (array === null ? 0 : area === memory ? memory.addressOf(array) : -1));
  const staged = home.map((address) => address < 0);
  const at = home.slice();
  const view = area.view(like instanceof Float32Array ? "float32" : "float64");
  for (let start = 0; start < like.length; start += chunk) {
    const n = Math.min(chunk, like.length - start);
    arrays.forEach((array, i) => {
      if (array !== null) at[i] = staged[i] ? area.stage + i * STAGE_BYTES : home[i] + start * size;
    });
    copyPieceIn(view, arrays, staged, access, at, start, n);
    run(at, n, start);
    copyPieceOut(view, arrays, staged, access, at, start, n);
  }
}

/** Elements per piece when arrays are copied through the workspace for the threads (1 MB of float32 per array). */
export const THREADED_PIECE = 1 << 18;

/**
 * Exports whose arithmetic per element far outweighs copying it (float32 exp, sigmoid, tanh: tens
 * of instructions an element): worth the threads even when every array must be copied in and out.
 */
const COMPUTE_BOUND: ReadonlySet<ChunkExport> = new Set<ChunkExport>(["transcendentalF32"]);

/** True when the threads pay for copying the unplaced arrays: some arrays are placed, or the kernel is compute-bound. */
function threadsPay(
  memory: KernelMemory, arrays: (FloatArray | null)[], home: number[], call: (at: number[], n: number, area: StagingArea) => ElementCall,
): boolean {
  return arrays.some((array, i) => array !== null && home[i] >= 0) || COMPUTE_BOUND.has(call(home, 0, memory).name);
}

/**
 * Runs the kernel on the threads with the arrays outside the kernel memory copied through the
 * workspace a piece of up to THREADED_PIECE elements at a time, double-buffered: while the
 * threads compute piece j, this thread copies piece j − 1 out (the arrays the kernel writes) and
 * piece j + 1 in (those it reads), then joins them. False, with nothing done, when the workspace
 * cannot be that large.
 */
function threadedThroughWorkspace(
  memory: KernelMemory, like: FloatArray, arrays: (FloatArray | null)[], home: number[], access: Access[],
  call: (at: number[], n: number, area: StagingArea) => ElementCall,
): boolean {
  const n = like.length;
  const size = like.BYTES_PER_ELEMENT;
  const piece = Math.min(n, THREADED_PIECE);
  const away = arrays.map((array, i) => array !== null && home[i] < 0);
  const stride = align64(piece * size);
  const awayCount = away.filter(Boolean).length;
  const base = memory.runtime.workspace(2 * stride * awayCount);
  if (base === null) return false;
  const view = memory.view(like instanceof Float32Array ? "float32" : "float64");
  // slot[i]: array i's first buffer; its second is awayCount·stride further on
  let slots = 0;
  const slot = away.map((isAway) => (isAway ? base + stride * slots++ : -1));
  const pieces = Math.ceil(n / piece);
  const pieceLength = (j: number): number => Math.min(piece, n - j * piece);
  // Piece j's addresses: array i's buffer j % 2 when staged, where its piece lies when placed, 0 when null.
  const addresses = (j: number): number[] =>
    home.map((address, i) => (away[i] ? slot[i] + (j % 2) * awayCount * stride : arrays[i] === null ? 0 : address + j * piece * size));
  const copyIn = (j: number): void => { copyPieceIn(view, arrays, away, access, addresses(j), j * piece, pieceLength(j)); };
  const copyOut = (j: number): void => { copyPieceOut(view, arrays, away, access, addresses(j), j * piece, pieceLength(j)); };
  copyIn(0);
  for (let j = 0; j < pieces; j++) {
    const { name, args, pointers, length } = call(addresses(j), pieceLength(j), memory);
    runElements(memory.runtime, name, args, pointers, length, size, () => {
      // piece j − 1 shares its buffers with piece j + 1: out before in
      if (j > 0) copyOut(j - 1);
      if (j + 1 < pieces) copyIn(j + 1);
    });
  }
  copyOut(pieces - 1);
  return true;
}

/**
 * Runs the element-wise kernel `call(addresses, n, area)` describes over the arrays (null ones
 * get address 0), each of `like`'s length and element type (`area`: the memory the kernel runs
 * in). When every array lies in the kernel memory that is one call, in place (split across the
 * worker threads when long). When the run is long enough for the threads and they pay for the
 * copies (some arrays are placed, as a parameter with an ordinary gradient, or the kernel is
 * compute-bound), the other arrays go through the workspace for the threads; otherwise piece by
 * piece through the staging area on this thread (forEachPiece). Every element is computed the
 * same way in each case.
 */
export function streamThrough(
  memory: KernelMemory, like: FloatArray, arrays: (FloatArray | null)[], access: Access[],
  call: (at: number[], n: number, area: StagingArea) => ElementCall,
): void {
  const home = arrays.map((array) => (array === null ? 0 : memory.addressOf(array)));
  if (home.every((address) => address >= 0)) {
    const { name, args, pointers, length } = call(home, like.length, memory);
    runElements(memory.runtime, name, args, pointers, length, like.BYTES_PER_ELEMENT);
    return;
  }
  if (threadsTake(memory.runtime, like.length) && threadsPay(memory, arrays, home, call) && threadedThroughWorkspace(memory, like, arrays, home, access, call)) return;
  const area = stagingAreaFor(memory, arrays);
  forEachPiece(memory, area, like, arrays, access, (at, n) => {
    const { name, args } = call(at, n, area);
    (area.exports[name] as (...values: number[]) => void)(...args);
  });
}
