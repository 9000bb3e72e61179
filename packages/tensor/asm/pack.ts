// Packing: copies a block of an operand, read through arbitrary element strides, into the
// contiguous panel order the micro-kernel walks, zero-padding the ragged edge so that every
// tile is a full tile. Contiguous sources (the common row-major and transposed layouts) take
// SIMD paths; anything else is gathered one element at a time.
// Addresses are byte addresses; strides are in elements and may be zero (broadcast) or negative
// (i32 products wrap to the right usize offset).
import { lanes } from "./lanes";
import { storeTransposed } from "./transpose";

/** Rows of C per register tile. */
export const MR: i32 = 4;

/** Columns of C per register tile: two vectors (8 for f32, 4 for f64). */
export function nr<T>(): i32 {
  return 2 * lanes<T>();
}

function offset<T>(elements: i32): usize {
  return <usize>(elements * <i32>sizeof<T>());
}

/** A vector from ptr, or zeros without touching memory (the f64 transposes use two rows, not four). */
function loadIf(wanted: bool, ptr: usize): v128 {
  return wanted ? v128.load(ptr) : v128.splat<i32>(0);
}

/**
 * Packs columns [c0, c1) of B (k×n at b, strides rs, cs; c0 a multiple of NR) into NR-wide panels
 * spanning all k: panel j, step p at dst + ((j·k + p)·NR + col)·size. Threads pack disjoint ranges.
 */
export function packB<T>(b: usize, rs: i32, cs: i32, k: i32, n: i32, dst: usize, c0: i32, c1: i32): void {
  const NR = nr<T>(), L = lanes<T>();
  dst += offset<T>(c0 * k);
  for (let j0 = c0; j0 < min(n, c1); j0 += NR) {
    const cols = min(NR, n - j0);
    const col0 = b + offset<T>(j0 * cs);
    if (cols == NR && cs == 1) {
      let src = col0;
      const step = offset<T>(rs);
      for (let p = 0; p < k; p++) {
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        src += step;
        dst += 32;
      }
      continue;
    }
    let p = 0;
    if (cols == NR && rs == 1) {
      const cstep = offset<T>(cs);
      for (; p + L <= k; p += L) {
        for (let g = 0; g < 2; g++) {
          const src = col0 + offset<T>(p + g * L * cs);
          storeTransposed<T>(v128.load(src), v128.load(src + cstep), loadIf(L == 4, src + 2 * cstep), loadIf(L == 4, src + 3 * cstep), dst + <usize>(g * 16), 32);
        }
        dst += <usize>(L * 32);
      }
    }
    for (; p < k; p++) {
      const row = col0 + offset<T>(p * rs);
      for (let j = 0; j < NR; j++) store<T>(dst + offset<T>(j), j < cols ? load<T>(row + offset<T>(j * cs)) : <T>0);
      dst += 32;
    }
  }
}

/** Packs rows [i0, i0+mc) × columns [p0, p0+kc) of A (m rows at a, strides rs, cs) into MR-row panels; rows ≥ m are zero. */
export function packA<T>(a: usize, rs: i32, cs: i32, m: i32, i0: i32, mc: i32, p0: i32, kc: i32, dst: usize): void {
  const L = lanes<T>();
  const panelStep = offset<T>(MR);
  for (let r0 = i0; r0 < i0 + mc; r0 += MR) {
    const rows = min(MR, m - r0);
    const src0 = a + offset<T>(r0 * rs + p0 * cs);
    if (rows == MR && rs == 1) {
      const step = offset<T>(cs);
      let src = src0;
      for (let p = 0; p < kc; p++) {
        v128.store(dst, v128.load(src));
        if (L == 2) v128.store(dst, v128.load(src, 16), 16);
        src += step;
        dst += panelStep;
      }
      continue;
    }
    let p = 0;
    if (rows == MR && cs == 1) {
      const rstep = offset<T>(rs);
      for (; p + L <= kc; p += L) {
        for (let g = 0; g < MR / L; g++) {
          const src = src0 + offset<T>(p + g * L * rs);
          storeTransposed<T>(v128.load(src), v128.load(src + rstep), loadIf(L == 4, src + 2 * rstep), loadIf(L == 4, src + 3 * rstep), dst + <usize>(g * 16), panelStep);
        }
        dst += <usize>L * panelStep;
      }
    }
    for (; p < kc; p++) {
      const col = src0 + offset<T>(p * cs);
      for (let r = 0; r < MR; r++) store<T>(dst + offset<T>(r), r < rows ? load<T>(col + offset<T>(r * rs)) : <T>0);
      dst += panelStep;
    }
  }
}
