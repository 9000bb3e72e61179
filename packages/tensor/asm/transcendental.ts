// exp, sigmoid and tanh of float32 runs, four lanes at a time. Each float32 is widened to float64
// and the function evaluated there to a few float64 ulps (the polynomial's truncation is below
// 2^-47 relative), then rounded once to float32. The TypeScript kernels do the same with Math.exp /
// Math.tanh (float64, rounded once when stored), so the two can differ only where the exact
// result lies within that error of a float32 rounding midpoint, and there by one ulp. Working in
// float64 also makes the float32 edge cases fall out of the final rounding instead of needing
// code: overflow to +Inf, underflow to +0 and subnormal results correctly rounded (not flushed),
// exactly as `Math.fround(Math.exp(x))` gives them.
//
// A float32-only version (Cody–Waite reduction, degree-6 polynomial, 2^k by exponent addition)
// runs about 2.5 times as fast but differs from the correctly rounded result by one ulp on about
// one input in ten: enough to move float32 training trajectories when switching backends.
//
// Products and sums are separate multiplies and adds, never relaxed (possibly fused) ones, so
// every build and every machine gives the same bits.

export const EXP = 0, SIGMOID = 1, TANH = 2;

// x = k·ln2 + r, |r| ≤ ln2/2 (Cody–Waite: k·LN2_HI is exact for |k| < 2^21, so r carries no
// cancellation error beyond LN2_LO's). Constants from fdlibm's e_exp.c.
const LOG2E = 1.44269504088896338700e0;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
// Adding 1.5·2^52 rounds to an integer and leaves it in the low mantissa bits.
const SHIFTER = 6755399441055744.0;
// e^x for x above 100 overflows float32 (and e^100 is finite in float64); below −120 it is under
// half the least float32 subnormal. Clamping keeps 2^k inside the float64 exponent range.
const EXP_LO = -120.0, EXP_HI = 100.0;
// tanh(t) for t ≥ 20 is 1 in float64; 2t then stays well inside the exp range.
const TANH_HI = 20.0;

function splat(c: f64): v128 {
  return f64x2.splat(c);
}

/** a·b + c */
function mulAdd(a: v128, b: v128, c: v128): v128 {
  return f64x2.add(f64x2.mul(a, b), c);
}

/** c0 + c1·r */
function line(c0: f64, c1: f64, r: v128): v128 {
  return mulAdd(splat(c1), r, splat(c0));
}

/**
 * The t whose e^t the op needs, clamped: x (exp), −|x| (sigmoid: e^−|x| never overflows), 2|x|
 * (tanh). f64x2.min/max return NaN for a NaN lane, so NaN passes through.
 */
function argument(op: i32, x: v128): v128 {
  if (op == EXP) return f64x2.min(f64x2.max(x, splat(EXP_LO)), splat(EXP_HI));
  if (op == SIGMOID) return f64x2.max(f64x2.neg(f64x2.abs(x)), splat(EXP_LO));
  const t = f64x2.min(f64x2.abs(x), splat(TANH_HI));
  return f64x2.add(t, t);
}

/** t·log2e + SHIFTER: k = round(t/ln2) in the low mantissa bits. */
function roundedK(t: v128): v128 {
  return mulAdd(t, splat(LOG2E), splat(SHIFTER));
}

/** r = t − k·ln2, in two steps. */
function reduce(t: v128, kd: v128): v128 {
  const k = f64x2.sub(kd, splat(SHIFTER));
  return f64x2.sub(f64x2.sub(t, f64x2.mul(k, splat(LN2_HI))), f64x2.mul(k, splat(LN2_LO)));
}

/** 2^k as float64 bits: k (two's complement in kd's low bits) shifted into the exponent field of 1.0. */
function twoToK(kd: v128): v128 {
  return i64x2.add(i64x2.shl(kd, 52), splat(1.0));
}

/**
 * The op's value from x, 2^k and q = e^r − 1: e^t = 2^k·(1 + q) (exact scaling: 2^k is a normal
 * float64 for every clamped t); e^t − 1 = 2^k·q + (2^k − 1), both terms exact, with no
 * cancellation near t = 0, for tanh|x| = (e^2|x| − 1)/(e^2|x| + 1) with x's sign put back (so
 * tanh(−0) = −0); sigmoid 1/(1 + e^−x) for x ≥ 0, e^x/(1 + e^x) below (NaN fails x ≥ 0 and stays NaN).
 */
function finish(op: i32, x: v128, scale: v128, q: v128): v128 {
  if (op == TANH) {
    const m = mulAdd(scale, q, f64x2.sub(scale, splat(1.0)));
    return v128.or(f64x2.div(m, f64x2.add(m, splat(2.0))), v128.and(x, splat(-0.0)));
  }
  const e = f64x2.mul(scale, f64x2.add(q, splat(1.0)));
  if (op == EXP) return e;
  return f64x2.div(v128.bitselect(splat(1.0), e, f64x2.ge(x, splat(0.0))), f64x2.add(splat(1.0), e));
}

/**
 * Four float32 lanes, widened to two float64 halves (lo, hi) and rounded once at the end. The
 * halves go through each step side by side, and e^r − 1 (Taylor to degree 11: truncation below
 * 2^-47 relative for |r| ≤ ln2/2) by Estrin's scheme: short dependency chains that the CPU
 * overlaps, about twice the speed of one Horner chain per half.
 */
