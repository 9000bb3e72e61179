/**
 * One instance of the kernel module with its linear memory, per variant: "simd" (plain
 * WebAssembly SIMD, on by default everywhere that has wasm SIMD) or "relaxed-simd" (the same
 * source compiled with fused multiply-adds; Node 20 accepts it only with
 * --experimental-wasm-relaxed-simd, Chromium by default). Where shared memory is available the
 * memory is shared, so worker threads can instantiate the same module over it.
 * A block allocator hands out the memory after the module's static data: the thread pool's
 * control block, the kernel memory's arrays and staging area, and one per-call workspace that
 * is reused from call to call (it grows when a call needs more, and the memory never shrinks),
 * so there is no allocation churn. Kernels address every array placed here where it lies.
 */
import type { WasmMemory, WasmModule } from "./host";
import { BlockAllocator } from "./block-allocator";
import { decodeBase64, sharedMemorySupported, webAssembly } from "./host";
import relaxedSimdShared from "./relaxed-simd-shared-wasm";
import relaxedSimd from "./relaxed-simd-wasm";
import simdShared from "./simd-shared-wasm";
import simd from "./simd-wasm";

export type WasmVariant = "simd" | "relaxed-simd";

/** The exports of asm/index.ts. Addresses are byte offsets into the memory; strides are in elements. */
export interface KernelExports {
  heapBase: () => number;
  packBF32: (b: number, rs: number, cs: number, k: number, n: number, dst: number, c0: number, c1: number) => void;
  packBF64: (b: number, rs: number, cs: number, k: number, n: number, dst: number, c0: number, c1: number) => void;
  gemmRowsF32: GemmRows;
  gemmRowsF64: GemmRows;
  /** Tile and block sizes of the build: 0 → MR, 1 → NR for f32, 2 → NR for f64, 3 → KC, 4 → MC. */
  blocking: (which: number) => number;
  adamF32: AdamStep;
  adamF64: AdamStep;
  sgdF32: SgdStep;
  sgdF64: SgdStep;
  rmspropF32: RmspropStep;
  rmspropF64: RmspropStep;
  adagradF32: AdagradStep;
  adagradF64: AdagradStep;
  adamaxF32: AdamaxStep;
  adamaxF64: AdamaxStep;
  nadamF32: NadamStep;
  nadamF64: NadamStep;
  radamF32: RadamStep;
  radamF64: RadamStep;
  adadeltaF32: AdadeltaStep;
  adadeltaF64: AdadeltaStep;
  asgdF32: AsgdStep;
  asgdF64: AsgdStep;
  rpropF32: RpropStep;
  rpropF64: RpropStep;
  /** out = a ∘ b over n elements (op: 0 add, 1 sub, 2 mul, 3 div); bStep 0 broadcasts the one b. */
  binaryF32: (op: number, a: number, b: number, bStep: number, out: number, n: number) => void;
  binaryF64: (op: number, a: number, b: number, bStep: number, out: number, n: number) => void;
  /** out = f(a) over n elements (op: 0 neg, 1 abs, 2 sqrt, 3 relu). */
  unaryF32: (op: number, a: number, out: number, n: number) => void;
  unaryF64: (op: number, a: number, out: number, n: number) => void;
  /** One reduction of the n ≥ 1 elements at a, as a float64 (op: 0 sum, 1 sum |·|, 2 sum of squares, 3 max, 4 min, 5 max |·|, 6 min |·|). */
  reduceF32: (op: number, a: number, n: number) => number;
  reduceF64: (op: number, a: number, n: number) => number;
  /** out = f(a) over n float32 elements (op: 0 exp, 1 sigmoid, 2 tanh), evaluated in float64 lanes. */
  transcendentalF32: (op: number, a: number, out: number, n: number) => void;
  /** Σ e^(a[i] − m) over n float32 elements (float64), storing float32(e^(a[i] − m)) to out when `keep` (0 or 1). */
  softmaxExpSumF32: (a: number, out: number, n: number, m: number, keep: number) => number;
  /** out[i] = float32(out[i] / d) over n float32 elements. */
  softmaxDivideF32: (out: number, n: number, d: number) => void;
  /** out[i] = float32(a[i] − s) over n float32 elements. */
  softmaxSubtractF32: (a: number, out: number, n: number, s: number) => void;
  /** Batch norm over the m elements from flat index `first` of an (N, C, L) array (asm/batch-norm.ts); per-channel arrays are float64. */
  channelSumF32: ChannelSum;
  channelSumF64: ChannelSum;
  channelDeviationsF32: ChannelDeviations;
  channelDeviationsF64: ChannelDeviations;
  channelAffineF32: ChannelAffine;
  channelAffineF64: ChannelAffine;
  channelGradSumsF32: ChannelGradSums;
  channelGradSumsF64: ChannelGradSums;
  channelGradInputF32: ChannelGradInput;
  channelGradInputF64: ChannelGradInput;
}

