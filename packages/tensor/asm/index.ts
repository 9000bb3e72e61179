// Entry of the WebAssembly kernels: everything exported here becomes a wasm export.
import { gemmRows, KC, MC } from "./gemm";
import { MR, packB } from "./pack";
import { adadeltaStep, adagradStep, adamaxStep, adamStep, asgdStep, nadamStep, radamStep, rmspropStep, rpropStep, sgdStep } from "./optim";
import { binaryRun, unaryRun } from "./elementwise";
import { reduceRun } from "./reduce";
import { transcendentalRunF32 } from "./transcendental";
import { divideF32, expShiftSumF32, subtractF32 } from "./softmax";
import { channelAffine, channelDeviations, channelGradInput, channelGradSums, channelSum } from "./batch-norm";

/** First free byte after the static data: the JS side lays out its buffers from here. */
export function heapBase(): usize {
  return __heap_base;
}

/** Tile and block sizes, so the JS side pads and allocates to match: [MR, NR f32, NR f64, KC, MC]. */
export function blocking(which: i32): i32 {
  if (which == 0) return MR;
  if (which == 1) return 8;
  if (which == 2) return 4;
  if (which == 3) return KC;
  return MC;
}

export function packBF32(b: usize, rs: i32, cs: i32, k: i32, n: i32, dst: usize, c0: i32, c1: i32): void {
  packB<f32>(b, rs, cs, k, n, dst, c0, c1);
}

export function packBF64(b: usize, rs: i32, cs: i32, k: i32, n: i32, dst: usize, c0: i32, c1: i32): void {
  packB<f64>(b, rs, cs, k, n, dst, c0, c1);
}

export function gemmRowsF32(a: usize, ars: i32, acs: i32, m: i32, k: i32, pb: usize, c: usize, ldc: i32, i0: i32, i1: i32, scratch: usize, accumulate: bool): void {
  gemmRows<f32>(a, ars, acs, m, k, pb, c, ldc, i0, i1, scratch, accumulate);
}

export function gemmRowsF64(a: usize, ars: i32, acs: i32, m: i32, k: i32, pb: usize, c: usize, ldc: i32, i0: i32, i1: i32, scratch: usize, accumulate: bool): void {
  gemmRows<f64>(a, ars, acs, m, k, pb, c, ldc, i0, i1, scratch, accumulate);
}

export function adamF32(
  p: usize, g: usize, m: usize, v: usize, vmax: usize, n: i32,
  sign: f32, l2: f32, decay: f32, decoupled: bool, beta1: f32, c1: f32, beta2: f32, c2: f32, negStepSize: f32, bc2Sqrt: f32, eps: f32,
): void {
  adamStep<f32>(p, g, m, v, vmax, n, sign, l2, decay, decoupled, beta1, c1, beta2, c2, negStepSize, bc2Sqrt, eps);
}

export function adamF64(
  p: usize, g: usize, m: usize, v: usize, vmax: usize, n: i32,
  sign: f64, l2: f64, decay: f64, decoupled: bool, beta1: f64, c1: f64, beta2: f64, c2: f64, negStepSize: f64, bc2Sqrt: f64, eps: f64,
): void {
  adamStep<f64>(p, g, m, v, vmax, n, sign, l2, decay, decoupled, beta1, c1, beta2, c2, negStepSize, bc2Sqrt, eps);
}

export function sgdF32(p: usize, g: usize, buf: usize, n: i32, sign: f32, weightDecay: f32, momentum: f32, c: f32, negLr: f32, nesterov: bool, first: bool): void {
  sgdStep<f32>(p, g, buf, n, sign, weightDecay, momentum, c, negLr, nesterov, first);
}

export function sgdF64(p: usize, g: usize, buf: usize, n: i32, sign: f64, weightDecay: f64, momentum: f64, c: f64, negLr: f64, nesterov: bool, first: bool): void {
  sgdStep<f64>(p, g, buf, n, sign, weightDecay, momentum, c, negLr, nesterov, first);
}

export function rmspropF32(
  p: usize, g: usize, r: usize, a: usize, buf: usize, n: i32, sign: f32, weightDecay: f32, alpha: f32, c: f32, eps: f32, momentum: f32, negLr: f32,
): void {
  rmspropStep<f32>(p, g, r, a, buf, n, sign, weightDecay, alpha, c, eps, momentum, negLr);
}

export function adagradF32(p: usize, g: usize, r: usize, n: i32, sign: f32, weightDecay: f32, negClr: f32, eps: f32): void {
  adagradStep<f32>(p, g, r, n, sign, weightDecay, negClr, eps);
}

