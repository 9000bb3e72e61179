// Batch-norm kernels over a contiguous piece of an (N, C, L) array in linear memory, generic over
// f32 and f64 elements; all arithmetic is float64 (f32 elements promoted exactly), as in the
// TypeScript kernels of @descent/layers-batchnorm. The piece holds the m elements whose flat
// indices start at `first`, so the JavaScript side can stage an array in chunks that cut rows
// anywhere. Per-channel arrays (sums, means, coefficients) are float64, C long.
//
// Each (n, c) row is a contiguous run of L elements of one channel: when L > 1 the loops go down
// that run four elements at a time (two float64x2 halves). When L == 1 (BatchNorm1d on (N, C)) a
// run is one element, so the loops go across the channels of a sample instead, four channels at a
// time, each adding into its own channel's float64 total in the TypeScript loop's order.
//
// Plain multiply and add, never relaxed fused multiply-add: the result must not depend on the host.

/** Float64x2 of elements 0–1 of the four at p. */
function low<T>(p: usize): v128 {
  if (sizeof<T>() == 4) return f64x2.promote_low_f32x4(v128.load64_zero(p));
  return v128.load(p);
}

/** Float64x2 of elements 2–3 of the four at p. */
function high<T>(p: usize): v128 {
  if (sizeof<T>() == 4) return f64x2.promote_low_f32x4(v128.load64_zero(p, 8));
  return v128.load(p, 16);
}

/** Stores two float64x2 halves as four elements at p (f32: each rounded once). */
function store4<T>(p: usize, lo: v128, hi: v128): void {
  if (sizeof<T>() == 4) {
    v128.store(p, v128.shuffle<i64>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 2));
  } else {
    v128.store(p, lo);
    v128.store(p, hi, 16);
  }
}

