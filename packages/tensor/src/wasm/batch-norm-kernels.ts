/**
 * WebAssembly SIMD versions of the batch-norm kernels of @descent/layers-batchnorm, over an
 * (N, C, L) float32/float64 array (element (n, c, l) at (n·C + c)·L + l; L = 1 for an (N, C)
 * input). Every wrapper returns null or false, and does nothing, when the layer should run its
 * TypeScript loop instead: wasm SIMD is unavailable, setBackend("js") is on (batchNormWasmActive),
 * the array is too short to gain (WASM_BATCH_NORM_MIN), its rows are 2 or 3 elements long, or
 * C > WASM_BATCH_NORM_MAX_CHANNELS.
 *
 * Arrays in the kernel memory are read and written where they are; any other array is copied in
 * chunks into a staging area, and back when written. The chunks cut rows anywhere (the kernels
 * take the flat index of a chunk's first element), and the result does not depend on where the
 * arrays live. All arithmetic is float64, as in the TypeScript loops.
 *
 * Accuracy contract, against the TypeScript loops:
 * - channelAffineWasm computes x·scale + shift in float64 and rounds once: the very bits of the
 *   loop, for float32 and float64.
 * - channelMomentsWasm and channelGradSumsWasm add the loop's very terms (x; d = x − m, d²;
 *   dy, dy·(x − μ)·invStd) in float64: in the loop's order when L = 1 (the same bits), else on four
 *   lanes per row, the row totals in order: another association, so not bit-identical. In either
 *   a term passes at most M = N·L roundings, so each sum is within γ_M·Σ|term| (γ_M ≈ M·u,
 *   u = 2⁻⁵³) of the exact one and the two within 2γ_M·Σ|term|. For the variance, whose Σd² has
 *   positive terms, that is a relative 2M·u (1e-12 up to M ≈ 4500; the loop's sequential sum is
 *   the one that drifts, the lanes' error observed is far below it); the mean, corrected by
 *   Chan, Golub & LeVeque's Σd/M, differs by at most 4u·|mean| + 2γ_M·std. The tests assert these
 *   on random arrays, |mean| ≫ std among them.
 * - channelGradInputWasm evaluates dx = k·((M·dy − Σdy) − (x − μ)·invStd·Σ(dy·x̂)) with the
 *   loop's operations in its order: from the loop's sums it gives the loop's bits, so dx differs
 *   only through Σdy and Σ(dy·x̂), by at most |k|·(|δΣdy| + |x̂|·|δΣ(dy·x̂)|) (plus 16u of the
 *   terms' magnitude for the two sides' float64 roundings), and a float32 dx by one float32 ulp
 *   more where the two float64 values straddle a rounding boundary. The tests assert this bound.
 */
import type { FloatArray } from "../dtype";
import { invalidArgument } from "../errors";
import type { KernelExports } from "./runtime";
import type { KernelMemory } from "./kernel-memory";
import { STAGE_BYTES, forEachPiece, loadKernelMemory, stagingAreaFor } from "./kernel-memory";
import { fusedUpdatesActive } from "./optimizer-kernels";

/** How a batch-norm kernel sees its input: N samples, C channels, L = product of the spatial sizes. */
export interface ChannelLayout {
  readonly batch: number;
  readonly channels: number;
  readonly spatial: number;
}

/**
 * Shorter arrays stay in TypeScript: around 2048 elements the call, the checks and the per-channel
 * copies cost what the SIMD loop saves (measured on (N, C) and (N, C, L) float32 shapes); 4096
 * leaves a margin. Rows of 2 or 3 elements stay in TypeScript at every size: too short for the
 * lanes, they ran no faster in wasm (L = 1 goes across the channels instead).
 */
export const WASM_BATCH_NORM_MIN = 4096;

/** Element arrays a kernel stages (dy, x, dx): slots 0–2 of the staging area. */
const ELEMENT_SLOTS = 3;
/** Per-channel float64 arrays a kernel reads or writes at most (channelGradInput: mean, invStd, k, Σdy, Σdy·x̂). */
const CHANNEL_ARRAYS = 5;
/** Channels beyond which the per-channel arrays do not fit in the two staging slots after the element arrays. */
export const WASM_BATCH_NORM_MAX_CHANNELS = Math.floor((2 * STAGE_BYTES) / (CHANNEL_ARRAYS * 8));

/**
 * True when the wasm batch-norm kernels run here and the backend is not "js": the switch the
 * fused optimizer updates use (setBackend("js") turns both off, a wasm backend on).
 */
export function batchNormWasmActive(): boolean {
  return fusedUpdatesActive();
}

/**
 * Per-channel mean and biased variance of x in float64, two passes with the correction of
 * Chan, Golub & LeVeque (var = (Σd² − (Σd)²/M)/M, d = x − mean): the layer's channelStatistics.
 * Null when the TypeScript loop should run instead.
 */
