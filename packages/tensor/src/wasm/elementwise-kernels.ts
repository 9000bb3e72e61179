/**
 * WebAssembly SIMD versions of the kernel table's add, sub, mul, div, the six comparisons (float
 * output, as the table's), reluBackward, neg, abs, sqrt and relu,
 * for long contiguous float runs: operands are streamed through the kernel memory (or read where
 * they lie, when they were placed there, and then split across the worker threads when long). Anything else (short runs, strided or broadcast
 * operands other than a single broadcast b, int32 or mixed types) goes to the TypeScript kernel.
 * The results are the TypeScript kernels' bit for bit: these operations on float32 values
 * computed in float64 and rounded once are the float32 operations.
 */
import type { TypedArray } from "../dtype";
import type { BinaryKernel } from "../kernels/binary";
import { addKernel, divKernel, eqKernel, geKernel, gtKernel, leKernel, ltKernel, mulKernel, neKernel, reluBackwardKernel, subKernel } from "../kernels/binary";
import type { UnaryKernel } from "../kernels/unary";
import { absKernel, negKernel, reluKernel, sqrtKernel } from "../kernels/unary";
import type { KernelMemory } from "./kernel-memory";
import { STAGE_BYTES, loadKernelMemory, streamThrough } from "./kernel-memory";

/** Below this many elements the TypeScript loop costs about what staging does. */
export const WASM_ELEMENTWISE_MIN = 1024;

export const BINARY_OPS = { add: 0, sub: 1, mul: 2, div: 3, eq: 4, ne: 5, lt: 6, le: 7, gt: 8, ge: 9, reluBackward: 10 } as const;
export const UNARY_OPS = { neg: 0, abs: 1, sqrt: 2, relu: 3 } as const;

function floatKind(array: TypedArray): "float32" | "float64" | null {
  return array instanceof Float32Array ? "float32" : array instanceof Float64Array ? "float64" : null;
}

/** The binary kernel `op` over contiguous float runs in wasm, `fallback` for everything else. */
export function wasmBinaryKernel(op: keyof typeof BINARY_OPS, fallback: BinaryKernel, memory: KernelMemory): BinaryKernel {
  const code = BINARY_OPS[op];
  return (out, o, os, a, ai, as, b, bi, bs, n) => {
    const kind = floatKind(out);
    if (n < WASM_ELEMENTWISE_MIN || os !== 1 || as !== 1 || (bs !== 1 && bs !== 0) || kind === null || floatKind(a) !== kind || floatKind(b) !== kind) {
      fallback(out, o, os, a, ai, as, b, bi, bs, n);
      return;
    }
    const f32 = kind === "float32";
    const name = f32 ? "binaryF32" as const : "binaryF64" as const;
    const outRun = (out as Float32Array | Float64Array).subarray(o, o + n);
    const aRun = (a as Float32Array | Float64Array).subarray(ai, ai + n);
    if (bs === 0) {
      // the one b sits in the last staging slot (after the two streamed runs) of whichever area runs the kernel
      for (const area of [memory, memory.privateStaging]) area.view(kind)[(area.stage + 4 * STAGE_BYTES) / (f32 ? 4 : 8)] = b[bi];
      streamThrough(memory, aRun, [aRun, outRun], ["read", "write"], (p, m, area) => ({
        name, args: [code, p[0], area.stage + 4 * STAGE_BYTES, 0, p[1], m], pointers: [1, 4], length: 5,
      }));
      return;
    }
    const bRun = (b as Float32Array | Float64Array).subarray(bi, bi + n);
    streamThrough(memory, aRun, [aRun, bRun, outRun], ["read", "read", "write"], (p, m) => ({
      name, args: [code, p[0], p[1], 1, p[2], m], pointers: [1, 2, 4], length: 5,
    }));
  };
}

/** The unary kernel `op` over contiguous float runs in wasm, `fallback` for everything else. */
export function wasmUnaryKernel(op: keyof typeof UNARY_OPS, fallback: UnaryKernel, memory: KernelMemory): UnaryKernel {
  const code = UNARY_OPS[op];
  return (out, o, os, a, ai, as, n) => {
    const kind = floatKind(out);
    if (n < WASM_ELEMENTWISE_MIN || os !== 1 || as !== 1 || kind === null || floatKind(a) !== kind) {
      fallback(out, o, os, a, ai, as, n);
      return;
    }
    const name = kind === "float32" ? "unaryF32" as const : "unaryF64" as const;
    const outRun = (out as Float32Array | Float64Array).subarray(o, o + n);
    const aRun = (a as Float32Array | Float64Array).subarray(ai, ai + n);
    streamThrough(memory, aRun, [aRun, outRun], ["read", "write"], (p, m) => ({
      name, args: [code, p[0], p[1], m], pointers: [1, 2], length: 3,
    }));
  };
}

export interface ElementwiseKernels {
  add: BinaryKernel;
  sub: BinaryKernel;
  mul: BinaryKernel;
  div: BinaryKernel;
  eq: BinaryKernel;
  ne: BinaryKernel;
  lt: BinaryKernel;
  le: BinaryKernel;
  gt: BinaryKernel;
  ge: BinaryKernel;
  reluBackward: BinaryKernel;
  neg: UnaryKernel;
  abs: UnaryKernel;
  sqrt: UnaryKernel;
  relu: UnaryKernel;
}

let made: ElementwiseKernels | null | undefined;

/** The wasm element-wise entries, each over its TypeScript kernel as fallback, made once; null without wasm SIMD. */
export function wasmElementwiseKernels(): ElementwiseKernels | null {
  if (made === undefined) {
    const memory = loadKernelMemory();
    made = memory === null ? null : {
      add: wasmBinaryKernel("add", addKernel, memory),
      sub: wasmBinaryKernel("sub", subKernel, memory),
      mul: wasmBinaryKernel("mul", mulKernel, memory),
      div: wasmBinaryKernel("div", divKernel, memory),
      eq: wasmBinaryKernel("eq", eqKernel, memory),
      ne: wasmBinaryKernel("ne", neKernel, memory),
      lt: wasmBinaryKernel("lt", ltKernel, memory),
      le: wasmBinaryKernel("le", leKernel, memory),
      gt: wasmBinaryKernel("gt", gtKernel, memory),
      ge: wasmBinaryKernel("ge", geKernel, memory),
      reluBackward: wasmBinaryKernel("reluBackward", reluBackwardKernel, memory),
      neg: wasmUnaryKernel("neg", negKernel, memory),
      abs: wasmUnaryKernel("abs", absKernel, memory),
      sqrt: wasmUnaryKernel("sqrt", sqrtKernel, memory),
      relu: wasmUnaryKernel("relu", reluKernel, memory),
    };
  }
  return made;
}
