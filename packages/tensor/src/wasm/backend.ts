/**
 * Choosing kernels at run time: which backend runs matmul (the TypeScript kernels or a
 * WebAssembly SIMD build), and on how many threads.
 */
import { invalidArgument } from "../errors";
import type { GemmKernel } from "../kernels/matmul";
import { elementwiseBackend, kernels, setKernel, useWasmElementwise } from "../kernels/index";
import { gemmF64 } from "../kernels/matmul";
import type { Float32MatmulPrecision } from "./select";
import { bestVariant, getFloat32Precision, setFloat32Precision, wasmKernelName, wasmKernels } from "./select";
import { loadRuntime, variantSupported } from "./runtime";
import { enableFusedUpdates, fusedUpdatesActive } from "./optimizer-kernels";
import { getNumThreads as currentThreads, setThreadCount, threadsSupported } from "./thread-pool";

/** "wasm" picks the best wasm build this host runs; "wasm-simd" / "wasm-relaxed-simd" pick one (for tests and benchmarks). */
export type BackendName = "js" | "wasm" | "wasm-simd" | "wasm-relaxed-simd";

export interface BackendInfo {
  /** What runs matmul: "js" (TypeScript), "wasm-simd", "wasm-relaxed-simd" (fused multiply-add), or "custom" (setKernel). */
  matmul: MatmulBackend;
  /** The fused optimizer updates @descent/optim uses: "wasm" (adamUpdateWasm, sgdUpdateWasm) or its JavaScript loops. */
  optimizer: "wasm" | "js";
  /**
   * Element-wise ops and reductions: "wasm" (add, sub, mul, div, the comparisons, neg, abs, sqrt,
   * relu, float32 exp, sigmoid and tanh, and sum, sumAbs, sumSquares, max, min, maxAbs, minAbs over
   * long contiguous float runs in WebAssembly SIMD, the rest in TypeScript), "js", or "custom" once
   * setKernel replaced one.
   */
  elementwise: "wasm" | "js" | "custom";
  /** Threads a large matmul runs on, the calling one included. */
  threads: number;
  /** "highest": float32 products accumulate in float64; "high": in float32 (faster). See setFloat32MatmulPrecision. */
  float32MatmulPrecision: Float32MatmulPrecision;
}

/** What this host supports, whether or not it is in use. */
export interface BackendSupport {
  simd: boolean;
  relaxedSimd: boolean;
  threads: boolean;
}

type MatmulBackend = "js" | "wasm-simd" | "wasm-relaxed-simd" | "custom";

const NAMES: readonly BackendName[] = ["js", "wasm", "wasm-simd", "wasm-relaxed-simd"];

/** Switches the matmul kernels, the wasm element-wise and reduction kernels and the fused optimizer updates. Throws when the host cannot run the requested build; nothing changes then. */
export function setBackend(name: BackendName): void {
  if (!NAMES.includes(name)) throw invalidArgument("setBackend", "name", name, `one of ${NAMES.map((n) => `"${n}"`).join(", ")}`);
  if (name === "js") {
    setKernel("matmulF32", gemmF64);
    setKernel("matmulF64", gemmF64);
    enableFusedUpdates(false);
    useWasmElementwise(false);
    return;
  }
  const variant = name === "wasm" ? bestVariant() : name === "wasm-simd" ? "simd" : "relaxed-simd";
  const set = wasmKernels(variant);
  if (set === null) {
    const supported = NAMES.filter((n) => n === "js" || (n === "wasm-simd" ? variantSupported("simd") : n === "wasm-relaxed-simd" && variantSupported("relaxed-simd")));
    throw invalidArgument("setBackend", "name", name, `a backend this runtime supports (${supported.join(", ")})`);
  }
  setKernel("matmulF32", set.kernels.matmulF32);
  setKernel("matmulF64", set.kernels.matmulF64);
  enableFusedUpdates(true);
  useWasmElementwise(true);
}

/** Which kernels are active, e.g. `{ matmul: "wasm-simd", elementwise: "js", threads: 2, float32MatmulPrecision: "high" }`. */
export function getBackend(): BackendInfo {
  const f32 = matmulBackend(kernels.matmulF32);
  // both matmul entries come from one backend unless setKernel replaced only one of them
  const matmul = f32 === matmulBackend(kernels.matmulF64) ? f32 : "custom";
  const wasm = wasmKernelName(kernels.matmulF32);
  const runtime = wasm === undefined ? null : loadRuntime(wasm === "wasm-simd" ? "simd" : "relaxed-simd");
  const elementwise = elementwiseBackend();
  return {
    matmul, optimizer: fusedUpdatesActive() ? "wasm" : "js", elementwise, threads: runtime?.shared === true ? currentThreads() : 1, float32MatmulPrecision: getFloat32Precision(),
  };
}

function matmulBackend(kernel: GemmKernel): MatmulBackend {
  return wasmKernelName(kernel) ?? (kernel === gemmF64 ? "js" : "custom");
}

/**
 * How float32 matmul accumulates on the wasm backends (after torch.set_float32_matmul_precision).
 * "high" (the default): in float32 on four SIMD lanes, as PyTorch's CPU float32 matmul does, with
 * rounding error growing with the inner dimension. "highest": in float64, each result rounded to
 * float32 once, about half as fast: the same numbers as the TypeScript kernel, which always
 * accumulates in float64.
 * Takes effect at once when a wasm backend is active.
 */
export function setFloat32MatmulPrecision(precision: Float32MatmulPrecision): void {
  const value: unknown = precision;
  if (value !== "highest" && value !== "high") {
    throw invalidArgument("setFloat32MatmulPrecision", "precision", precision, '"highest" or "high"');
  }
  setFloat32Precision(precision);
  const active = wasmKernelName(kernels.matmulF32);
  if (active !== undefined) setBackend(active);
}

export function getFloat32MatmulPrecision(): Float32MatmulPrecision {
  return getFloat32Precision();
}

/** What the host supports: wasm SIMD, relaxed SIMD (Node 20 needs --experimental-wasm-relaxed-simd), threads. */
export function getBackendSupport(): BackendSupport {
  return { simd: variantSupported("simd"), relaxedSimd: variantSupported("relaxed-simd"), threads: threadsSupported() };
}

/**
 * Threads for large matmuls, the calling thread included (torch.set_num_threads). Default
 * min(2, cores) where worker threads and shared memory exist, else 1 (then any setting acts as 1).
 */
export function setNumThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1) throw invalidArgument("setNumThreads", "threads", threads, "an integer ≥ 1");
  setThreadCount(threads);
}

/** The thread count large matmuls use (torch.get_num_threads). */
export function getNumThreads(): number {
  return currentThreads();
}
