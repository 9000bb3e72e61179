// Reductions over one contiguous run in linear memory, generic over f32 and f64, with the
// TypeScript kernels' structure: sums accumulate in float64 (f32 elements promoted exactly) in
// blocks of 256 elements, each block on eight float64 lanes whose total is added to the run's sum;
// max and min are exact, NaN if any element is NaN, and a zero result carries the sign of the
// run's first zero, as the TypeScript loops (which keep the first of equal elements) return it.
//
// Which reduction a loop computes is a type argument (the classes below), not a value: a branch on
// idof<Op>() is decided when the function is instantiated (AssemblyScript has no const generics),
// so each loop is straight-line SIMD. With the op as a run-time argument the sums ran 1.7× slower.

/* eslint-disable @typescript-eslint/no-extraneous-class -- type tags: only their idof<Op>() is used */
class Sum {}
class SumAbs {}
class SumSquares {}
class Max {}
class Min {}
class MaxAbs {}
class MinAbs {}
/* eslint-enable @typescript-eslint/no-extraneous-class */

/** The op codes the JavaScript side passes (src/wasm/reduce-kernels.ts REDUCE_OPS). */
export const SUM = 0, SUM_ABS = 1, SUM_SQUARES = 2, MAX = 3, MIN = 4, MAX_ABS = 5, MIN_ABS = 6;

/** Elements per partial sum, as in src/kernels/reduce.ts: a block's rounding error grows with 256, the run's with n/256. */
const BLOCK = 256;

/** The summand of one float64 pair: x, |x| or x² (exact for promoted f32, rounded once for f64, as the TypeScript kernels). */
function term<Op>(x: v128): v128 {
  if (idof<Op>() == idof<SumAbs>()) return v128.abs<f64>(x);
  if (idof<Op>() == idof<SumSquares>()) return v128.mul<f64>(x, x);
  return x;
}

function term1<Op>(x: f64): f64 {
  if (idof<Op>() == idof<SumAbs>()) return abs<f64>(x);
  if (idof<Op>() == idof<SumSquares>()) return x * x;
  return x;
}

/** Σ term(a[i]) for i < n in float64: per block of 256, four float64x2 accumulators (eight elements a step), then the block's total into the run's. */
function sumRun<T, Op>(a: usize, n: i32): f64 {
  const S = <usize>sizeof<T>();
  let total: f64 = 0;
  let i = 0;
  while (i < n) {
    const end = min<i32>(n, i + BLOCK);
    let s0 = f64x2.splat(0), s1 = s0, s2 = s0, s3 = s0;
    for (; i + 8 <= end; i += 8) {
      const p = a + <usize>i * S;
      if (sizeof<T>() == 4) {
        const x = v128.load(p), y = v128.load(p, 16);
        s0 = v128.add<f64>(s0, term<Op>(f64x2.promote_low_f32x4(x)));
        s1 = v128.add<f64>(s1, term<Op>(f64x2.promote_low_f32x4(v128.shuffle<i64>(x, x, 1, 0))));
        s2 = v128.add<f64>(s2, term<Op>(f64x2.promote_low_f32x4(y)));
        s3 = v128.add<f64>(s3, term<Op>(f64x2.promote_low_f32x4(v128.shuffle<i64>(y, y, 1, 0))));
      } else {
        s0 = v128.add<f64>(s0, term<Op>(v128.load(p)));
        s1 = v128.add<f64>(s1, term<Op>(v128.load(p, 16)));
        s2 = v128.add<f64>(s2, term<Op>(v128.load(p, 32)));
        s3 = v128.add<f64>(s3, term<Op>(v128.load(p, 48)));
      }
    }
    const s = v128.add<f64>(v128.add<f64>(s0, s1), v128.add<f64>(s2, s3));
    let partial = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
    for (; i < end; i++) partial += term1<Op>(<f64>load<T>(a + <usize>i * S));
    total += partial;
  }
  return total;
}

