import type { TypedArray } from "../dtype";

/**
 * General matrix multiply, C = A·B, with A m×k and B k×n read through arbitrary strides
 * (so transposed and sliced operands need no copy) and C written row-major, contiguous:
 * C[i, j] at c[cOff + i*n + j], overwritten, or added to when `accumulate` is true (C += A·B:
 * how addmm adds a bias inside the product, as BLAS does with β = 1).
 *
 * The BLIS/GotoBLAS scheme in plain TypeScript: B is packed a KC×NC block at a time into
 * 4-wide column panels, A an MC×KC block at a time into 4-tall row panels (both as float64,
 * so the inner kernel is monomorphic), and a 4×4 register-blocked micro-kernel multiplies
 * one row panel by one column panel, holding 16 accumulators in locals. Panels are zero-padded
 * to a multiple of 4, so edge tiles run the same kernel and only the store is guarded.
 * Small products skip packing and use a direct i-p-j loop.
 */
export type GemmKernel = (
  m: number,
  n: number,
  k: number,
  a: TypedArray,
  aOff: number,
  aRowStride: number,
  aColStride: number,
  b: TypedArray,
  bOff: number,
  bRowStride: number,
  bColStride: number,
  c: TypedArray,
  cOff: number,
  accumulate?: boolean,
) => void;

// Block sizes: a 4×KC panel of A and a KC×4 panel of B (12 KB each in float64) share the 32 KB
// L1 data cache; the MC×KC block of A (192 KB) stays in L2; the KC×NC block of B (3 MB) in L3.
// KC = 384 measured best among 256/384/512 on the development machine (fewer passes over C).
const MR = 4;
const NR = 4;
const KC = 384;
const MC = 64;
const NC = 1024;
/** Below this many multiply-adds, packing costs more than it saves. */
const DIRECT_LIMIT = 16 * 16 * 16;

let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NC);
let scratch = new Float64Array(0);

/** C = A·B for any output array (float64 accumulation; a Float32Array output is rounded once per element). */
export function gemmF64(
  m: number, n: number, k: number,
  a: TypedArray, aOff: number, ars: number, acs: number,
  b: TypedArray, bOff: number, brs: number, bcs: number,
  c: TypedArray, cOff: number, accumulate = false,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) c.fill(0, cOff, cOff + m * n);
    return;
  }
  if (m * n * k <= DIRECT_LIMIT) gemmDirect(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, accumulate);
  else if (c instanceof Float64Array) gemmBlocked(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, accumulate);
  else gemmViaScratch(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, accumulate);
}


function gemmViaScratch(
  m: number, n: number, k: number,
  a: TypedArray, aOff: number, ars: number, acs: number,
  b: TypedArray, bOff: number, brs: number, bcs: number,
  c: TypedArray, cOff: number, accumulate: boolean,
): void {
  if (scratch.length < m * n) scratch = new Float64Array(m * n);
  const tmp = scratch;
  gemmBlocked(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, tmp, 0, false);
  // C's type rounds once: the float64 product, plus C's old value when accumulating.
  if (accumulate) for (let i = 0, len = m * n; i < len; i++) c[cOff + i] += tmp[i];
  else for (let i = 0, len = m * n; i < len; i++) c[cOff + i] = tmp[i];
}

function gemmDirect(
  m: number, n: number, k: number,
  a: TypedArray, aOff: number, ars: number, acs: number,
  b: TypedArray, bOff: number, brs: number, bcs: number,
  c: TypedArray, cOff: number, accumulate: boolean,
): void {
  for (let i = 0; i < m; i++) {
    const row = cOff + i * n;
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0, ap = aOff + i * ars, bp = bOff + j * bcs; p < k; p++, ap += acs, bp += brs) sum += a[ap] * b[bp];
      c[row + j] = accumulate ? c[row + j] + sum : sum;
    }
  }
}

