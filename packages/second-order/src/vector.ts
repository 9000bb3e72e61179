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

/** ‖a‖ₚ for p = Infinity, −Infinity or a positive number (SciPy's `vecnorm`). */
export function vecnorm(a: Float64Array, ord: number): number {
  if (ord === Infinity) return normInf(a);
  if (ord === -Infinity) {
    let m = Infinity;
    for (const v of a) m = Math.min(m, Math.abs(v));
    return m;
  }
  let s = 0;
  for (const v of a) s += Math.abs(v) ** ord;
  return s ** (1 / ord);
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