export function channelMomentsWasm(x: FloatArray, layout: ChannelLayout): { mean: Float64Array; variance: Float64Array } | null {
  const fn = "channelMomentsWasm";
  checkElements(fn, "x", x, layout);
  const memory = usable(x, layout);
  if (memory === null) return null;
  const { batch, channels, spatial } = layout;
  const count = batch * spatial;
  const f32 = x instanceof Float32Array;
  const mean = channelSums(memory, x, layout).map((s) => s / count);
  const sumD = new Float64Array(channels);
  const sumD2 = new Float64Array(channels);
  runPieces(memory, [x], [false], [mean, sumD, sumD2], (e, at, ch, first, n) => {
    (f32 ? e.channelDeviationsF32 : e.channelDeviationsF64)(at[0], first, n, channels, spatial, ch[0], ch[1], ch[2]);
  });
  const variance = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    mean[c] += sumD[c] / count;
    // Mathematically ≥ 0 (Cauchy–Schwarz); the clamp only removes a rounding sign.
    variance[c] = Math.max(0, (sumD2[c] - (sumD[c] * sumD[c]) / count) / count);
  }
  return { mean, variance };
}

/**
 * Σ x per channel in float64. With L = 1 (an (N, C) array) each channel's total adds the rows in
 * order, so it is the very sum of a loop down the column. Null when the TypeScript loop should run instead.
 */
export function channelSumsWasm(x: FloatArray, layout: ChannelLayout): Float64Array | null {
  checkElements("channelSumsWasm", "x", x, layout);
  const memory = usable(x, layout);
  return memory === null ? null : channelSums(memory, x, layout);
}

function channelSums(memory: KernelMemory, x: FloatArray, { channels, spatial }: ChannelLayout): Float64Array {
  const f32 = x instanceof Float32Array;
  const sums = new Float64Array(channels);
  runPieces(memory, [x], [false], [sums], (e, at, ch, first, n) => {
    (f32 ? e.channelSumF32 : e.channelSumF64)(at[0], first, n, channels, spatial, ch[0]);
  });
  return sums;
}

/**
 * out = x·scale[c] + shift[c] per channel (out: same type and length as x; it may be x), in
 * float64 rounded once: the layer's normalizeChannels with scale = invStd·γ, shift = β − mean·scale.
 * False when the TypeScript loop should run instead.
 */
export function channelAffineWasm(
  x: FloatArray, out: FloatArray, layout: ChannelLayout, scale: ArrayLike<number>, shift: ArrayLike<number>,
): boolean {
  const fn = "channelAffineWasm";
  checkElements(fn, "x", x, layout);
  checkLike(fn, "out", out, x);
  const scales = channelValues(fn, "scale", scale, layout.channels);
  const shifts = channelValues(fn, "shift", shift, layout.channels);
  const memory = usable(x, layout);
  if (memory === null) return false;
  const { channels, spatial } = layout;
  const f32 = x instanceof Float32Array;
  runPieces(memory, [x, out], [false, true], [scales, shifts], (e, at, ch, first, n) => {
    (f32 ? e.channelAffineF32 : e.channelAffineF64)(at[0], at[1], first, n, channels, spatial, ch[0], ch[1]);
  });
  return true;
}

/**
 * Per channel, Σdy and Σdy·x̂ with x̂ = (x − mean)·invStd, in float64: dβ and dγ of batch norm,
 * and what dx needs with the batch statistics. Null when the TypeScript loop should run instead.
 */
export function channelGradSumsWasm(
  gradOutput: FloatArray, x: FloatArray, layout: ChannelLayout, mean: ArrayLike<number>, invStd: ArrayLike<number>,
): { sumDy: Float64Array; sumDyXhat: Float64Array } | null {
  const fn = "channelGradSumsWasm";
  checkElements(fn, "x", x, layout);
  checkLike(fn, "gradOutput", gradOutput, x);
  const means = channelValues(fn, "mean", mean, layout.channels);
  const invStds = channelValues(fn, "invStd", invStd, layout.channels);
  const memory = usable(x, layout);
  if (memory === null) return null;
  const { channels, spatial } = layout;
  const f32 = x instanceof Float32Array;
  const sumDy = new Float64Array(channels);
  const sumDyXhat = new Float64Array(channels);
  runPieces(memory, [gradOutput, x], [false, false], [means, invStds, sumDy, sumDyXhat], (e, at, ch, first, n) => {
    (f32 ? e.channelGradSumsF32 : e.channelGradSumsF64)(at[0], at[1], first, n, channels, spatial, ch[0], ch[1], ch[2], ch[3]);
  });
  return { sumDy, sumDyXhat };
}

/**
 * dx of batch norm through the batch statistics (training), into gradInput (same type and length as x):
 *
 *   dx = k·((M·dy − Σdy) − (x − μ)·invStd·Σ(dy·x̂)),  k = γ·invStd/M,  M = N·L,
 *
 * with Σdy and Σ(dy·x̂) from channelGradSumsWasm; `weight` null means γ = 1. (With running
 * statistics dx = γ·invStd·dy: channelAffineWasm with that scale and a shift of −0, which leaves
 * every product's bits as they are.) False when the TypeScript loop should run instead.
 */
