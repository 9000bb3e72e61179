// Small dense-vector helpers over Float64Array, written as plain loops.

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm2(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

export function normInf(a: Float64Array): number {
  let m = 0;
  for (const v of a) {
    const abs = Math.abs(v);
    // NaN must win: a NaN gradient is never "small enough".
    if (abs > m || Number.isNaN(abs)) m = abs;
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
