/**
 * Which wasm kernels this host can run, as kernel-table entries. Imported by the kernel table to
 * install the fastest at load, so it must not import the table itself.
 *
 * float32 products have two wasm kernels, chosen by the float32 matmul precision (after
 * torch.set_float32_matmul_precision): "high" (the default) accumulates in float32 with four
 * lanes per instruction, with rounding errors that grow with k like PyTorch's CPU float32 matmul;
 * "highest" keeps the TypeScript kernel's contract, float64 accumulation rounded once per
 * element, by running the float64 kernel on float32 operands, at about half the speed.
 */
import type { GemmKernel } from "../kernels/matmul";
import { wasmGemm } from "./gemm";
import type { WasmVariant } from "./runtime";
import { loadRuntime, variantSupported } from "./runtime";

export type Float32MatmulPrecision = "highest" | "high";
export type WasmBackendName = `wasm-${WasmVariant}`;

export interface WasmKernelSet {
  name: WasmBackendName;
  /** The table entries for the current float32 matmul precision. */
  kernels: { matmulF32: GemmKernel; matmulF64: GemmKernel };
}

interface VariantKernels {
  f32: GemmKernel;
  f64: GemmKernel;
}

let float32Precision: Float32MatmulPrecision = "high";
const variants = new Map<WasmVariant, VariantKernels | null>();
const names = new WeakMap<GemmKernel, WasmBackendName>();

export function getFloat32Precision(): Float32MatmulPrecision {
  return float32Precision;
}

export function setFloat32Precision(precision: Float32MatmulPrecision): void {
  float32Precision = precision;
}

/** The best variant this host accepts (relaxed SIMD first), or null without wasm SIMD. */
export function bestVariant(): WasmVariant | null {
  if (variantSupported("relaxed-simd")) return "relaxed-simd";
  if (variantSupported("simd")) return "simd";
  return null;
}

/** The variant's table entries (the same functions for the same precision), or null where it cannot run. */
export function wasmKernels(variant: WasmVariant | null = bestVariant()): WasmKernelSet | null {
  if (variant === null) return null;
  let made = variants.get(variant);
  if (made === undefined) {
    const runtime = loadRuntime(variant);
    made = runtime === null ? null : { f32: wasmGemm(runtime, "f32"), f64: wasmGemm(runtime, "f64") };
    if (made !== null) {
      names.set(made.f32, `wasm-${variant}`);
      names.set(made.f64, `wasm-${variant}`);
    }
    variants.set(variant, made);
  }
  if (made === null) return null;
  return { name: `wasm-${variant}`, kernels: { matmulF32: float32Precision === "high" ? made.f32 : made.f64, matmulF64: made.f64 } };
}

/** "wasm-simd" or "wasm-relaxed-simd" for a kernel made here, else undefined. */
export function wasmKernelName(kernel: GemmKernel): WasmBackendName | undefined {
  return names.get(kernel);
}