function total(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/** The channel of flat index g. */
function channelOf(g: i32, channels: i32, spatial: i32): i32 {
  return (g / spatial) % channels;
}

/**
 * Elements from channel c's position l in its row to the end of its run (of the row when L > 1,
 * of the sample when L == 1), or to the end of the piece. The walk divides only once per piece:
 * after a run the next one starts a row at l = 0, of the next channel (L > 1) or channel 0 (L == 1).
 */
function runLength(c: i32, l: i32, left: i32, channels: i32, spatial: i32): i32 {
  return min<i32>(spatial == 1 ? channels - c : spatial - l, left);
}

function nextChannel(c: i32, channels: i32, spatial: i32): i32 {
  if (spatial == 1) return 0;
  return c + 1 == channels ? 0 : c + 1;
}

/** sums[c] += Σ x over channel c's elements of the piece. */
export function channelSum<T>(x: usize, first: i32, m: i32, channels: i32, spatial: i32, sums: usize): void {
  const S = <usize>sizeof<T>();
  let c = channelOf(first, channels, spatial);
  let l = spatial == 1 ? 0 : first % spatial;
  let i = 0;
  while (i < m) {
    const len = runLength(c, l, m - i, channels, spatial);
    const p = x + <usize>i * S;
    let j = 0;
    if (spatial == 1) {
      for (; j + 4 <= len; j += 4) {
        const s = sums + (<usize>(c + j) << 3);
        v128.store(s, v128.add<f64>(v128.load(s), low<T>(p + <usize>j * S)));
        v128.store(s, v128.add<f64>(v128.load(s, 16), high<T>(p + <usize>j * S)), 16);
      }
      for (; j < len; j++) {
        const s = sums + (<usize>(c + j) << 3);
        store<f64>(s, load<f64>(s) + <f64>load<T>(p + <usize>j * S));
      }
    } else {
      let sum: f64 = 0;
      // short rows (L < 4) skip the lanes' set-up and fold, which would cost more than the row
      if (len >= 4) {
        let a = f64x2.splat(0), b = a;
        for (; j + 4 <= len; j += 4) {
          a = v128.add<f64>(a, low<T>(p + <usize>j * S));
          b = v128.add<f64>(b, high<T>(p + <usize>j * S));
        }
        sum = total(v128.add<f64>(a, b));
      }
      for (; j < len; j++) sum += <f64>load<T>(p + <usize>j * S);
      const s = sums + (<usize>c << 3);
      store<f64>(s, load<f64>(s) + sum);
    }
    i += len;
    l = 0;
    c = nextChannel(c, channels, spatial);
  }
}

/** With d = x − mean[c]: sumD[c] += Σ d and sumD2[c] += Σ d² over channel c's elements of the piece. */
export function channelDeviations<T>(x: usize, first: i32, m: i32, channels: i32, spatial: i32, mean: usize, sumD: usize, sumD2: usize): void {
  const S = <usize>sizeof<T>();
  let c = channelOf(first, channels, spatial);
  let l = spatial == 1 ? 0 : first % spatial;
  let i = 0;
  while (i < m) {
    const len = runLength(c, l, m - i, channels, spatial);
    const p = x + <usize>i * S;
    let j = 0;
    if (spatial == 1) {
      for (; j + 4 <= len; j += 4) {
        const at = <usize>(c + j) << 3;
        const q = p + <usize>j * S;
        const d0 = v128.sub<f64>(low<T>(q), v128.load(mean + at));
        const d1 = v128.sub<f64>(high<T>(q), v128.load(mean + at, 16));
        v128.store(sumD + at, v128.add<f64>(v128.load(sumD + at), d0));
        v128.store(sumD + at, v128.add<f64>(v128.load(sumD + at, 16), d1), 16);
        v128.store(sumD2 + at, v128.add<f64>(v128.load(sumD2 + at), v128.mul<f64>(d0, d0)));
        v128.store(sumD2 + at, v128.add<f64>(v128.load(sumD2 + at, 16), v128.mul<f64>(d1, d1)), 16);
      }
      for (; j < len; j++) {
        const at = <usize>(c + j) << 3;
        const d = <f64>load<T>(p + <usize>j * S) - load<f64>(mean + at);
        store<f64>(sumD + at, load<f64>(sumD + at) + d);
        store<f64>(sumD2 + at, load<f64>(sumD2 + at) + d * d);
      }
    } else {
      const at = <usize>c << 3;
      const mu = load<f64>(mean + at);
      const vMu = f64x2.splat(mu);
      let sum: f64 = 0, squares: f64 = 0;
      if (len >= 4) {
        let a = f64x2.splat(0), b = a, a2 = a, b2 = a;
        for (; j + 4 <= len; j += 4) {
          const q = p + <usize>j * S;
          const d0 = v128.sub<f64>(low<T>(q), vMu);
          const d1 = v128.sub<f64>(high<T>(q), vMu);
          a = v128.add<f64>(a, d0);
          b = v128.add<f64>(b, d1);
          a2 = v128.add<f64>(a2, v128.mul<f64>(d0, d0));
          b2 = v128.add<f64>(b2, v128.mul<f64>(d1, d1));
        }
        sum = total(v128.add<f64>(a, b));
        squares = total(v128.add<f64>(a2, b2));
      }
      for (; j < len; j++) {
        const d = <f64>load<T>(p + <usize>j * S) - mu;
        sum += d;
        squares += d * d;
      }
      store<f64>(sumD + at, load<f64>(sumD + at) + sum);
      store<f64>(sumD2 + at, load<f64>(sumD2 + at) + squares);
    }
    i += len;
    l = 0;
    c = nextChannel(c, channels, spatial);
  }
}

/** out = x·scale[c] + shift[c] in float64, rounded once to T: the TypeScript loop's very operations. */
export function channelAffine<T>(x: usize, out: usize, first: i32, m: i32, channels: i32, spatial: i32, scale: usize, shift: usize): void {
  const S = <usize>sizeof<T>();
  let c = channelOf(first, channels, spatial);
  let l = spatial == 1 ? 0 : first % spatial;
  let i = 0;
  while (i < m) {
    const len = runLength(c, l, m - i, channels, spatial);
    const p = x + <usize>i * S;
    const o = out + <usize>i * S;
    let j = 0;
    if (spatial == 1) {
      for (; j + 4 <= len; j += 4) {
        const at = <usize>(c + j) << 3;
        const q = p + <usize>j * S;
        const lo = v128.add<f64>(v128.mul<f64>(low<T>(q), v128.load(scale + at)), v128.load(shift + at));
        const hi = v128.add<f64>(v128.mul<f64>(high<T>(q), v128.load(scale + at, 16)), v128.load(shift + at, 16));
        store4<T>(o + <usize>j * S, lo, hi);
      }
      for (; j < len; j++) {
        const at = <usize>(c + j) << 3;
        store<T>(o + <usize>j * S, <T>(<f64>load<T>(p + <usize>j * S) * load<f64>(scale + at) + load<f64>(shift + at)));
      }
    } else {
      const k: f64 = load<f64>(scale + (<usize>c << 3));
      const b: f64 = load<f64>(shift + (<usize>c << 3));
      const vk = f64x2.splat(k), vb = f64x2.splat(b);
      for (; j + 4 <= len; j += 4) {
        const q = p + <usize>j * S;
        store4<T>(o + <usize>j * S, v128.add<f64>(v128.mul<f64>(low<T>(q), vk), vb), v128.add<f64>(v128.mul<f64>(high<T>(q), vk), vb));
      }
      for (; j < len; j++) store<T>(o + <usize>j * S, <T>(<f64>load<T>(p + <usize>j * S) * k + b));
    }
    i += len;
    l = 0;
    c = nextChannel(c, channels, spatial);
  }
}

/**
 * sumDy[c] += Σ dy and sumDyXhat[c] += Σ dy·(x − mean[c])·invStd[c] over channel c's elements of
 * the piece, each term computed as the TypeScript loop computes it.
 */
export function channelGradSums<T>(
  dy: usize, x: usize, first: i32, m: i32, channels: i32, spatial: i32, mean: usize, invStd: usize, sumDy: usize, sumDyXhat: usize,
): void {
  const S = <usize>sizeof<T>();
  let c = channelOf(first, channels, spatial);
  let l = spatial == 1 ? 0 : first % spatial;
  let i = 0;
  while (i < m) {
    const len = runLength(c, l, m - i, channels, spatial);
    const pd = dy + <usize>i * S;
    const px = x + <usize>i * S;
    let j = 0;
    if (spatial == 1) {
      for (; j + 4 <= len; j += 4) {
        const at = <usize>(c + j) << 3;
        const e = <usize>j * S;
        const g0 = low<T>(pd + e), g1 = high<T>(pd + e);
        const t0 = v128.mul<f64>(v128.mul<f64>(g0, v128.sub<f64>(low<T>(px + e), v128.load(mean + at))), v128.load(invStd + at));
        const t1 = v128.mul<f64>(v128.mul<f64>(g1, v128.sub<f64>(high<T>(px + e), v128.load(mean + at, 16))), v128.load(invStd + at, 16));
        v128.store(sumDy + at, v128.add<f64>(v128.load(sumDy + at), g0));
        v128.store(sumDy + at, v128.add<f64>(v128.load(sumDy + at, 16), g1), 16);
        v128.store(sumDyXhat + at, v128.add<f64>(v128.load(sumDyXhat + at), t0));
        v128.store(sumDyXhat + at, v128.add<f64>(v128.load(sumDyXhat + at, 16), t1), 16);
      }
      for (; j < len; j++) {
        const at = <usize>(c + j) << 3;
        const e = <usize>j * S;
        const d = <f64>load<T>(pd + e);
        store<f64>(sumDy + at, load<f64>(sumDy + at) + d);
        store<f64>(sumDyXhat + at, load<f64>(sumDyXhat + at) + d * (<f64>load<T>(px + e) - load<f64>(mean + at)) * load<f64>(invStd + at));
      }
    } else {
      const at = <usize>c << 3;
      const mu = load<f64>(mean + at), s = load<f64>(invStd + at);
      const vMu = f64x2.splat(mu), vS = f64x2.splat(s);
      let sum: f64 = 0, dot: f64 = 0;
      if (len >= 4) {
        let a = f64x2.splat(0), b = a, a2 = a, b2 = a;
        for (; j + 4 <= len; j += 4) {
          const e = <usize>j * S;
          const g0 = low<T>(pd + e), g1 = high<T>(pd + e);
          a = v128.add<f64>(a, g0);
          b = v128.add<f64>(b, g1);
          a2 = v128.add<f64>(a2, v128.mul<f64>(v128.mul<f64>(g0, v128.sub<f64>(low<T>(px + e), vMu)), vS));
          b2 = v128.add<f64>(b2, v128.mul<f64>(v128.mul<f64>(g1, v128.sub<f64>(high<T>(px + e), vMu)), vS));
        }
        sum = total(v128.add<f64>(a, b));
        dot = total(v128.add<f64>(a2, b2));
      }
      for (; j < len; j++) {
        const e = <usize>j * S;
        const d = <f64>load<T>(pd + e);
        sum += d;
        dot += d * (<f64>load<T>(px + e) - mu) * s;
      }
      store<f64>(sumDy + at, load<f64>(sumDy + at) + sum);
      store<f64>(sumDyXhat + at, load<f64>(sumDyXhat + at) + dot);
    }
    i += len;
    l = 0;
    c = nextChannel(c, channels, spatial);
  }
}

/** k·((M·dy − Σdy) − (x − μ)·s·Σ(dy·x̂)) per element, the TypeScript loop's operations in its order, on float64x2. */
function gradLanes(d: v128, xv: v128, mu: v128, s: v128, k: v128, count: v128, sumDy: v128, dot: v128): v128 {
  const u = v128.mul<f64>(v128.mul<f64>(v128.sub<f64>(xv, mu), s), dot);
  return v128.mul<f64>(k, v128.sub<f64>(v128.sub<f64>(v128.mul<f64>(count, d), sumDy), u));
}

/**
 * dx of batch norm through the batch statistics, per element of channel c (M = count values per channel):
 *   dx = k[c]·((M·dy − sumDy[c]) − (x − mean[c])·invStd[c]·sumDyXhat[c]),  k = γ·invStd/M,
 * computed in float64 and rounded once to T, the TypeScript loop's operations in its order.
 */
export function channelGradInput<T>(
  dy: usize, x: usize, dx: usize, first: i32, m: i32, channels: i32, spatial: i32,
  mean: usize, invStd: usize, k: usize, sumDy: usize, sumDyXhat: usize, count: f64,
): void {
  const S = <usize>sizeof<T>();
  const vCount = f64x2.splat(count);
  let c = channelOf(first, channels, spatial);
  let l = spatial == 1 ? 0 : first % spatial;
  let i = 0;
  while (i < m) {
    const len = runLength(c, l, m - i, channels, spatial);
    const pd = dy + <usize>i * S;
    const px = x + <usize>i * S;
    const po = dx + <usize>i * S;
    let j = 0;
    if (spatial == 1) {
      for (; j + 4 <= len; j += 4) {
        const at = <usize>(c + j) << 3;
        const e = <usize>j * S;
        const lo = gradLanes(low<T>(pd + e), low<T>(px + e), v128.load(mean + at), v128.load(invStd + at), v128.load(k + at), vCount,
          v128.load(sumDy + at), v128.load(sumDyXhat + at));
        const hi = gradLanes(high<T>(pd + e), high<T>(px + e), v128.load(mean + at, 16), v128.load(invStd + at, 16), v128.load(k + at, 16), vCount,
          v128.load(sumDy + at, 16), v128.load(sumDyXhat + at, 16));
        store4<T>(po + e, lo, hi);
      }
      for (; j < len; j++) {
        const at = <usize>(c + j) << 3;
        const e = <usize>j * S;
        const u = (<f64>load<T>(px + e) - load<f64>(mean + at)) * load<f64>(invStd + at) * load<f64>(sumDyXhat + at);
        store<T>(po + e, <T>(load<f64>(k + at) * (count * <f64>load<T>(pd + e) - load<f64>(sumDy + at) - u)));
      }
    } else {
      const at = <usize>c << 3;
      const mu = load<f64>(mean + at), s = load<f64>(invStd + at), kc = load<f64>(k + at);
      const sd = load<f64>(sumDy + at), dot = load<f64>(sumDyXhat + at);
      const vMu = f64x2.splat(mu), vS = f64x2.splat(s), vK = f64x2.splat(kc), vSd = f64x2.splat(sd), vDot = f64x2.splat(dot);
      for (; j + 4 <= len; j += 4) {
        const e = <usize>j * S;
        store4<T>(po + e,
          gradLanes(low<T>(pd + e), low<T>(px + e), vMu, vS, vK, vCount, vSd, vDot),
          gradLanes(high<T>(pd + e), high<T>(px + e), vMu, vS, vK, vCount, vSd, vDot));
      }
      for (; j < len; j++) {
        const e = <usize>j * S;
        store<T>(po + e, <T>(kc * (count * <f64>load<T>(pd + e) - sd - (<f64>load<T>(px + e) - mu) * s * dot)));
      }
    }
    i += len;
    l = 0;
    c = nextChannel(c, channels, spatial);
  }
}
