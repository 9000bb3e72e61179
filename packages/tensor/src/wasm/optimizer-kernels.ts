/**
 * Fused optimizer updates in WebAssembly SIMD over plain typed arrays, for @descent/optim to call
 * in place of its JavaScript loops. The arrays stay where they are: each call streams them
 * through the wasm memory in cache-sized chunks (copy in, update, copy the written arrays back),
 * so nothing is allocated and the arrays need no special placement.
 * Float64Array inputs give exactly the bits of the JavaScript loop (same operations, same order,
 * float64 throughout); Float32Array inputs compute in float32, one rounding per operation, as
 * PyTorch's float32 Adam and SGD do.
 */
import type { FloatArray } from "../dtype";
import { DescentError, invalidArgument } from "../errors";
import type { WasmRuntime } from "./runtime";
import { loadRuntime } from "./runtime";
import { bestVariant } from "./select";

/** Bytes per array per chunk: five chunks (640 KB) stay in L2 between copy-in, update and copy-out. */
const CHUNK_BYTES = 128 * 1024;

export interface AdamWasmOptions {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  /** t, counted from 1 (the step being taken). */
  step: number;
  /** AdamW: decay the parameter by (1 − lr·weightDecay) instead of adding weightDecay·θ to the gradient. */
  decoupled?: boolean;
  maximize?: boolean;
  /** AMSGrad's running maximum of expAvgSq, updated in place; omit or null for plain Adam. */
  maxExpAvgSq?: FloatArray | null;
}

export interface SgdWasmOptions {
  lr: number;
  momentum: number;
  dampening: number;
  weightDecay: number;
  nesterov: boolean;
  maximize: boolean;
  /** The first step with momentum: the buffer is set to the gradient, not blended (PyTorch's momentum_buffer = None). */
  firstStep: boolean;
}

/**
 * One Adam (or AdamW) step in place on param, expAvg, expAvgSq (and maxExpAvgSq), the formula of
 * torch.optim.Adam / AdamW:
 * ```
 * g ← ±∇ + λθ (Adam) | θ ← θ(1 − γλ) (AdamW);  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
 * θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v̂ / √(1 − β₂ᵗ) + ε),  v̂ = max(v̂, v) with AMSGrad, else v
 * ```
 */
export function adamUpdateWasm(param: FloatArray, grad: FloatArray, expAvg: FloatArray, expAvgSq: FloatArray, options: AdamWasmOptions): void {
  const fn = "adamUpdateWasm";
  const maxExpAvgSq = options.maxExpAvgSq ?? null;
  const arrays: [string, FloatArray | null][] = [["grad", grad], ["expAvg", expAvg], ["expAvgSq", expAvgSq], ["options.maxExpAvgSq", maxExpAvgSq]];
  checkArrays(fn, param, arrays);
  const { lr, beta1, beta2, eps, weightDecay, step } = options;
  for (const [name, value] of [["lr", lr], ["beta1", beta1], ["beta2", beta2], ["eps", eps], ["weightDecay", weightDecay]] as const) {
    if (!Number.isFinite(value)) throw invalidArgument(fn, `options.${name}`, value, "a finite number");
  }
  if (!Number.isInteger(step) || step < 1) throw invalidArgument(fn, "options.step", step, "an integer ≥ 1 (the step being taken)");
  const runtime = requireRuntime(fn);
  const decoupled = options.decoupled === true;
  const sign = options.maximize === true ? -1 : 1;
  const l2 = decoupled ? 0 : weightDecay;
  const decay = decoupled ? 1 - lr * weightDecay : 1;
  const negStepSize = -(lr / (1 - beta1 ** step));
  const bc2Sqrt = Math.sqrt(1 - beta2 ** step);
  const kernel = param instanceof Float32Array ? runtime.exports.adamF32 : runtime.exports.adamF64;
  streamChunks(runtime, param, [param, grad, expAvg, expAvgSq, maxExpAvgSq], [true, false, true, true, true], (at, n) => {
    kernel(at[0], at[1], at[2], at[3], maxExpAvgSq === null ? 0 : at[4], n,
      sign, l2, decay, decoupled, beta1, 1 - beta1, beta2, 1 - beta2, negStepSize, bc2Sqrt, eps);
  });
}

