// Lane helpers generic over the element type T (f32: four lanes per v128, f64: two), so one
// GEMM source serves both precisions. Every branch below is on a compile-time constant
// (the element size, or whether relaxed SIMD is enabled for this build), so each
// instantiation compiles to straight-line SIMD.

/** a·b + c. With relaxed SIMD this is one fused multiply-add where the hardware has FMA. */
export function madd<T>(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return v128.relaxed_madd<T>(a, b, c);
  return v128.add<T>(v128.mul<T>(a, b), c);
}

/** Elements per v128. */
export function lanes<T>(): i32 {
  return 16 / <i32>sizeof<T>();
}
