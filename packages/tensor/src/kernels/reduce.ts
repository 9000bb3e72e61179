import type { TypedArray } from "../dtype";

/**
 * Reductions over one strided run a[off + i*s], i < n, returning a float64 number.
 * Sums accumulate in float64 in blocks of 256 (a two-level sum: error grows with
 * 256 + n/256 instead of n).
 */
export type ReduceKernel = (a: TypedArray, off: number, s: number, n: number) => number;

const BLOCK = 256;

export function sumReduce(a: TypedArray, off: number, s: number, n: number): number {
  let total = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    let partial = 0;
    for (let i = start, p = off + start * s; i < end; i++, p += s) partial += a[p];
    total += partial;
  }
  return total;
}

export function sumAbsReduce(a: TypedArray, off: number, s: number, n: number): number {
  let total = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    let partial = 0;
    for (let i = start, p = off + start * s; i < end; i++, p += s) partial += Math.abs(a[p]);
    total += partial;
  }
  return total;
}

export function sumSquaresReduce(a: TypedArray, off: number, s: number, n: number): number {
  let total = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    let partial = 0;
    for (let i = start, p = off + start * s; i < end; i++, p += s) partial += a[p] * a[p];
    total += partial;
  }
  return total;
}

/** Largest element; NaN if any element is NaN (PyTorch propagates NaN); -Infinity for n = 0. */
export function maxReduce(a: TypedArray, off: number, s: number, n: number): number {
  let m = -Infinity;
  for (let i = 0, p = off; i < n; i++, p += s) {
    const x = a[p];
    if (x > m) m = x;
    else if (x !== x) return NaN;
  }
  return m;
}

/** Smallest element; NaN if any element is NaN; Infinity for n = 0. */
export function minReduce(a: TypedArray, off: number, s: number, n: number): number {
  let m = Infinity;
  for (let i = 0, p = off; i < n; i++, p += s) {
    const x = a[p];
    if (x < m) m = x;
    else if (x !== x) return NaN;
  }
  return m;
}

/** Largest |element|; NaN if any element is NaN. */
export function maxAbsReduce(a: TypedArray, off: number, s: number, n: number): number {
  let m = 0;
  for (let i = 0, p = off; i < n; i++, p += s) {
    const x = Math.abs(a[p]);
    if (x > m) m = x;
    else if (x !== x) return NaN;
  }
  return m;
}

/** Smallest |element|; NaN if any element is NaN; Infinity for n = 0. */
export function minAbsReduce(a: TypedArray, off: number, s: number, n: number): number {
  let m = Infinity;
  for (let i = 0, p = off; i < n; i++, p += s) {
    const x = Math.abs(a[p]);
    if (x < m) m = x;
    else if (x !== x) return NaN;
  }
  return m;
}

/** Index (in the run) of the first largest element; the first NaN counts as largest, as in PyTorch. */
export function argmaxReduce(a: TypedArray, off: number, s: number, n: number): number {
  let best = 0;
  let m = a[off];
  if (m !== m) return 0;
  for (let i = 1, p = off + s; i < n; i++, p += s) {
    const x = a[p];
    if (x > m) {
      m = x;
      best = i;
    } else if (x !== x) return i;
  }
  return best;
}

/** Index of the first smallest element; the first NaN wins. */
export function argminReduce(a: TypedArray, off: number, s: number, n: number): number {
  let best = 0;
  let m = a[off];
  if (m !== m) return 0;
  for (let i = 1, p = off + s; i < n; i++, p += s) {
    const x = a[p];
    if (x < m) {
      m = x;
      best = i;
    } else if (x !== x) return i;
  }
  return best;
}

/** log Σ exp(a_i), shifted by the maximum so no term overflows; -Infinity for n = 0. */
export function logsumexpReduce(a: TypedArray, off: number, s: number, n: number): number {
  const m = maxReduce(a, off, s, n);
  if (m === Infinity || m === -Infinity || m !== m) return m;
  let total = 0;
  for (let i = 0, p = off; i < n; i++, p += s) total += Math.exp(a[p] - m);
  return m + Math.log(total);
}

/** Σ (a_i - mean)², two passes (the mean first): no cancellation from Σa² - n·mean². */
export function squaredDeviationsReduce(a: TypedArray, off: number, s: number, n: number): number {
  const mean = sumReduce(a, off, s, n) / n;
  let total = 0;
  for (let i = 0, p = off; i < n; i++, p += s) {
    const d = a[p] - mean;
    total += d * d;
  }
  return total;
}

/** Σ |a_i|^p for a general p > 0. */
export function sumPowAbsReduce(a: TypedArray, off: number, s: number, n: number, p: number): number {
  let total = 0;
  for (let i = 0, q = off; i < n; i++, q += s) total += Math.abs(a[q]) ** p;
  return total;
}

/** Number of non-zero elements (the "0-norm"). */
export function countNonzeroReduce(a: TypedArray, off: number, s: number, n: number): number {
  let count = 0;
  for (let i = 0, p = off; i < n; i++, p += s) if (a[p] !== 0) count++;
  return count;
}
