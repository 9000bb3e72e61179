/**
 * Fused optimizer updates in WebAssembly SIMD over typed arrays, for @descent/optim to call in
 * place of its JavaScript loops. Arrays placed in the kernel memory (kernelMemoryArray) are
 * updated where they are, in one pass; any other array is streamed through the kernel memory in
 * cache-sized chunks (copy in, update, copy the written arrays back). Nothing is allocated.
 * Float64Array inputs give exactly the bits of the JavaScript loop (same operations, same order,
 * float64 throughout); Float32Array inputs compute in float32, one rounding per operation, as
 * PyTorch's float32 Adam and SGD do (the JavaScript loop computes in float64 and rounds on store).
 */
import type { FloatArray } from "../dtype";
import { DescentError, invalidArgument } from "../errors";
import type { KernelMemory } from "./kernel-memory";
import { loadKernelMemory, streamThrough } from "./kernel-memory";

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

export interface RmspropWasmOptions {
  lr: number;
  alpha: number;
  eps: number;
  weightDecay: number;
  momentum: number;
  maximize: boolean;
  /** Centered RMSprop's running average of gradients, updated in place; omit or null otherwise. */
  gradAvg?: FloatArray | null;
  /** The momentum buffer, updated in place; omit or null without momentum. */
  momentumBuffer?: FloatArray | null;
}

export interface AdagradWasmOptions {
  lr: number;
  lrDecay: number;
  weightDecay: number;
  eps: number;
  maximize: boolean;
  /** t, counted from 1 (the step being taken). */
  step: number;
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
  checkFinite(fn, options, ["lr", "beta1", "beta2", "eps", "weightDecay"] as const);
  checkStep(fn, step);
  const memory = requireKernelMemory(fn);
  const decoupled = options.decoupled === true;
  const sign = options.maximize === true ? -1 : 1;
  const l2 = decoupled ? 0 : weightDecay;
  const decay = decoupled ? 1 - lr * weightDecay : 1;
  const negStepSize = -(lr / (1 - beta1 ** step));
  const bc2Sqrt = Math.sqrt(1 - beta2 ** step);
  const name = param instanceof Float32Array ? "adamF32" as const : "adamF64" as const;
  streamThrough(memory, param, [param, grad, expAvg, expAvgSq, maxExpAvgSq], ["update", "read", "update", "update", "update"], (at, n) => ({
    name,
    args: [at[0], at[1], at[2], at[3], maxExpAvgSq === null ? 0 : at[4], n,
      sign, l2, decay, Number(decoupled), beta1, 1 - beta1, beta2, 1 - beta2, negStepSize, bc2Sqrt, eps],
    pointers: [0, 1, 2, 3, 4], length: 5,
  }));
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
  checkFinite(fn, options, ["lr", "momentum", "dampening", "weightDecay"] as const);
  const memory = requireKernelMemory(fn);
  const name = param instanceof Float32Array ? "sgdF32" as const : "sgdF64" as const;
  const sign = options.maximize ? -1 : 1;
  streamThrough(memory, param, [param, grad, momentumBuffer], ["update", "read", "update"], (at, n) => ({
    name,
    args: [at[0], at[1], momentumBuffer === null ? 0 : at[2], n,
      sign, weightDecay, momentum, 1 - dampening, -lr, Number(options.nesterov), Number(options.firstStep)],
    pointers: [0, 1, 2], length: 3,
  }));
}

/**
 * One RMSprop step in place on param and squareAvg (and gradAvg, momentumBuffer), the formula of
 * torch.optim.RMSprop:
 * ```
 * g ← ±∇ + λθ;  r ← αr + (1 − α)g²;  ḡ ← αḡ + (1 − α)g;  s ← √(r − ḡ²) + ε (centered) | √r + ε
 * b ← μb + g/s;  θ ← θ − γb (momentum)  |  θ ← θ − γg/s
 * ```
 */
