// GEMM, C = A·B, in the BLIS scheme with WebAssembly SIMD, generic over f32 and f64.
// B is packed once per call into NR-column panels spanning all of k (packB). A caller (the main
// thread or a worker) takes blocks of MC rows of C; for each KC-deep slice it packs its rows of A
// into MR-row panels in its own scratch, then a 4×NR register tile (eight accumulators: 4×8 for
// f32, 4×4 for f64) multiplies each A panel by each B panel. The caller rounds m up to a multiple
// of MR and n to a multiple of NR and gives C that padded row stride, so every tile is full.
import { madd } from "./lanes";
import { MR, nr, packA } from "./pack";

/** Depth of a packed slice: a 4×KC A panel and a KC×NR B panel (4 KB + 8 KB) stay in L1. */
export const KC: i32 = 256;
/** Rows per block of A (the packed MC×KC block stays in L2); also the unit of work a thread takes. */
export const MC: i32 = 64;

/** C tile (MR×NR at c, row stride ldc bytes) = (or +=) A panel · B panel over kc steps. */
function kernel<T>(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  const S = <usize>sizeof<T>();
  let c00 = v128.splat<T>(0), c01 = v128.splat<T>(0);
  let c10 = v128.splat<T>(0), c11 = v128.splat<T>(0);
  let c20 = v128.splat<T>(0), c21 = v128.splat<T>(0);
  let c30 = v128.splat<T>(0), c31 = v128.splat<T>(0);
  // The loop is front-end bound in V8's code, so it spends no instruction it can save: the four
  // A elements load with constant offsets (folded into the addressing) and the loop runs on pb.
  const pbEnd = pb + <usize>(kc * 32);
  while (pb < pbEnd) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a0: v128, a1: v128, a2: v128, a3: v128;
    if (sizeof<T>() == 4) {
      a0 = v128.load32_splat(pa);
      a1 = v128.load32_splat(pa, 4);
      a2 = v128.load32_splat(pa, 8);
      a3 = v128.load32_splat(pa, 12);
    } else {
      a0 = v128.load64_splat(pa);
      a1 = v128.load64_splat(pa, 8);
      a2 = v128.load64_splat(pa, 16);
      a3 = v128.load64_splat(pa, 24);
    }
    c00 = madd<T>(a0, b0, c00);
    c01 = madd<T>(a0, b1, c01);
    c10 = madd<T>(a1, b0, c10);
    c11 = madd<T>(a1, b1, c11);
    c20 = madd<T>(a2, b0, c20);
    c21 = madd<T>(a2, b1, c21);
    c30 = madd<T>(a3, b0, c30);
    c31 = madd<T>(a3, b1, c31);
    pa += 4 * S;
    pb += 32;
  }
  const r1 = c + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
  if (accumulate) {
    c00 = v128.add<T>(c00, v128.load(c));
    c01 = v128.add<T>(c01, v128.load(c, 16));
    c10 = v128.add<T>(c10, v128.load(r1));
    c11 = v128.add<T>(c11, v128.load(r1, 16));
    c20 = v128.add<T>(c20, v128.load(r2));
    c21 = v128.add<T>(c21, v128.load(r2, 16));
    c30 = v128.add<T>(c30, v128.load(r3));
    c31 = v128.add<T>(c31, v128.load(r3, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(r1, c10);
  v128.store(r1, c11, 16);
  v128.store(r2, c20);
  v128.store(r2, c21, 16);
  v128.store(r3, c30);
  v128.store(r3, c31, 16);
}

/**
 * Rows [i0, i1) of C = A·B, with i0 and i1 multiples of MR (i1 at most m rounded up to MR).
 * A: m×k at a, element strides ars, acs. pb: B packed by packB, ldc/NR panels. C: at c, row
 * stride ldc elements (n rounded up to NR). scratch: MC·KC elements belonging to this caller.
 * accumulate: add to C's values (C += A·B) instead of overwriting them.
 */
export function gemmRows<T>(a: usize, ars: i32, acs: i32, m: i32, k: i32, pb: usize, c: usize, ldc: i32, i0: i32, i1: i32, scratch: usize, accumulate: bool): void {
  const S = <i32>sizeof<T>();
  const NR = nr<T>();
  const ldcBytes = <usize>(ldc * S);
  const panels = ldc / NR;
  for (let ic = i0; ic < i1; ic += MC) {
    const mc = min(MC, i1 - ic);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packA<T>(a, ars, acs, m, ic, mc, pc, kc, scratch);
      for (let jp = 0; jp < panels; jp++) {
        const bPanel = pb + <usize>((jp * k + pc) * NR * S);
        let cTile = c + <usize>((ic * ldc + jp * NR) * S);
        let aPanel = scratch;
        for (let ir = 0; ir < mc; ir += MR) {
          kernel<T>(kc, aPanel, bPanel, cTile, ldcBytes, accumulate || pc > 0);
          aPanel += <usize>(kc * MR * S);
          cTile += <usize>MR * ldcBytes;
        }
      }
    }
  }
}
