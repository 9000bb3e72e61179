import type { TypedArray } from "../dtype";

/**
 * Reductions over one strided run a[off + i*s], i < n, returning a float64 number.
 * Sums accumulate in float64 in blocks of 256 (a two-level sum: error grows with
 * 256 + n/256 instead of n).
 */
export type ReduceKernel = (a: TypedArray, off: number, s: number, n: number) => number;

/** Elements per block of the two-level sums. */
export const SUM_BLOCK = 256;
const BLOCK = SUM_BLOCK;

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

/**
 * Column sums of a contiguous rows×cols block (element (r, c) at a[off + r·cols + c]): out[c] gets
 * Σ_r, the very number sumReduce gives down column c (blocks of 256 rows), read row by row.
 */
export type SumRowsKernel = (a: TypedArray, off: number, rows: number, cols: number, out: Float64Array) => void;

export function sumRowsReduce(a: TypedArray, off: number, rows: number, cols: number, out: Float64Array): void {
  out.fill(0, 0, cols);
  for (let start = 0; start < rows; start += BLOCK) {
    const partial = blockColumnSums(a, off + start * cols, Math.min(BLOCK, rows - start), cols);
    for (let c = 0; c < cols; c++) out[c] += partial[c];
  }
}

/** Σ down each column of `rows` (at most one block) rows: each column's partial sum, in row order. */
export function blockColumnSums(a: TypedArray, off: number, rows: number, cols: number): Float64Array {
  const partial = new Float64Array(cols);
  for (let r = 0, row = off; r < rows; r++, row += cols) {
    for (let c = 0; c < cols; c++) partial[c] += a[row + c];
  }
  return partial;
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