function isLargest<Op>(): bool {
  return idof<Op>() == idof<Max>() || idof<Op>() == idof<MaxAbs>();
}

function isMagnitude<Op>(): bool {
  return idof<Op>() == idof<MaxAbs>() || idof<Op>() == idof<MinAbs>();
}

/**
 * The running extreme with one more vector. pmax/pmin are one instruction each (wasm's max/min,
 * which propagate NaN and order −0 below +0, take several on x86); they skip a NaN x, so the
 * caller tracks NaN on its own, and on equal values keep m.
 */
function pick<T, Op>(m: v128, x: v128): v128 {
  return isLargest<Op>() ? v128.pmax<T>(m, x) : v128.pmin<T>(m, x);
}

/** max, min, max |·| or min |·| of a[i] for i < n ≥ 1: NaN if any element is NaN; a zero max or min is the run's first zero. */
function extremeRun<T, Op>(a: usize, n: i32): f64 {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  let first = load<T>(a);
  if (isMagnitude<Op>()) first = abs<T>(first);
  let m0 = v128.splat<T>(first), m1 = m0, m2 = m0, m3 = m0;
  let nan = v128.splat<i32>(0);
  let i = 0;
  for (; i + 4 * L <= n; i += 4 * L) {
    const p = a + <usize>i * S;
    let x0 = v128.load(p), x1 = v128.load(p, 16), x2 = v128.load(p, 32), x3 = v128.load(p, 48);
    if (isMagnitude<Op>()) {
      x0 = v128.abs<T>(x0);
      x1 = v128.abs<T>(x1);
      x2 = v128.abs<T>(x2);
      x3 = v128.abs<T>(x3);
    }
    nan = v128.or(nan, v128.or(v128.or(v128.ne<T>(x0, x0), v128.ne<T>(x1, x1)), v128.or(v128.ne<T>(x2, x2), v128.ne<T>(x3, x3))));
    m0 = pick<T, Op>(m0, x0);
    m1 = pick<T, Op>(m1, x1);
    m2 = pick<T, Op>(m2, x2);
    m3 = pick<T, Op>(m3, x3);
  }
  if (v128.any_true(nan)) return NaN;
  // fold the lanes: the two 64-bit halves, then (f32) the two 32-bit quarters
  let m = pick<T, Op>(pick<T, Op>(m0, m1), pick<T, Op>(m2, m3));
  m = pick<T, Op>(m, v128.shuffle<i64>(m, m, 1, 0));
  if (sizeof<T>() == 4) m = pick<T, Op>(m, v128.shuffle<i32>(m, m, 1, 0, 3, 2));
  let r = v128.extract_lane<T>(m, 0);
  for (; i < n; i++) {
    let x = load<T>(a + <usize>i * S);
    if (isMagnitude<Op>()) x = abs<T>(x);
    if (x != x) return NaN;
    if (isLargest<Op>() ? x > r : x < r) r = x;
  }
  if (r == <T>0 && !isMagnitude<Op>()) {
    // the lanes may have met −0 and +0 in any order; the TypeScript loop keeps the first zero it meets
    for (let j = 0; j < n; j++) {
      const x = load<T>(a + <usize>j * S);
      if (x == <T>0) return <f64>x;
    }
  }
  return <f64>r;
}

/** One reduction (op: SUM … MIN_ABS) of the n ≥ 1 elements at a, as a float64. */
export function reduceRun<T>(op: i32, a: usize, n: i32): f64 {
  if (op == SUM) return sumRun<T, Sum>(a, n);
  if (op == SUM_ABS) return sumRun<T, SumAbs>(a, n);
  if (op == SUM_SQUARES) return sumRun<T, SumSquares>(a, n);
  if (op == MAX) return extremeRun<T, Max>(a, n);
  if (op == MIN) return extremeRun<T, Min>(a, n);
  if (op == MAX_ABS) return extremeRun<T, MaxAbs>(a, n);
  return extremeRun<T, MinAbs>(a, n);
}