export function rmspropF64(
  p: usize, g: usize, r: usize, a: usize, buf: usize, n: i32, sign: f64, weightDecay: f64, alpha: f64, c: f64, eps: f64, momentum: f64, negLr: f64,
): void {
  rmspropStep<f64>(p, g, r, a, buf, n, sign, weightDecay, alpha, c, eps, momentum, negLr);
}

export function adagradF64(p: usize, g: usize, r: usize, n: i32, sign: f64, weightDecay: f64, negClr: f64, eps: f64): void {
  adagradStep<f64>(p, g, r, n, sign, weightDecay, negClr, eps);
}

export function adamaxF32(p: usize, g: usize, m: usize, u: usize, n: i32, sign: f32, weightDecay: f32, beta1: f32, c1: f32, beta2: f32, eps: f32, negClr: f32): void {
  adamaxStep<f32>(p, g, m, u, n, sign, weightDecay, beta1, c1, beta2, eps, negClr);
}

export function adamaxF64(p: usize, g: usize, m: usize, u: usize, n: i32, sign: f64, weightDecay: f64, beta1: f64, c1: f64, beta2: f64, eps: f64, negClr: f64): void {
  adamaxStep<f64>(p, g, m, u, n, sign, weightDecay, beta1, c1, beta2, eps, negClr);
}

export function nadamF32(
  p: usize, g: usize, m: usize, v: usize, n: i32, weightDecay: f32, beta1: f32, c1: f32, beta2: f32, c2: f32, bc2: f32, eps: f32, gradStep: f32, momentumStep: f32,
): void {
  nadamStep<f32>(p, g, m, v, n, weightDecay, beta1, c1, beta2, c2, bc2, eps, gradStep, momentumStep);
}

export function nadamF64(
  p: usize, g: usize, m: usize, v: usize, n: i32, weightDecay: f64, beta1: f64, c1: f64, beta2: f64, c2: f64, bc2: f64, eps: f64, gradStep: f64, momentumStep: f64,
): void {
  nadamStep<f64>(p, g, m, v, n, weightDecay, beta1, c1, beta2, c2, bc2, eps, gradStep, momentumStep);
}

export function radamF32(
  p: usize, g: usize, m: usize, v: usize, n: i32, weightDecay: f32, beta1: f32, c1: f32, beta2: f32, c2: f32, bc1: f32, lr: f32, rectified: bool, bc2Sqrt: f32, eps: f32, rect: f32,
): void {
  radamStep<f32>(p, g, m, v, n, weightDecay, beta1, c1, beta2, c2, bc1, lr, rectified, bc2Sqrt, eps, rect);
}

export function radamF64(
  p: usize, g: usize, m: usize, v: usize, n: i32, weightDecay: f64, beta1: f64, c1: f64, beta2: f64, c2: f64, bc1: f64, lr: f64, rectified: bool, bc2Sqrt: f64, eps: f64, rect: f64,
): void {
  radamStep<f64>(p, g, m, v, n, weightDecay, beta1, c1, beta2, c2, bc1, lr, rectified, bc2Sqrt, eps, rect);
}

export function adadeltaF32(p: usize, g: usize, r: usize, s: usize, n: i32, sign: f32, weightDecay: f32, rho: f32, c: f32, eps: f32, negLr: f32): void {
  adadeltaStep<f32>(p, g, r, s, n, sign, weightDecay, rho, c, eps, negLr);
}

export function adadeltaF64(p: usize, g: usize, r: usize, s: usize, n: i32, sign: f64, weightDecay: f64, rho: f64, c: f64, eps: f64, negLr: f64): void {
  adadeltaStep<f64>(p, g, r, s, n, sign, weightDecay, rho, c, eps, negLr);
}

export function asgdF32(p: usize, g: usize, ax: usize, n: i32, sign: f32, weightDecay: f32, decay: f32, negEta: f32, mu: f32, copy: bool): void {
  asgdStep<f32>(p, g, ax, n, sign, weightDecay, decay, negEta, mu, copy);
}

export function asgdF64(p: usize, g: usize, ax: usize, n: i32, sign: f64, weightDecay: f64, decay: f64, negEta: f64, mu: f64, copy: bool): void {
  asgdStep<f64>(p, g, ax, n, sign, weightDecay, decay, negEta, mu, copy);
}

export function rpropF32(p: usize, g: usize, prev: usize, s: usize, n: i32, sign: f32, etaMinus: f32, etaPlus: f32, stepMin: f32, stepMax: f32): void {
  rpropStep<f32>(p, g, prev, s, n, sign, etaMinus, etaPlus, stepMin, stepMax);
}

export function rpropF64(p: usize, g: usize, prev: usize, s: usize, n: i32, sign: f64, etaMinus: f64, etaPlus: f64, stepMin: f64, stepMax: f64): void {
  rpropStep<f64>(p, g, prev, s, n, sign, etaMinus, etaPlus, stepMin, stepMax);
}

