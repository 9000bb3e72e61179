/**
 * The kernel table: every hot loop the tensor ops call goes through here, so a faster
 * implementation (WebAssembly SIMD, worker threads) can replace one entry with `setKernel`
 * without touching the callers. The table is typed: an entry can only be replaced by a
 * function of the same signature.
 */
import { invalidArgument } from "../errors";
import {
  addKernel, divKernel, eqKernel, geKernel, gtKernel, leKernel, ltKernel, maximumKernel, minimumKernel, mulKernel, neKernel, powKernel, reluBackwardKernel, subKernel,
} from "./binary";
import { addcdivKernel, addcmulKernel, addScaledKernel, lerpKernel, whereKernel } from "./fused";
import { gemmF64 } from "./matmul";
import {
  argmaxReduce, argminReduce, countNonzeroReduce, logsumexpReduce, maxAbsReduce, maxReduce, minAbsReduce, minReduce,
  squaredDeviationsReduce, sumAbsReduce, sumPowAbsReduce, sumReduce, sumRowsReduce, sumSquaresReduce,
} from "./reduce";
import { logSoftmaxRow, softmaxRow } from "./softmax";
import { wasmElementwiseKernels } from "../wasm/elementwise-kernels";
import { wasmReduceKernels } from "../wasm/reduce-kernels";
import { wasmSoftmaxKernels } from "../wasm/softmax-kernels";
import { wasmTranscendentalKernels } from "../wasm/transcendental-kernels";
import { wasmKernels } from "../wasm/select";
import {
  absKernel, clampKernel, copyKernel, expKernel, log1pKernel, logKernel, negKernel, reluKernel, rsqrtKernel, sigmoidKernel, signKernel,
  sqrtKernel, squareKernel, tanhKernel,
} from "./unary";

const defaults = {
  add: addKernel, sub: subKernel, mul: mulKernel, div: divKernel, pow: powKernel, maximum: maximumKernel, minimum: minimumKernel,
  eq: eqKernel, ne: neKernel, lt: ltKernel, le: leKernel, gt: gtKernel, ge: geKernel, reluBackward: reluBackwardKernel,
  copy: copyKernel, neg: negKernel, abs: absKernel, sign: signKernel, exp: expKernel, log: logKernel, log1p: log1pKernel,
  sqrt: sqrtKernel, rsqrt: rsqrtKernel, square: squareKernel, tanh: tanhKernel, sigmoid: sigmoidKernel, relu: reluKernel,
  clamp: clampKernel,
  addScaled: addScaledKernel, addcmul: addcmulKernel, addcdiv: addcdivKernel, lerp: lerpKernel, where: whereKernel,
  sum: sumReduce, sumRows: sumRowsReduce, sumAbs: sumAbsReduce, sumSquares: sumSquaresReduce, sumPowAbs: sumPowAbsReduce, countNonzero: countNonzeroReduce,
  max: maxReduce, min: minReduce, maxAbs: maxAbsReduce, minAbs: minAbsReduce, argmax: argmaxReduce, argmin: argminReduce,
  logsumexp: logsumexpReduce, squaredDeviations: squaredDeviationsReduce,
  softmax: softmaxRow, logSoftmax: logSoftmaxRow,
  /** C = A·B into a float32 output (float64 accumulation; the wasm "high" kernel accumulates in float32). */
  matmulF32: gemmF64,
  /** C = A·B into a float64 output. */
  matmulF64: gemmF64,
};

export type Kernels = typeof defaults;
export type KernelName = keyof Kernels;

/** The live table. Read entries at call time (`kernels.add(...)`), never cache them across calls. */
export const kernels: Kernels = { ...defaults };

// Where the host runs WebAssembly SIMD, the wasm matmul, element-wise and reduction kernels replace their
// entries at load (setBackend in wasm/backend.ts switches later; resetKernels restores the
// TypeScript ones).
const wasm = wasmKernels();
if (wasm !== null) Object.assign(kernels, wasm.kernels);
useWasmElementwise(true);

/** The wasm element-wise (arithmetic, comparisons, exp, sigmoid, tanh), reduction and softmax-row entries this host runs (made once, so the same functions every call), or null. */
function wasmEntries(): Partial<Kernels> | null {
  const arithmetic = wasmElementwiseKernels();
  const transcendental = wasmTranscendentalKernels();
  const reductions = wasmReduceKernels();
  const softmax = wasmSoftmaxKernels();
  if (arithmetic === null || transcendental === null || reductions === null || softmax === null) return null;
  return { ...arithmetic, ...transcendental, ...reductions, ...softmax };
}

/** Puts the wasm element-wise and reduction entries in (where the host runs them) or the TypeScript ones back. */
export function useWasmElementwise(on: boolean): void {
  const made = wasmEntries();
  if (made === null) return;
  if (on) {
    Object.assign(kernels, made);
    return;
  }
  for (const name of Object.keys(made) as (keyof typeof made)[]) (kernels as Record<string, unknown>)[name] = defaults[name];
}

/**
 * What runs the element-wise entries: "wasm" when the wasm entries are in (the rest of the group
 * stays TypeScript), "js" when every entry is the TypeScript one, "custom" after setKernel.
 */
export function elementwiseBackend(): "wasm" | "js" | "custom" {
  const made = wasmEntries();
  const group = (Object.keys(defaults) as KernelName[]).filter((name) => name !== "matmulF32" && name !== "matmulF64");
  const wasmNames = made === null ? [] : (Object.keys(made) as (keyof typeof made)[]);
  const isWasm = (name: KernelName): boolean => made !== null && (wasmNames as string[]).includes(name) && kernels[name] === made[name];
  if (group.some((name) => kernels[name] !== defaults[name] && !isWasm(name))) return "custom";
  return wasmNames.length > 0 && wasmNames.every((name) => isWasm(name)) ? "wasm" : "js";
}

/** Replaces one kernel (`getBackend()` then reports its group as "custom"). Returns the previous kernel. */
export function setKernel<K extends KernelName>(name: K, kernel: Kernels[K]): Kernels[K] {
  if (!Object.hasOwn(defaults, name)) throw invalidArgument("setKernel", "name", name, `one of ${Object.keys(defaults).join(", ")}`);
  if (typeof kernel !== "function") throw invalidArgument("setKernel", "kernel", kernel, "a function");
  const previous = kernels[name];
  kernels[name] = kernel;
  return previous;
}

/** Restores every kernel to the plain TypeScript implementation. */
export function resetKernels(): void {
  Object.assign(kernels, defaults);
}

/** The entries that no longer hold their TypeScript kernel (for getBackend in wasm/backend.ts). */
export function replacedKernels(): KernelName[] {
  return (Object.keys(defaults) as KernelName[]).filter((name) => kernels[name] !== defaults[name]);
}

export type { BinaryKernel } from "./binary";
export type { UnaryKernel } from "./unary";
export type { ReduceKernel, SumRowsKernel } from "./reduce";
export type { GemmKernel } from "./matmul";
