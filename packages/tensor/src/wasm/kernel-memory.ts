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
import type { KernelExports, WasmRuntime } from "./runtime";
import { loadRuntime } from "./runtime";
import { bestVariant } from "./select";

/** Bytes per staged array per chunk: a handful of chunks stay in L2 between copy-in, update and copy-out. */
export const STAGE_BYTES = 128 * 1024;
/** Staged arrays at most (Adam with AMSGrad: parameter, gradient and three state arrays). */
const STAGE_SLOTS = 5;

export interface KernelMemory {
  /** The runtime whose memory this is (its thread pool can run kernels over placed arrays). */
  readonly runtime: WasmRuntime;
  readonly exports: KernelExports;
  /** Byte address of STAGE_SLOTS areas of STAGE_BYTES for arrays that live elsewhere. */
  readonly stage: number;
  /** A Float32Array or Float64Array over the current memory (renewed after growth). */
  view(type: "float32" | "float64"): FloatArray;
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
  const registry = new FinalizationRegistry<number>((address) => {
    runtime.allocator.release(address);
  });
  return {
    runtime,
    exports: runtime.exports,
    stage,
    view: (type) => (type === "float32" ? runtime.f32() : runtime.f64()),
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

/**
 * Runs `update(addresses, n)` over the arrays (null ones get address 0), each of `like`'s length
 * and element type. When every array lies in the kernel memory that is one call, in place.
 * Otherwise chunk by chunk: arrays in the kernel memory are addressed where they are, the others
 * copied into the staging area when the kernel reads them and copied back when it writes them.
 */
export function streamThrough(
  memory: KernelMemory, like: FloatArray, arrays: (FloatArray | null)[], access: Access[], update: (at: number[], n: number) => void,
): void {
  const home = arrays.map((array) => (array === null ? 0 : memory.addressOf(array)));
  if (home.every((address) => address >= 0)) {
    update(home, like.length);
    return;
  }
  const size = like.BYTES_PER_ELEMENT;
  const chunk = STAGE_BYTES / size;
  const staged = arrays.map((_, i) => memory.stage + i * STAGE_BYTES);
  const at = home.slice();
  const view = memory.view(like instanceof Float32Array ? "float32" : "float64");
  for (let start = 0; start < like.length; start += chunk) {
    const n = Math.min(chunk, like.length - start);
    arrays.forEach((array, i) => {
      if (array === null) return;
      if (home[i] >= 0) {
        at[i] = home[i] + start * size;
      } else {
        at[i] = staged[i];
        if (access[i] !== "write") view.set(array.subarray(start, start + n), staged[i] / size);
      }
    });
    update(at, n);
    arrays.forEach((array, i) => {
      if (array !== null && home[i] < 0 && access[i] !== "read") array.set(view.subarray(staged[i] / size, staged[i] / size + n), start);
    });
  }
}
