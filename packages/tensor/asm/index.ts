// Entry of the WebAssembly kernels: everything exported here becomes a wasm export.
import { gemmRows, KC, MC } from "./gemm";
import { MR, packB } from "./pack";

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

export function packBF32(b: usize, rs: i32, cs: i32, k: i32, n: i32, dst: usize): void {
  packB<f32>(b, rs, cs, k, n, dst);
}

export function packBF64(b: usize, rs: i32, cs: i32, k: i32, n: i32, dst: usize): void {
  packB<f64>(b, rs, cs, k, n, dst);
}

export function gemmRowsF32(a: usize, ars: i32, acs: i32, m: i32, k: i32, pb: usize, c: usize, ldc: i32, i0: i32, i1: i32, scratch: usize): void {
  gemmRows<f32>(a, ars, acs, m, k, pb, c, ldc, i0, i1, scratch);
}

export function gemmRowsF64(a: usize, ars: i32, acs: i32, m: i32, k: i32, pb: usize, c: usize, ldc: i32, i0: i32, i1: i32, scratch: usize): void {
  gemmRows<f64>(a, ars, acs, m, k, pb, c, ldc, i0, i1, scratch);
}