function applyF32x4<Op>(x: v128): v128 {
  const op = changetype<Op>(0).code();
  const xLo = f64x2.promote_low_f32x4(x);
  const xHi = f64x2.promote_low_f32x4(v128.shuffle<i64>(x, x, 1, 1));
  const tLo = argument(op, xLo);
  const tHi = argument(op, xHi);
  const kLo = roundedK(tLo);
  const kHi = roundedK(tHi);
  const rLo = reduce(tLo, kLo);
  const rHi = reduce(tHi, kHi);
  const r2Lo = f64x2.mul(rLo, rLo);
  const r2Hi = f64x2.mul(rHi, rHi);
  const r4Lo = f64x2.mul(r2Lo, r2Lo);
  const r4Hi = f64x2.mul(r2Hi, r2Hi);
  // (e^r − 1)/r = Σ r^i/(i+1)!, i ≤ 10, as pairs c0 + c1·r combined with r², r⁴, r⁸
  const b0Lo = mulAdd(line(1.0 / 6.0, 1.0 / 24.0, rLo), r2Lo, line(1.0, 0.5, rLo));
  const b0Hi = mulAdd(line(1.0 / 6.0, 1.0 / 24.0, rHi), r2Hi, line(1.0, 0.5, rHi));
  const b1Lo = mulAdd(line(1.0 / 5040.0, 1.0 / 40320.0, rLo), r2Lo, line(1.0 / 120.0, 1.0 / 720.0, rLo));
  const b1Hi = mulAdd(line(1.0 / 5040.0, 1.0 / 40320.0, rHi), r2Hi, line(1.0 / 120.0, 1.0 / 720.0, rHi));
  const b2Lo = mulAdd(splat(1.0 / 39916800.0), r2Lo, line(1.0 / 362880.0, 1.0 / 3628800.0, rLo));
  const b2Hi = mulAdd(splat(1.0 / 39916800.0), r2Hi, line(1.0 / 362880.0, 1.0 / 3628800.0, rHi));
  const pLo = mulAdd(b2Lo, f64x2.mul(r4Lo, r4Lo), mulAdd(b1Lo, r4Lo, b0Lo));
  const pHi = mulAdd(b2Hi, f64x2.mul(r4Hi, r4Hi), mulAdd(b1Hi, r4Hi, b0Hi));
  const lo = finish(op, xLo, twoToK(kLo), f64x2.mul(pLo, rLo));
  const hi = finish(op, xHi, twoToK(kHi), f64x2.mul(pHi, rHi));
  return v128.shuffle<i64>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 2);
}

/**
 * e^t for two float64 lanes, to a few float64 ulps, with t clamped to [−120, 100] as for the
 * float32 exp (so e^t below e^−120 comes out as e^−120, which rounds to 0 in float32 and vanishes
 * in any sum that holds a term near 1, as a softmax's does).
 */
export function expF64x2(x: v128): v128 {
  const t = argument(EXP, x);
  const k = roundedK(t);
  const r = reduce(t, k);
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const b0 = mulAdd(line(1.0 / 6.0, 1.0 / 24.0, r), r2, line(1.0, 0.5, r));
  const b1 = mulAdd(line(1.0 / 5040.0, 1.0 / 40320.0, r), r2, line(1.0 / 120.0, 1.0 / 720.0, r));
  const b2 = mulAdd(splat(1.0 / 39916800.0), r2, line(1.0 / 362880.0, 1.0 / 3628800.0, r));
  const p = mulAdd(b2, f64x2.mul(r4, r4), mulAdd(b1, r4, b0));
  return finish(EXP, x, twoToK(k), f64x2.mul(p, r));
}

// Each op is a class whose one method names it; the loop takes the class as a type parameter
// (calling through a null reference of it, which the method does not read). So every op compiles
// to a loop of its own with applyF32x4 inlined and its branches on op folded away; one loop for
// all ops called applyF32x4 per vector.
class Exp { code(): i32 { return EXP; } }
class Sigmoid { code(): i32 { return SIGMOID; } }
class Tanh { code(): i32 { return TANH; } }

/** out[i] = f(a[i]) for i < n over float32; out may be a (in place). */
export function transcendentalRunF32(op: i32, a: usize, out: usize, n: i32): void {
  if (op == EXP) transcendentalLoop<Exp>(a, out, n);
  else if (op == SIGMOID) transcendentalLoop<Sigmoid>(a, out, n);
  else transcendentalLoop<Tanh>(a, out, n);
}

function transcendentalLoop<Op>(a: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const at = <usize>i * 4;
    // The last one to three elements go through lanes of one vector, loaded and stored one by
    // one, in the same statement as whole vectors: applyF32x4 has one call site, so it is inlined.
    const rest = n - i;
    const y = applyF32x4<Op>(rest >= 4 ? v128.load(a + at) : loadLanes(a + at, rest));
    if (rest >= 4) v128.store(out + at, y);
    else storeLanes(out + at, y, rest);
  }
}

/** The first `count` (1 to 3) float32 lanes from p, the others 0. */
function loadLanes(p: usize, count: i32): v128 {
  let x = f32x4.splat(0.0);
  x = v128.load_lane<i32>(p, x, 0);
  if (count > 1) x = v128.load_lane<i32>(p + 4, x, 1);
  if (count > 2) x = v128.load_lane<i32>(p + 8, x, 2);
  return x;
}

/** Stores the first `count` (1 to 3) float32 lanes of y at p. */
function storeLanes(p: usize, y: v128, count: i32): void {
  v128.store_lane<i32>(p, y, 0);
  if (count > 1) v128.store_lane<i32>(p + 4, y, 1);
  if (count > 2) v128.store_lane<i32>(p + 8, y, 2);
}
