/**
 * Fused optimizer updates in WebAssembly SIMD over typed arrays, for @descent/optim to call in
 * place of its JavaScript loops. Arrays placed in the kernel memory (kernelMemoryArray) are
 * updated where they are, in one pass; any other array is streamed through the kernel memory in
 * cache-sized chunks (copy in, update, copy the written arrays back). Nothing is allocated.
 * Float64Array inputs give exactly the bits of the JavaScript loop (same operations, same order,
 * float64 throughout); Float32Array inputs compute in float32, one rounding per operation, as
 * PyTorch's float32 optimizers do (the JavaScript loop computes in float64 and rounds on store).
 * Scalars that change from step to step (bias corrections, NAdam's μ schedule, RAdam's
 * rectification, ASGD's η and μ) are computed in float64 on this side, or by @descent/optim's
 * rule and passed in; the kernels do the per-element work.
 */
import type { FloatArray } from "../dtype";
import { DescentError, invalidArgument } from "../errors";
import type { Access, KernelMemory } from "./kernel-memory";
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

export interface AdamaxWasmOptions {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  /** t, counted from 1 (the step being taken). */
  step: number;
  maximize: boolean;
}

/**
 * NAdam's per-element constants and its per-step coefficients, which @descent/optim's
 * `nadamCoefficients` computes from the μ schedule (and its running product) in float64.
 */
export interface NadamWasmOptions {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  /** 1 − β₂ᵗ. */
  biasCorrection2: number;
  /** −γ(1 − μₜ) / (1 − Πμ), the coefficient of g / d. */
  gradStep: number;
  /** −γμₜ₊₁ / (1 − Πμ·μₜ₊₁), the coefficient of m / d. */
  momentumStep: number;
}

/** RAdam's per-element constants and its per-step values, from @descent/optim's `radamCoefficients`. */
export interface RadamWasmOptions {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  /** 1 − β₁ᵗ. */
  biasCorrection1: number;
  /** √(1 − β₂ᵗ). */
  biasCorrection2Sqrt: number;
  /** rₜ when ρₜ > 5 (an adaptive, rectified step); null for the plain momentum step. */
  rectification: number | null;
}

export interface AdadeltaWasmOptions {
  lr: number;
  rho: number;
  eps: number;
  weightDecay: number;
  maximize: boolean;
}

/** ASGD's constants and the η and μ of this step (kept in the optimizer's state). */
export interface AsgdWasmOptions {
  eta: number;
  mu: number;
  lambd: number;
  weightDecay: number;
  maximize: boolean;
}

export interface RpropWasmOptions {
  /** η₋ in (0, 1): the step size shrinks by it where the gradient changes sign. */
  etaMinus: number;
  /** η₊ > 1: the step size grows by it where the gradient keeps its sign. */
  etaPlus: number;
  stepMin: number;
  stepMax: number;
  maximize: boolean;
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
  const decoupled = options.decoupled === true;
  const sign = options.maximize === true ? -1 : 1;
  const l2 = decoupled ? 0 : weightDecay;
  const decay = decoupled ? 1 - lr * weightDecay : 1;
  const negStepSize = -(lr / (1 - beta1 ** step));
  const bc2Sqrt = Math.sqrt(1 - beta2 ** step);
  streamUpdate(fn, "adam", param, grad, [expAvg, expAvgSq, maxExpAvgSq],
    [sign, l2, decay, Number(decoupled), beta1, 1 - beta1, beta2, 1 - beta2, negStepSize, bc2Sqrt, eps]);
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
  const sign = options.maximize ? -1 : 1;
  streamUpdate(fn, "sgd", param, grad, [momentumBuffer], [sign, weightDecay, momentum, 1 - dampening, -lr, Number(options.nesterov), Number(options.firstStep)]);
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
  const sign = options.maximize ? -1 : 1;
  streamUpdate(fn, "rmsprop", param, grad, [squareAvg, gradAvg, buffer], [sign, weightDecay, alpha, 1 - alpha, eps, momentum, -lr]);
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
  const sign = options.maximize ? -1 : 1;
  const clr = lr / (1 + (step - 1) * lrDecay);
  streamUpdate(fn, "adagrad", param, grad, [sum], [sign, weightDecay, -clr, eps]);
}

/**
 * One Adamax step in place on param, expAvg and expInf, the formula of torch.optim.Adamax:
 * ```
 * g ← ±∇ + λθ;  m ← β₁m + (1 − β₁)g;  u ← max(β₂u, |g| + ε);  θ ← θ − (γ / (1 − β₁ᵗ)) · m / u
 * ```
 */