function gemmBlocked(
  m: number, n: number, k: number,
  a: TypedArray, aOff: number, ars: number, acs: number,
  b: TypedArray, bOff: number, brs: number, bcs: number,
  c: Float64Array, cOff: number, accumulateIntoC: boolean,
): void {
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packPanelsB(b, bOff + pc * brs + jc * bcs, brs, bcs, kc, nc);
      const accumulate = pc > 0 || accumulateIntoC;
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packPanelsA(a, aOff + ic * ars + pc * acs, ars, acs, mc, kc);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = Math.min(NR, nc - jr);
          const bBase = (jr / NR) * kc * NR;
          for (let ir = 0; ir < mc; ir += MR) {
            const rows = Math.min(MR, mc - ir);
            microKernel(kc, packA, (ir / MR) * kc * MR, packB, bBase, c, cOff + (ic + ir) * n + jc + jr, n, rows, cols, accumulate);
          }
        }
      }
    }
  }
}

/** Packs an mc×kc block of A into 4-row panels: panel r, step p at [(r*kc + p)*4 + row]. */
function packPanelsA(a: TypedArray, off: number, rs: number, cs: number, mc: number, kc: number): void {
  const size = Math.ceil(mc / MR) * MR * kc;
  if (packA.length < size) packA = new Float64Array(size);
  const dst = packA;
  let q = 0;
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const rows = Math.min(MR, mc - i0);
    const r0 = off + i0 * rs;
    if (rows === MR) {
      for (let p = 0, src = r0; p < kc; p++, src += cs) {
        dst[q] = a[src];
        dst[q + 1] = a[src + rs];
        dst[q + 2] = a[src + 2 * rs];
        dst[q + 3] = a[src + 3 * rs];
        q += 4;
      }
    } else {
      for (let p = 0, src = r0; p < kc; p++, src += cs) {
        for (let r = 0; r < MR; r++) dst[q + r] = r < rows ? a[src + r * rs] : 0;
        q += 4;
      }
    }
  }
}

/** Packs a kc×nc block of B into 4-column panels: panel j, step p at [(j*kc + p)*4 + col]. */
function packPanelsB(b: TypedArray, off: number, rs: number, cs: number, kc: number, nc: number): void {
  const size = Math.ceil(nc / NR) * NR * kc;
  if (packB.length < size) packB = new Float64Array(size);
  const dst = packB;
  let q = 0;
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const cols = Math.min(NR, nc - j0);
    const c0 = off + j0 * cs;
    if (cols === NR) {
      for (let p = 0, src = c0; p < kc; p++, src += rs) {
        dst[q] = b[src];
        dst[q + 1] = b[src + cs];
        dst[q + 2] = b[src + 2 * cs];
        dst[q + 3] = b[src + 3 * cs];
        q += 4;
      }
    } else {
      for (let p = 0, src = c0; p < kc; p++, src += rs) {
        for (let j = 0; j < NR; j++) dst[q + j] = j < cols ? b[src + j * cs] : 0;
        q += 4;
      }
    }
  }
}

/** C tile (rows×cols of a 4×4 tile, row stride ldc) (+)= A panel · B panel over kc steps. */
function microKernel(
  kc: number, pa: Float64Array, ai: number, pb: Float64Array, bi: number,
  c: Float64Array, co: number, ldc: number, rows: number, cols: number, accumulate: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++) {
    const a0 = pa[ai], a1 = pa[ai + 1], a2 = pa[ai + 2], a3 = pa[ai + 3];
    const b0 = pb[bi], b1 = pb[bi + 1], b2 = pb[bi + 2], b3 = pb[bi + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    ai += 4;
    bi += 4;
  }
  if (rows === MR && cols === NR) {
    const r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
    if (accumulate) {
      c[co] += c00; c[co + 1] += c01; c[co + 2] += c02; c[co + 3] += c03;
      c[r1] += c10; c[r1 + 1] += c11; c[r1 + 2] += c12; c[r1 + 3] += c13;
      c[r2] += c20; c[r2 + 1] += c21; c[r2 + 2] += c22; c[r2 + 3] += c23;
      c[r3] += c30; c[r3 + 1] += c31; c[r3 + 2] += c32; c[r3 + 3] += c33;
    } else {
      c[co] = c00; c[co + 1] = c01; c[co + 2] = c02; c[co + 3] = c03;
      c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
      c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
      c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
    }
    return;
  }
  const tile = edgeTile;
  tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
  tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
  tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
  tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) {
      const q = co + r * ldc + j;
      c[q] = accumulate ? c[q] + tile[r * 4 + j] : tile[r * 4 + j];
    }
  }
}

const edgeTile = new Float64Array(16);
