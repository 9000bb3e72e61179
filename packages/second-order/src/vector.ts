// Small dense-vector helpers over Float64Array, written as plain loops.

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * aᵀb with four independent accumulators: about twice as fast as {@link dot} for long vectors
 * (no loop-carried dependency on one sum), at the price of a different rounding order. Used
 * where n can be large (the L-BFGS two-loop recursion).
 */
export function dotUnrolled(a: Float64Array, b: Float64Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; i++) s0 += a[i] * b[i];
  return s0 + s1 + (s2 + s3);
}

export function norm2(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

export function normInf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const abs = Math.abs(a[i]);
    if (abs > m) m = abs;
    // NaN must win: a NaN gradient is never "small enough".
    else if (Number.isNaN(abs)) return Number.NaN;
  }
  return m;
}

/** NumPy's block size for pairwise summation (PW_BLOCKSIZE in loops_utils.h). */
const pairwiseBlock = 128;

/**
 * Σ aᵢ in NumPy's order (`np.sum`, `np.add.reduce` over a contiguous float64 array): plain
 * left-to-right below 8 terms; up to 128 terms, eight interleaved partial sums combined as
 * ((r₀+r₁)+(r₂+r₃))+((r₄+r₅)+(r₆+r₇)) and then the leftover terms; above that, the two halves
 * (split at a multiple of 8) recursively. SciPy's stopping tests sum this way, so a test that sits on
 * its threshold decides as SciPy's does.
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, count = a.length - start): number {
  if (count < 8) {
    let s = 0;
    for (let i = start; i < start + count; i++) s += a[i];
    return s;
  }
  if (count <= pairwiseBlock) {
    let r0 = a[start], r1 = a[start + 1], r2 = a[start + 2], r3 = a[start + 3];
    let r4 = a[start + 4], r5 = a[start + 5], r6 = a[start + 6], r7 = a[start + 7];
    const whole = count - (count % 8);
    let i = 8;
    for (; i < whole; i += 8) {
      const k = start + i;
      r0 += a[k];
      r1 += a[k + 1];
      r2 += a[k + 2];
      r3 += a[k + 3];
      r4 += a[k + 4];
      r5 += a[k + 5];
      r6 += a[k + 6];
      r7 += a[k + 7];
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < count; i++) s += a[start + i];
    return s;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return pairwiseSum(a, start, half) + pairwiseSum(a, start + half, count - half);
}

/** Σ|aᵢ| in NumPy's order (`np.add.reduce(np.abs(a))`). */
export function sumAbs(a: Float64Array): number {
  return pairwiseSum(a.map(Math.abs));
}

/** ‖a‖ₚ for p = Infinity, −Infinity or a positive number (SciPy's `vecnorm`). */
export function vecnorm(a: Float64Array, ord: number): number {
  if (ord === Infinity) return normInf(a);
  if (ord === -Infinity) {
    let m = Infinity;
    for (const v of a) m = Math.min(m, Math.abs(v));
    return m;
  }
  return pairwiseSum(a.map((v) => Math.abs(v) ** ord)) ** (1 / ord);
}

/** x + alpha·p as a new array (NumPy's `xk + alpha * pk`, same rounding). */
export function addScaled(x: Float64Array, alpha: number, p: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] + alpha * p[i];
  return out;
}

export function scale(alpha: number, p: Float64Array): Float64Array {
  return p.map((v) => alpha * v);
}

export function sub(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

export function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

export function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** y = A·v for a dense n×n row-major A. */
export function matVec(a: Float64Array, v: Float64Array): Float64Array {
  const n = v.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += a[row + j] * v[j];
    out[i] = s;
  }
  return out;
}