export function adamaxUpdateWasm(param: FloatArray, grad: FloatArray, expAvg: FloatArray, expInf: FloatArray, options: AdamaxWasmOptions): void {
  const fn = "adamaxUpdateWasm";
  checkArrays(fn, param, [["grad", grad], ["expAvg", expAvg], ["expInf", expInf]]);
  const { lr, beta1, beta2, eps, weightDecay, step } = options;
  checkFinite(fn, options, ["lr", "beta1", "beta2", "eps", "weightDecay"] as const);
  checkStep(fn, step);
  const sign = options.maximize ? -1 : 1;
  const clr = lr / (1 - beta1 ** step);
  streamUpdate(fn, "adamax", param, grad, [expAvg, expInf], [sign, weightDecay, beta1, 1 - beta1, beta2, eps, -clr]);
}

/**
 * One NAdam step in place on param, expAvg and expAvgSq, the formula of torch.optim.NAdam (as
 * corrected in torch 2.0), with the step's coefficients computed by the caller:
 * ```
 * g ← ∇ + λθ;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  d ← √(v / (1 − β₂ᵗ)) + ε
 * θ ← θ + gradStep · g / d;  θ ← θ + momentumStep · m / d
 * ```
 */
export function nadamUpdateWasm(param: FloatArray, grad: FloatArray, expAvg: FloatArray, expAvgSq: FloatArray, options: NadamWasmOptions): void {
  const fn = "nadamUpdateWasm";
  checkArrays(fn, param, [["grad", grad], ["expAvg", expAvg], ["expAvgSq", expAvgSq]]);
  const { beta1, beta2, eps, weightDecay, biasCorrection2, gradStep, momentumStep } = options;
  checkFinite(fn, options, ["beta1", "beta2", "eps", "weightDecay", "biasCorrection2", "gradStep", "momentumStep"] as const);
  streamUpdate(fn, "nadam", param, grad, [expAvg, expAvgSq], [weightDecay, beta1, 1 - beta1, beta2, 1 - beta2, biasCorrection2, eps, gradStep, momentumStep]);
}

/**
 * One RAdam step in place on param, expAvg and expAvgSq, the formula of torch.optim.RAdam, with
 * the step's bias corrections and rectification computed by the caller:
 * ```
 * g ← ∇ + λθ;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  m̂ ← m / (1 − β₁ᵗ)
 * θ ← θ − m̂γ · √(1 − β₂ᵗ) / (√v + ε) · rₜ  (rectified)  |  θ ← θ − m̂γ
 * ```
 */
export function radamUpdateWasm(param: FloatArray, grad: FloatArray, expAvg: FloatArray, expAvgSq: FloatArray, options: RadamWasmOptions): void {
  const fn = "radamUpdateWasm";
  checkArrays(fn, param, [["grad", grad], ["expAvg", expAvg], ["expAvgSq", expAvgSq]]);
  const { lr, beta1, beta2, eps, weightDecay, biasCorrection1, biasCorrection2Sqrt, rectification } = options;
  checkFinite(fn, options, ["lr", "beta1", "beta2", "eps", "weightDecay", "biasCorrection1", "biasCorrection2Sqrt"] as const);
  if (rectification !== null && (typeof rectification !== "number" || !Number.isFinite(rectification))) {
    throw invalidArgument(fn, "options.rectification", rectification, "a finite number, or null for an unrectified step");
  }
  streamUpdate(fn, "radam", param, grad, [expAvg, expAvgSq],
    [weightDecay, beta1, 1 - beta1, beta2, 1 - beta2, biasCorrection1, lr, Number(rectification !== null), biasCorrection2Sqrt, eps, rectification ?? 1]);
}

/**
 * One Adadelta step in place on param, squareAvg and accDelta, the formula of torch.optim.Adadelta:
 * ```
 * g ← ±∇ + λθ;  r ← ρr + (1 − ρ)g²;  Δ ← √(s + ε) / √(r + ε) · g;  s ← ρs + (1 − ρ)Δ²;  θ ← θ − γΔ
 * ```
 */
export function adadeltaUpdateWasm(param: FloatArray, grad: FloatArray, squareAvg: FloatArray, accDelta: FloatArray, options: AdadeltaWasmOptions): void {
  const fn = "adadeltaUpdateWasm";
  checkArrays(fn, param, [["grad", grad], ["squareAvg", squareAvg], ["accDelta", accDelta]]);
  const { lr, rho, eps, weightDecay } = options;
  checkFinite(fn, options, ["lr", "rho", "eps", "weightDecay"] as const);
  const sign = options.maximize ? -1 : 1;
  streamUpdate(fn, "adadelta", param, grad, [squareAvg, accDelta], [sign, weightDecay, rho, 1 - rho, eps, -lr]);
}

