/**
 * Strided iteration shared by every op. `coalesce` merges dimensions that all operands walk
 * as one (so a contiguous tensor becomes one flat run), and `walkPoints` visits each index of
 * a shape while keeping one storage offset per operand, calling back once per point. Ops
 * walk the outer dimensions with it and run a kernel over the innermost run, so there is
 * one callback per row, never one per element.
 */

export interface Coalesced {
  shape: number[];
  /** One stride list per operand, same length as `shape`. */
  strides: number[][];
}

/** Drops size-1 dimensions and merges neighbours that every operand steps through as one. */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): Coalesced {
  const k = strides.length;
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d];
    if (n === 1) continue;
    const last = outShape.length - 1;
    let merge = last >= 0 && n !== 0 && outShape[last] !== 0;
    for (let j = 0; merge && j < k; j++) {
      if (outStrides[j][last] !== strides[j][d] * n) merge = false;
    }
    if (merge) {
      outShape[last] *= n;
      for (let j = 0; j < k; j++) outStrides[j][last] = strides[j][d];
    } else {
      outShape.push(n);
      for (let j = 0; j < k; j++) outStrides[j].push(strides[j][d]);
    }
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls `visit(offsets)` for every index of `shape` in row-major order; `offsets[j]` is
 * `base[j] + Σ index[d] * strides[j][d]`. The array is reused: read it, don't keep it.
 */
export function walkPoints(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  base: readonly number[],
  visit: (offsets: number[]) => void,
): void {
  const nd = shape.length;
  const k = base.length;
  for (let d = 0; d < nd; d++) if (shape[d] === 0) return;
  const offsets = base.slice();
  const index = new Int32Array(nd);
  for (;;) {
    visit(offsets);
    let d = nd - 1;
    for (; d >= 0; d--) {
      if (++index[d] < shape[d]) {
        for (let j = 0; j < k; j++) offsets[j] += strides[j][d];
        break;
      }
      index[d] = 0;
      const back = shape[d] - 1;
      for (let j = 0; j < k; j++) offsets[j] -= strides[j][d] * back;
    }
    if (d < 0) return;
  }
}

/**
 * Splits a coalesced walk into its innermost run (length and per-operand stride) and the
 * outer dimensions, which `walkPoints` visits. A 0-d walk is one run of length 1.
 */
export function splitInnermost(c: Coalesced): { n: number; inner: number[]; outerShape: number[]; outerStrides: number[][] } {
  const nd = c.shape.length;
  if (nd === 0) return { n: 1, inner: c.strides.map(() => 0), outerShape: [], outerStrides: c.strides.map(() => []) };
  return {
    n: c.shape[nd - 1],
    inner: c.strides.map((s) => s[nd - 1]),
    outerShape: c.shape.slice(0, nd - 1),
    outerStrides: c.strides.map((s) => s.slice(0, nd - 1)),
  };
}