type ChannelSum = (x: number, first: number, m: number, channels: number, spatial: number, sums: number) => void;
type ChannelDeviations = (x: number, first: number, m: number, channels: number, spatial: number, mean: number, sumD: number, sumD2: number) => void;
type ChannelAffine = (x: number, out: number, first: number, m: number, channels: number, spatial: number, scale: number, shift: number) => void;
type ChannelGradSums = (
  dy: number, x: number, first: number, m: number, channels: number, spatial: number, mean: number, invStd: number, sumDy: number, sumDyXhat: number,
) => void;
type ChannelGradInput = (
  dy: number, x: number, dx: number, first: number, m: number, channels: number, spatial: number,
  mean: number, invStd: number, k: number, sumDy: number, sumDyXhat: number, count: number,
) => void;

type RmspropStep = (
  p: number, g: number, r: number, a: number, buf: number, n: number,
  sign: number, weightDecay: number, alpha: number, c: number, eps: number, momentum: number, negLr: number,
) => void;

type AdagradStep = (p: number, g: number, r: number, n: number, sign: number, weightDecay: number, negClr: number, eps: number) => void;

type AdamaxStep = (
  p: number, g: number, m: number, u: number, n: number, sign: number, weightDecay: number, beta1: number, c1: number, beta2: number, eps: number, negClr: number,
) => void;

type NadamStep = (
  p: number, g: number, m: number, v: number, n: number,
  weightDecay: number, beta1: number, c1: number, beta2: number, c2: number, bc2: number, eps: number, gradStep: number, momentumStep: number,
) => void;

type RadamStep = (
  p: number, g: number, m: number, v: number, n: number, weightDecay: number, beta1: number, c1: number, beta2: number, c2: number,
  bc1: number, lr: number, rectified: boolean, bc2Sqrt: number, eps: number, rect: number,
) => void;

type AdadeltaStep = (p: number, g: number, r: number, s: number, n: number, sign: number, weightDecay: number, rho: number, c: number, eps: number, negLr: number) => void;

type AsgdStep = (p: number, g: number, ax: number, n: number, sign: number, weightDecay: number, decay: number, negEta: number, mu: number, copy: boolean) => void;

type RpropStep = (p: number, g: number, prev: number, s: number, n: number, sign: number, etaMinus: number, etaPlus: number, stepMin: number, stepMax: number) => void;

type AdamStep = (
  p: number, g: number, m: number, v: number, vmax: number, n: number,
  sign: number, l2: number, decay: number, decoupled: boolean, beta1: number, c1: number, beta2: number, c2: number,
  negStepSize: number, bc2Sqrt: number, eps: number,
) => void;

type SgdStep = (
  p: number, g: number, buf: number, n: number, sign: number, weightDecay: number, momentum: number, c: number, negLr: number,
  nesterov: boolean, first: boolean,
) => void;

type GemmRows = (
  a: number, ars: number, acs: number, m: number, k: number, pb: number, c: number, ldc: number, i0: number, i1: number, scratch: number, accumulate: number,
) => void;

const PAGE_BYTES = 65536;
/** Bytes of the thread pool's control block (layout in control-block.ts). */
export const CONTROL_BYTES = 512;

export interface WasmRuntime {
  readonly variant: WasmVariant;
  readonly module: WasmModule;
  readonly memory: WasmMemory;
  readonly exports: KernelExports;
  readonly shared: boolean;
  /** Byte address of the thread pool's control block (CONTROL_BYTES long). */
  readonly control: number;
  /** Blocks of this memory; the caller releases what it allocates. */
  readonly allocator: BlockAllocator;
  /**
   * Byte address of the per-call workspace, at least `bytes` long (64-byte aligned; its contents
   * are not kept from one call to the next), or null when the memory cannot grow that far.
   */
  workspace(bytes: number): number | null;
  /** The byte address of an array lying in this memory, or −1 for an array elsewhere. */
  addressOf(array: ArrayBufferView): number;
  /** The current buffer and views of the memory (renewed after growth). */
  buffer(): ArrayBufferLike;
  f32(): Float32Array;
  f64(): Float64Array;
}