export function channelGradInputWasm(
  gradOutput: FloatArray, x: FloatArray, gradInput: FloatArray, layout: ChannelLayout,
  mean: ArrayLike<number>, invStd: ArrayLike<number>, weight: ArrayLike<number> | null,
  sumDy: ArrayLike<number>, sumDyXhat: ArrayLike<number>,
): boolean {
  const fn = "channelGradInputWasm";
  checkElements(fn, "x", x, layout);
  checkLike(fn, "gradOutput", gradOutput, x);
  checkLike(fn, "gradInput", gradInput, x);
  const { batch, channels, spatial } = layout;
  const means = channelValues(fn, "mean", mean, channels);
  const invStds = channelValues(fn, "invStd", invStd, channels);
  const gammas = weight === null ? null : channelValues(fn, "weight", weight, channels);
  const sums = channelValues(fn, "sumDy", sumDy, channels);
  const dots = channelValues(fn, "sumDyXhat", sumDyXhat, channels);
  const memory = usable(x, layout);
  if (memory === null) return false;
  const count = batch * spatial;
  // the loop's k, rounded as it rounds it: (γ·invStd)/M
  const k = invStds.map((s, c) => ((gammas === null ? 1 : gammas[c]) * s) / count);
  const f32 = x instanceof Float32Array;
  runPieces(memory, [gradOutput, x, gradInput], [false, false, true], [means, invStds, k, sums, dots], (e, at, ch, first, n) => {
    (f32 ? e.channelGradInputF32 : e.channelGradInputF64)(at[0], at[1], at[2], first, n, channels, spatial, ch[0], ch[1], ch[2], ch[3], ch[4], count);
  });
  return true;
}

/** The kernel memory when the wasm kernels should run on x, else null. */
function usable(x: FloatArray, layout: ChannelLayout): KernelMemory | null {
  // flat indices are i32 in the kernels
  const { channels, spatial } = layout;
  if (x.length < WASM_BATCH_NORM_MIN || x.length >= 2 ** 31 || channels > WASM_BATCH_NORM_MAX_CHANNELS || spatial === 2 || spatial === 3) return null;
  return batchNormWasmActive() ? loadKernelMemory() : null;
}

/**
 * Runs `kernel` over the element arrays piece by piece (all of one length and type; forEachPiece),
 * the `writes[i]` arrays written back. The per-channel float64 arrays go into the area's slots
 * after the element arrays' before the first piece and back after the last (a kernel adds into some).
 */
function runPieces(
  memory: KernelMemory, arrays: FloatArray[], writes: boolean[], channelArrays: Float64Array[],
  kernel: (exports: KernelExports, at: number[], channelAt: number[], first: number, n: number) => void,
): void {
  const area = stagingAreaFor(memory, arrays);
  const f64 = area.view("float64");
  const channelBase = area.stage + ELEMENT_SLOTS * STAGE_BYTES;
  const channelAt = channelArrays.map((array, i) => channelBase + i * array.length * 8);
  channelArrays.forEach((array, i) => { f64.set(array, channelAt[i] / 8); });
  forEachPiece(memory, area, arrays[0], arrays, writes.map((w) => (w ? "write" : "read")), (at, n, first) => {
    kernel(area.exports, at, channelAt, first, n);
  });
  channelArrays.forEach((array, i) => { array.set(f64.subarray(channelAt[i] / 8, channelAt[i] / 8 + array.length)); });
}

function checkLayout(fn: string, x: FloatArray, layout: ChannelLayout): void {
  for (const name of ["batch", "channels", "spatial"] as const) {
    const value: unknown = (layout as Partial<ChannelLayout> | null)?.[name];
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw invalidArgument(fn, `layout.${name}`, value, "an integer ≥ 0");
  }
  const { batch, channels, spatial } = layout;
  if (batch * channels * spatial !== x.length) {
    throw invalidArgument(fn, "layout", `{ batch: ${batch}, channels: ${channels}, spatial: ${spatial} }`, `N·C·L = x.length = ${x.length}`);
  }
}

function checkElements(fn: string, name: string, x: FloatArray, layout: ChannelLayout): void {
  if (!(x instanceof Float32Array) && !(x instanceof Float64Array)) throw invalidArgument(fn, name, x, "a Float32Array or Float64Array");
  checkLayout(fn, x, layout);
}

function checkLike(fn: string, name: string, array: unknown, x: FloatArray): void {
  if (!(array instanceof Float32Array || array instanceof Float64Array) || array.constructor !== x.constructor || array.length !== x.length) {
    throw invalidArgument(fn, name, array, `a ${x.constructor.name} of length ${x.length}, like x`);
  }
}

/** A per-channel argument copied into a Float64Array of its first C values (the kernels read float64). */
function channelValues(fn: string, name: string, values: ArrayLike<number>, channels: number): Float64Array {
  const length: unknown = (values as { length?: unknown } | null)?.length;
  if (typeof length !== "number" || length < channels) throw invalidArgument(fn, name, values, `an array of at least ${channels} numbers (one per channel)`);
  const out = new Float64Array(channels);
  for (let c = 0; c < channels; c++) out[c] = values[c];
  return out;
}
