// The passes of a float32 softmax / log-softmax row after its maximum m (reduce.ts): the
// exponentials e^(x − m) and their sum, then the division by the sum (softmax) or the
// subtraction of m + log(sum) (log-softmax; the log is taken by the caller, as the TypeScript
// kernel does). Everything in float64 lanes, rounded once to float32 when stored, as the
// TypeScript kernels do with Math.exp: the results differ from theirs only through the last bits
// of the sum (added in another order) and of the exponential.
import { expF64x2 } from "./transcendental";

function lowHalf(x: v128): v128 {
  return f64x2.promote_low_f32x4(x);
}

function highHalf(x: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<i64>(x, x, 1, 1));
}

function narrow(lo: v128, hi: v128): v128 {
  return v128.shuffle<i64>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 2);
}

/** Σ e^(a[i] − m) over n float32 elements, in float64; out[i] = float32(e^(a[i] − m)) when `keep`. */
export function expShiftSumF32(a: usize, out: usize, n: i32, m: f64, keep: bool): f64 {
  const vm = f64x2.splat(m);
  let s0 = f64x2.splat(0.0), s1 = f64x2.splat(0.0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const x = v128.load(a + <usize>i * 4);
    const lo = expF64x2(f64x2.sub(lowHalf(x), vm));
    const hi = expF64x2(f64x2.sub(highHalf(x), vm));
    s0 = f64x2.add(s0, lo);
    s1 = f64x2.add(s1, hi);
    if (keep) v128.store(out + <usize>i * 4, narrow(lo, hi));
  }
  const s = f64x2.add(s0, s1);
  let total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < n; i++) {
    const e = f64x2.extract_lane(expF64x2(f64x2.splat(<f64>load<f32>(a + <usize>i * 4) - m)), 0);
    total += e;
    if (keep) store<f32>(out + <usize>i * 4, <f32>e);
  }
  return total;
}

/** out[i] = float32(out[i] / d) over n float32 elements, divided in float64. */
export function divideF32(out: usize, n: i32, d: f64): void {
  const vd = f64x2.splat(d);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const x = v128.load(out + <usize>i * 4);
    v128.store(out + <usize>i * 4, narrow(f64x2.div(lowHalf(x), vd), f64x2.div(highHalf(x), vd)));
  }
  for (; i < n; i++) store<f32>(out + <usize>i * 4, <f32>(<f64>load<f32>(out + <usize>i * 4) / d));
}

/** out[i] = float32(a[i] − s) over n float32 elements, subtracted in float64. */
export function subtractF32(a: usize, out: usize, n: i32, s: f64): void {
  const vs = f64x2.splat(s);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const x = v128.load(a + <usize>i * 4);
    v128.store(out + <usize>i * 4, narrow(f64x2.sub(lowHalf(x), vs), f64x2.sub(highHalf(x), vs)));
  }
  for (; i < n; i++) store<f32>(out + <usize>i * 4, <f32>(<f64>load<f32>(a + <usize>i * 4) - s));
}