export function rmspropUpdateWasm(param: FloatArray, grad: FloatArray, squareAvg: FloatArray, options: RmspropWasmOptions): void {
  const fn = "rmspropUpdateWasm";
  const gradAvg = options.gradAvg ?? null;
  const buffer = options.momentumBuffer ?? null;
  checkArrays(fn, param, [["grad", grad], ["squareAvg", squareAvg], ["options.gradAvg", gradAvg], ["options.momentumBuffer", buffer]]);
  const { lr, alpha, eps, weightDecay, momentum } = options;
  checkFinite(fn, options, ["lr", "alpha", "eps", "weightDecay", "momentum"] as const);
  const memory = requireKernelMemory(fn);
  const name = param instanceof Float32Array ? "rmspropF32" as const : "rmspropF64" as const;
  const sign = options.maximize ? -1 : 1;
  streamThrough(memory, param, [param, grad, squareAvg, gradAvg, buffer], ["update", "read", "update", "update", "update"], (at, n) => ({
    name,
    args: [at[0], at[1], at[2], gradAvg === null ? 0 : at[3], buffer === null ? 0 : at[4], n, sign, weightDecay, alpha, 1 - alpha, eps, momentum, -lr],
    pointers: [0, 1, 2, 3, 4], length: 5,
  }));
}

/**
 * One Adagrad step in place on param and sum, the formula of torch.optim.Adagrad:
 * ```
 * g ← ±∇ + λθ;  r ← r + g²;  θ ← θ − γₜ g / (√r + ε),  γₜ = γ / (1 + (t − 1)·lrDecay)
 * ```
 */
export function adagradUpdateWasm(param: FloatArray, grad: FloatArray, sum: FloatArray, options: AdagradWasmOptions): void {
  const fn = "adagradUpdateWasm";
  checkArrays(fn, param, [["grad", grad], ["sum", sum]]);
  const { lr, lrDecay, weightDecay, eps, step } = options;
  checkFinite(fn, options, ["lr", "lrDecay", "weightDecay", "eps"] as const);
  checkStep(fn, step);
  const memory = requireKernelMemory(fn);
  const name = param instanceof Float32Array ? "adagradF32" as const : "adagradF64" as const;
  const sign = options.maximize ? -1 : 1;
  const clr = lr / (1 + (step - 1) * lrDecay);
  streamThrough(memory, param, [param, grad, sum], ["update", "read", "update"], (at, n) => ({
    name, args: [at[0], at[1], at[2], n, sign, weightDecay, -clr, eps], pointers: [0, 1, 2], length: 3,
  }));
}

/** Each named option a finite number. */
function checkFinite<O extends object>(fn: string, options: O, names: readonly (keyof O & string)[]): void {
  for (const name of names) {
    const value = options[name];
    if (typeof value !== "number" || !Number.isFinite(value)) throw invalidArgument(fn, `options.${name}`, value, "a finite number");
  }
}

/** t counted from 1: the step being taken. */
function checkStep(fn: string, step: number): void {
  if (!Number.isInteger(step) || step < 1) throw invalidArgument(fn, "options.step", step, "an integer ≥ 1 (the step being taken)");
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

function requireKernelMemory(fn: string): KernelMemory {
  const memory = loadKernelMemory();
  if (memory === null) throw new DescentError(`${fn}: WebAssembly SIMD is not available on this host; use the JavaScript update`);
  return memory;
}

let fusedUpdatesEnabled = true;

/** Called by setBackend: "js" turns the fused updates off, a wasm backend on. */
export function enableFusedUpdates(enabled: boolean): void {
  fusedUpdatesEnabled = enabled;
}

/**
 * True when adamUpdateWasm and sgdUpdateWasm run here and the backend is not "js": what
 * @descent/optim asks before each update (see setBackend).
 */
export function fusedUpdatesActive(): boolean {
  return fusedUpdatesEnabled && loadKernelMemory() !== null;
}