/**
 * One SGD step in place on param (and momentumBuffer), the formula of torch.optim.SGD:
 * ```
 * g ← ±∇ + λθ;  b ← g (first step) | μb + (1 − τ)g;  g ← g + μb (Nesterov) | b;  θ ← θ − γg
 * ```
 * momentumBuffer is null without momentum.
 */
export function sgdUpdateWasm(param: FloatArray, grad: FloatArray, momentumBuffer: FloatArray | null, options: SgdWasmOptions): void {
  const fn = "sgdUpdateWasm";
  checkArrays(fn, param, [["grad", grad], ["momentumBuffer", momentumBuffer]]);
  const { lr, momentum, dampening, weightDecay } = options;
  for (const [name, value] of [["lr", lr], ["momentum", momentum], ["dampening", dampening], ["weightDecay", weightDecay]] as const) {
    if (!Number.isFinite(value)) throw invalidArgument(fn, `options.${name}`, value, "a finite number");
  }
  const runtime = requireRuntime(fn);
  const kernel = param instanceof Float32Array ? runtime.exports.sgdF32 : runtime.exports.sgdF64;
  const sign = options.maximize ? -1 : 1;
  streamChunks(runtime, param, [param, grad, momentumBuffer], [true, false, true], (at, n) => {
    kernel(at[0], at[1], momentumBuffer === null ? 0 : at[2], n,
      sign, weightDecay, momentum, 1 - dampening, -lr, options.nesterov, options.firstStep);
  });
}

/** Every array the same type as param (Float32Array or Float64Array) and the same length. */
function checkArrays(fn: string, param: FloatArray, others: [string, FloatArray | null][]): void {
  if (!(param instanceof Float32Array) && !(param instanceof Float64Array)) {
    throw invalidArgument(fn, "param", param, "a Float32Array or Float64Array");
  }
  for (const [name, array] of others) {
    if (array === null) continue;
    if (array.constructor !== param.constructor || array.length !== param.length) {
      throw invalidArgument(fn, name, array, `a ${param.constructor.name} of length ${param.length}, like param`);
    }
  }
}

function requireRuntime(fn: string): WasmRuntime {
  const variant = bestVariant();
  const runtime = variant === null ? null : loadRuntime(variant);
  if (runtime === null) throw new DescentError(`${fn}: WebAssembly SIMD is not available on this host; use the JavaScript update`);
  return runtime;
}

/**
 * Runs `update(addresses, n)` over the arrays chunk by chunk: each chunk of every (non-null) array
 * is copied into the wasm memory, updated, and the chunks of the arrays marked written copied back.
 */
function streamChunks(
  runtime: WasmRuntime, param: FloatArray, arrays: (FloatArray | null)[], written: boolean[], update: (at: number[], n: number) => void,
): void {
  const size = param.BYTES_PER_ELEMENT;
  const chunk = CHUNK_BYTES / size;
  const stride = CHUNK_BYTES;
  const at = arrays.map((_, i) => runtime.workspace + i * stride);
  if (!runtime.reserve(runtime.workspace + arrays.length * stride)) throw new DescentError("wasm memory could not grow by 1 MB");
  const view = param instanceof Float32Array ? runtime.f32() : runtime.f64();
  for (let start = 0; start < param.length; start += chunk) {
    const n = Math.min(chunk, param.length - start);
    arrays.forEach((array, i) => {
      if (array !== null) view.set(array.subarray(start, start + n), at[i] / size);
    });
    update(at, n);
    arrays.forEach((array, i) => {
      if (array !== null && written[i]) array.set(view.subarray(at[i] / size, at[i] / size + n), start);
    });
  }
}