/**
 * One ASGD step in place on param and ax (the averaged iterate), the formula of torch 1.13's
 * torch.optim.ASGD; the caller advances η and μ afterwards:
 * ```
 * g ← ±∇ + λ_wd θ;  θ ← θ(1 − λη);  θ ← θ − ηg;  θ̄ ← θ if μ = 1 else θ̄ + μ(θ − θ̄)
 * ```
 */
export function asgdUpdateWasm(param: FloatArray, grad: FloatArray, ax: FloatArray, options: AsgdWasmOptions): void {
  const fn = "asgdUpdateWasm";
  checkArrays(fn, param, [["grad", grad], ["ax", ax]]);
  const { eta, mu, lambd, weightDecay } = options;
  checkFinite(fn, options, ["eta", "mu", "lambd", "weightDecay"] as const);
  const sign = options.maximize ? -1 : 1;
  const copy = mu === 1;
  // With μ = 1 the average is overwritten, never read: nothing to copy in.
  streamUpdate(fn, "asgd", param, grad, [ax], [sign, weightDecay, 1 - lambd * eta, -eta, mu, Number(copy)], copy ? "write" : "update");
}

/**
 * One Rprop (iRprop−) step in place on param, prev and stepSize, the formula of torch.optim.Rprop:
 * ```
 * g ← ±∇;  s ← clamp(s·η₊ where g·g_prev > 0, s·η₋ where g·g_prev < 0, else s; stepMin, stepMax)
 * g ← 0 where g·g_prev < 0;  θ ← θ − sign(g)·s;  g_prev ← g
 * ```
 */
export function rpropUpdateWasm(param: FloatArray, grad: FloatArray, prev: FloatArray, stepSize: FloatArray, options: RpropWasmOptions): void {
  const fn = "rpropUpdateWasm";
  checkArrays(fn, param, [["grad", grad], ["prev", prev], ["stepSize", stepSize]]);
  const { etaMinus, etaPlus, stepMin, stepMax } = options;
  checkFinite(fn, options, ["etaMinus", "etaPlus", "stepMin", "stepMax"] as const);
  // torch's bounds; they also make "the factor was η₋" (the JavaScript rule's test) mean "the sign changed" (the kernel's)
  if (!(etaMinus > 0 && etaMinus < 1)) throw invalidArgument(fn, "options.etaMinus", etaMinus, "a number in (0, 1)");
  if (!(etaPlus > 1)) throw invalidArgument(fn, "options.etaPlus", etaPlus, "a number > 1");
  if (!(stepMin >= 0 && stepMin <= stepMax)) throw invalidArgument(fn, "options.stepMin", stepMin, `a number in [0, stepMax = ${stepMax}]`);
  const sign = options.maximize ? -1 : 1;
  streamUpdate(fn, "rprop", param, grad, [prev, stepSize], [sign, etaMinus, etaPlus, stepMin, stepMax]);
}

/** The update kernels of asm/optim.ts, each exported as a float32 and a float64 build (`adamF32`, `adamF64`). */
type UpdateKernel = "adam" | "sgd" | "rmsprop" | "adagrad" | "adamax" | "nadam" | "radam" | "adadelta" | "asgd" | "rprop";

/**
 * Runs an update kernel (the build of param's type) over param (read and written), grad (read)
 * and the state arrays (null: absent, address 0). Every update export takes the arrays'
 * addresses in this order, then the length, then `scalars`. Arrays in the kernel memory are
 * updated where they lie, others streamed through it (streamThrough). `stateAccess` "write" spares
 * copying in state that the kernel overwrites without reading.
 */
function streamUpdate(
  fn: string, kernel: UpdateKernel, param: FloatArray, grad: FloatArray, state: (FloatArray | null)[], scalars: number[], stateAccess: Access = "update",
): void {
  const memory = requireKernelMemory(fn);
  const name = `${kernel}${param instanceof Float32Array ? "F32" : "F64"}` as const;
  const arrays = [param, grad, ...state];
  const access: Access[] = ["update", "read", ...state.map(() => stateAccess)];
  const pointers = arrays.map((_, i) => i);
  streamThrough(memory, param, arrays, access, (at, n) => ({ name, args: [...at, n, ...scalars], pointers, length: arrays.length }));
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
 * True when the *UpdateWasm functions run here and the backend is not "js": what
 * @descent/optim asks before each update (see setBackend).
 */
export function fusedUpdatesActive(): boolean {
  return fusedUpdatesEnabled && loadKernelMemory() !== null;
}