const BINARIES: Record<WasmVariant, { private: string; shared: string }> = {
  simd: { private: simd, shared: simdShared },
  "relaxed-simd": { private: relaxedSimd, shared: relaxedSimdShared },
};

const runtimes = new Map<WasmVariant, WasmRuntime | null>();

/** True when this host's WebAssembly accepts the variant (validates the binary, compiles nothing). */
export function variantSupported(variant: WasmVariant): boolean {
  const api = webAssembly();
  if (api === undefined) return false;
  try {
    return api.validate(decodeBase64(BINARIES[variant].private));
  } catch {
    return false;
  }
}

/** The variant's runtime, created on first use; null where the host cannot run it. */
export function loadRuntime(variant: WasmVariant): WasmRuntime | null {
  let runtime = runtimes.get(variant);
  if (runtime === undefined) {
    runtime = variantSupported(variant) ? instantiate(variant) : null;
    runtimes.set(variant, runtime);
  }
  return runtime;
}

function instantiate(variant: WasmVariant): WasmRuntime | null {
  const api = webAssembly()!;
  let memory: WasmMemory | undefined;
  let shared = false;
  if (sharedMemorySupported()) {
    // The module declares at most 4 GiB; a host that cannot reserve that much gets 1 GiB.
    for (const maximum of [65536, 16384]) {
      try {
        memory = new api.Memory({ initial: 1, maximum, shared: true });
        shared = true;
        break;
      } catch {
        // try the smaller maximum, then private memory
      }
    }
  }
  memory ??= new api.Memory({ initial: 1, maximum: 65536 });
  try {
    const module = new api.Module(decodeBase64(shared ? BINARIES[variant].shared : BINARIES[variant].private));
    const exports = new api.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
    return createRuntime(variant, module, memory, exports, shared);
  } catch {
    return null;
  }
}

/**
 * An instance of the variant's private-memory build over a memory of its own, for staging only:
 * copies into a private memory run at memcpy speed, where V8 copies into shared memory element
 * by element (relaxed atomics), about half as fast. Null where the host cannot make it.
 */
export function instantiatePrivate(variant: WasmVariant): { exports: KernelExports; memory: WasmMemory } | null {
  const api = webAssembly();
  if (api === undefined) return null;
  try {
    const memory = new api.Memory({ initial: 1, maximum: 65536 });
    const module = new api.Module(decodeBase64(BINARIES[variant].private));
    return { exports: new api.Instance(module, { env: { memory } }).exports as unknown as KernelExports, memory };
  } catch {
    return null;
  }
}

function createRuntime(variant: WasmVariant, module: WasmModule, memory: WasmMemory, exports: KernelExports, shared: boolean): WasmRuntime | null {
  // Every buffer the memory has had: a shared memory's arrays stay valid over the buffer they were made on.
  const buffers = new WeakSet();
  let f32 = new Float32Array(memory.buffer);
  let f64 = new Float64Array(memory.buffer);
  buffers.add(memory.buffer);
  const renew = (): void => {
    if (f32.buffer.byteLength !== memory.buffer.byteLength) {
      f32 = new Float32Array(memory.buffer);
      f64 = new Float64Array(memory.buffer);
      buffers.add(memory.buffer);
    }
  };
  const grow = (end: number): boolean => {
    if (end > 2 ** 32) return false;
    const missing = Math.ceil((end - memory.buffer.byteLength) / PAGE_BYTES);
    if (missing <= 0) return true;
    try {
      memory.grow(missing);
    } catch {
      return false;
    }
    renew();
    return true;
  };
  const allocator = new BlockAllocator(align64(exports.heapBase()), grow);
  const control = allocator.allocate(CONTROL_BYTES);
  if (control === null) return null;
  let work = { at: -1, size: 0 };
  return {
    variant, module, memory, exports, shared, control, allocator,
    workspace(bytes) {
      if (bytes <= work.size) return work.at;
      if (work.at >= 0) allocator.release(work.at);
      work = { at: -1, size: 0 };
      const at = allocator.allocate(bytes);
      if (at === null) return null;
      work = { at, size: bytes };
      return at;
    },
    addressOf: (array) => (buffers.has(array.buffer) ? array.byteOffset : -1),
    buffer() {
      renew();
      return memory.buffer;
    },
    f32() {
      renew();
      return f32;
    },
    f64() {
      renew();
      return f64;
    },
  };
}

export function align64(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}
