// Transposes in registers, used when a packing routine reads its source the other way from
// the panel it writes (row-major A into row panels, transposed B into column panels).

/**
 * Writes the transpose of the square block held in r0..r(L-1) (L = lanes of T: four f32 rows
 * r0..r3, or two f64 rows r0, r1; r2 and r3 ignored): lane i of every row goes to dst + i·stride.
 */
export function storeTransposed<T>(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, stride: usize): void {
  if (sizeof<T>() == 8) {
    v128.store(dst, v128.shuffle<f64>(r0, r1, 0, 2));
    v128.store(dst + stride, v128.shuffle<f64>(r0, r1, 1, 3));
    return;
  }
  const lo01 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
  const lo23 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const hi01 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const hi23 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<f32>(lo01, lo23, 0, 1, 4, 5));
  v128.store(dst + stride, v128.shuffle<f32>(lo01, lo23, 2, 3, 6, 7));
  v128.store(dst + 2 * stride, v128.shuffle<f32>(hi01, hi23, 0, 1, 4, 5));
  v128.store(dst + 3 * stride, v128.shuffle<f32>(hi01, hi23, 2, 3, 6, 7));
}