export function binaryF32(op: i32, a: usize, b: usize, bStep: i32, out: usize, n: i32): void {
  binaryRun<f32>(op, a, b, bStep, out, n);
}

export function binaryF64(op: i32, a: usize, b: usize, bStep: i32, out: usize, n: i32): void {
  binaryRun<f64>(op, a, b, bStep, out, n);
}

export function unaryF32(op: i32, a: usize, out: usize, n: i32): void {
  unaryRun<f32>(op, a, out, n);
}

export function unaryF64(op: i32, a: usize, out: usize, n: i32): void {
  unaryRun<f64>(op, a, out, n);
}

export function reduceF32(op: i32, a: usize, n: i32): f64 {
  return reduceRun<f32>(op, a, n);
}

export function reduceF64(op: i32, a: usize, n: i32): f64 {
  return reduceRun<f64>(op, a, n);
}

/** out = f(a) over n float32 elements (op: 0 exp, 1 sigmoid, 2 tanh), evaluated in float64 lanes. */
export function transcendentalF32(op: i32, a: usize, out: usize, n: i32): void {
  transcendentalRunF32(op, a, out, n);
}

/** Σ e^(a[i] − m) over n float32 elements (float64), storing float32(e^(a[i] − m)) to out when `keep`. */
export function softmaxExpSumF32(a: usize, out: usize, n: i32, m: f64, keep: bool): f64 {
  return expShiftSumF32(a, out, n, m, keep);
}

/** out[i] = float32(out[i] / d) over n float32 elements. */
export function softmaxDivideF32(out: usize, n: i32, d: f64): void {
  divideF32(out, n, d);
}

/** out[i] = float32(a[i] − s) over n float32 elements. */
export function softmaxSubtractF32(a: usize, out: usize, n: i32, s: f64): void {
  subtractF32(a, out, n, s);
}

// Batch norm over a piece of an (N, C, L) array (asm/batch-norm.ts): the piece's m elements start at flat index `first`.

export function channelSumF32(x: usize, first: i32, m: i32, channels: i32, spatial: i32, sums: usize): void {
  channelSum<f32>(x, first, m, channels, spatial, sums);
}

export function channelSumF64(x: usize, first: i32, m: i32, channels: i32, spatial: i32, sums: usize): void {
  channelSum<f64>(x, first, m, channels, spatial, sums);
}

export function channelDeviationsF32(x: usize, first: i32, m: i32, channels: i32, spatial: i32, mean: usize, sumD: usize, sumD2: usize): void {
  channelDeviations<f32>(x, first, m, channels, spatial, mean, sumD, sumD2);
}

export function channelDeviationsF64(x: usize, first: i32, m: i32, channels: i32, spatial: i32, mean: usize, sumD: usize, sumD2: usize): void {
  channelDeviations<f64>(x, first, m, channels, spatial, mean, sumD, sumD2);
}

export function channelAffineF32(x: usize, out: usize, first: i32, m: i32, channels: i32, spatial: i32, scale: usize, shift: usize): void {
  channelAffine<f32>(x, out, first, m, channels, spatial, scale, shift);
}

export function channelAffineF64(x: usize, out: usize, first: i32, m: i32, channels: i32, spatial: i32, scale: usize, shift: usize): void {
  channelAffine<f64>(x, out, first, m, channels, spatial, scale, shift);
}

export function channelGradSumsF32(
  dy: usize, x: usize, first: i32, m: i32, channels: i32, spatial: i32, mean: usize, invStd: usize, sumDy: usize, sumDyXhat: usize,
): void {
  channelGradSums<f32>(dy, x, first, m, channels, spatial, mean, invStd, sumDy, sumDyXhat);
}

export function channelGradSumsF64(
  dy: usize, x: usize, first: i32, m: i32, channels: i32, spatial: i32, mean: usize, invStd: usize, sumDy: usize, sumDyXhat: usize,
): void {
  channelGradSums<f64>(dy, x, first, m, channels, spatial, mean, invStd, sumDy, sumDyXhat);
}

export function channelGradInputF32(
  dy: usize, x: usize, dx: usize, first: i32, m: i32, channels: i32, spatial: i32,
  mean: usize, invStd: usize, k: usize, sumDy: usize, sumDyXhat: usize, count: f64,
): void {
  channelGradInput<f32>(dy, x, dx, first, m, channels, spatial, mean, invStd, k, sumDy, sumDyXhat, count);
}

export function channelGradInputF64(
  dy: usize, x: usize, dx: usize, first: i32, m: i32, channels: i32, spatial: i32,
  mean: usize, invStd: usize, k: usize, sumDy: usize, sumDyXhat: usize, count: f64,
): void {
  channelGradInput<f64>(dy, x, dx, first, m, channels, spatial, mean, invStd, k, sumDy, sumDyXhat, count);
}
