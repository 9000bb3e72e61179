/**
 * WebAssembly SIMD versions of the kernel table's exp, sigmoid and tanh for long contiguous
 * float32 runs, streamed through the kernel memory (or read where they lie, when placed there).
 * Float64, int32, strided and short runs go to the TypeScript kernels.
 *
 * Accuracy contract: each float32 result is within 1 ulp of the TypeScript kernel's (Math.exp /
 * Math.tanh in float64, rounded once to float32: in effect the correctly rounded value), and equal
 * to it bit for bit on all but about one input in a million. The wasm code widens each element to
 * float64, evaluates there to about 2^-45 relative error and rounds once, so a result can differ
 * only where the exact value lies that close to a float32 rounding midpoint. The edge cases are the
 * TypeScript kernels' exactly: exp overflows to +Inf above ~88.72 and gives correctly rounded
 * subnormals down to ~-103.97 and +0 below (no flushing); exp(±Inf) = +Inf / +0; sigmoid(±Inf) =
 * 1 / 0; tanh(±Inf) = ±1, tanh(±0) = ±0, tanh(x) = x for tiny x; NaN stays NaN. Every build
 * (SIMD, relaxed SIMD) gives the same bits: no fused multiply-adds.
 */
import type { TypedArray } from "../dtype";
import type { UnaryKernel } from "../kernels/unary";
import { expKernel, sigmoidKernel, tanhKernel } from "../kernels/unary";
import { WASM_ELEMENTWISE_MIN } from "./elementwise-kernels";
import type { KernelMemory } from "./kernel-memory";
import { loadKernelMemory, streamThrough } from "./kernel-memory";

export const TRANSCENDENTAL_OPS = { exp: 0, sigmoid: 1, tanh: 2 } as const;

/** The kernel `op` over contiguous float32 runs in wasm, `fallback` for everything else. */
export function wasmTranscendentalKernel(op: keyof typeof TRANSCENDENTAL_OPS, fallback: UnaryKernel, memory: KernelMemory): UnaryKernel {
  const code = TRANSCENDENTAL_OPS[op];
  return (out: TypedArray, o: number, os: number, a: TypedArray, ai: number, as: number, n: number) => {
    if (n < WASM_ELEMENTWISE_MIN || os !== 1 || as !== 1 || !(out instanceof Float32Array) || !(a instanceof Float32Array)) {
      fallback(out, o, os, a, ai, as, n);
      return;
    }
    const outRun = out.subarray(o, o + n);
    const aRun = a.subarray(ai, ai + n);
    streamThrough(memory, aRun, [aRun, outRun], ["read", "write"], (p, m) => ({
      name: "transcendentalF32", args: [code, p[0], p[1], m], pointers: [1, 2], length: 3,
    }));
  };
}

export interface TranscendentalKernels {
  exp: UnaryKernel;
  sigmoid: UnaryKernel;
  tanh: UnaryKernel;
}

let made: TranscendentalKernels | null | undefined;

/** The wasm exp, sigmoid and tanh entries, each over its TypeScript kernel as fallback, made once; null without wasm SIMD. */
export function wasmTranscendentalKernels(): TranscendentalKernels | null {
  if (made === undefined) {
    const memory = loadKernelMemory();
    made = memory === null ? null : {
      exp: wasmTranscendentalKernel("exp", expKernel, memory),
      sigmoid: wasmTranscendentalKernel("sigmoid", sigmoidKernel, memory),
      tanh: wasmTranscendentalKernel("tanh", tanhKernel, memory),
    };
  }
  return made;
}
