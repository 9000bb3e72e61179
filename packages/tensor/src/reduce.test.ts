import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors";
import { globalNorm } from "./reduce";
import { Tensor } from "./tensor";
import { at, expectClose, indices, randomTensor, values } from "./testing/reference";

/** Naive reduction over `axes` (keepdim) by visiting every element: the reference. */
function naive(t: Tensor, axes: number[], init: () => number[], step: (acc: number[], x: number) => void, done: (acc: number[], n: number) => number): number[] {
  const outShape = t.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  let n = 1;
  for (const a of axes) n *= t.shape[a];
  return indices(outShape).map((o) => {
    const acc = init();
    for (const idx of indices(t.shape)) if (idx.every((v, d) => axes.includes(d) || v === o[d])) step(acc, at(t, idx));
    return done(acc, n);
  });
}

const sumRef = (t: Tensor, axes: number[]): number[] => naive(t, axes, () => [0], (a, x) => (a[0] += x), (a) => a[0]);
const meanRef = (t: Tensor, axes: number[]): number[] => sumRef(t, axes).map((s) => s / axes.reduce((p, a) => p * t.shape[a], 1));

describe("reductions against naive float64 loops", () => {
  const t = randomTensor([3, 4, 5], 9);
  const axesCases: number[][] = [[0], [1], [2], [0, 2], [1, 2], [0, 1, 2]];

  it("sum / mean over any axes, keepdim or not", () => {
    for (const axes of axesCases) {
      expectClose(values(t.sum(axes, true)), sumRef(t, axes), 1e-13, 1e-13);
      expectClose(values(t.mean(axes)), meanRef(t, axes), 1e-13, 1e-13);
      expect(t.sum(axes, true).shape).toEqual(t.shape.map((d, i) => (axes.includes(i) ? 1 : d)));
      expect(t.sum(axes).shape).toEqual(t.shape.filter((_, i) => !axes.includes(i)));
    }
    expect(t.sum().shape).toEqual([]);
    expect(t.sum(-1).shape).toEqual([3, 4]);
    expect(t.sum([]).shape).toEqual([3, 4, 5]);
  });

  it("var / std with correction 1 (default) and 0", () => {
    for (const axes of axesCases) {
      const n = axes.reduce((p, a) => p * t.shape[a], 1);
      const ss = naive(t, axes, () => [0, 0], (a, x) => { a[0] += x; a[1] += x * x; }, (a) => a[1] - (a[0] * a[0]) / n);
      expectClose(values(t.var(axes)), ss.map((s) => s / (n - 1)), 1e-10, 1e-12);
      expectClose(values(t.var(axes, { correction: 0, keepdim: true })), ss.map((s) => s / n), 1e-10, 1e-12);
      expectClose(values(t.std(axes)), ss.map((s) => Math.sqrt(s / (n - 1))), 1e-10, 1e-12);
    }
    // var of [1, 2, 3, 4] = (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3
    expect(Tensor.from([1, 2, 3, 4], { dtype: "float64" }).var().item()).toBeCloseTo(5 / 3, 15);
    expect(Tensor.from([1], { dtype: "float64" }).var().item()).toBeNaN();
    expect(() => t.var(0, { correction: -1 })).toThrow(InvalidArgumentError);
  });

  it("max / min / argmax / argmin (first occurrence on ties)", () => {
    for (const axes of axesCases) {
      expect(values(t.max(axes, true))).toEqual(naive(t, axes, () => [-Infinity], (a, x) => (a[0] = Math.max(a[0], x)), (a) => a[0]));
      expect(values(t.min(axes, true))).toEqual(naive(t, axes, () => [Infinity], (a, x) => (a[0] = Math.min(a[0], x)), (a) => a[0]));
    }
    const u = Tensor.from([[1, 5, 5], [7, 0, 7]], { dtype: "float64" });
    expect(u.argmax(1).toArray()).toEqual([1, 0]);
    expect(u.argmin(1).toArray()).toEqual([0, 1]);
    expect(u.argmax(0, true).toArray()).toEqual([[1, 0, 1]]);
    expect(u.argmax().toArray()).toBe(3);
    expect(u.argmax().dtype).toBe("int32");
    expect(u.argmin(undefined, true).shape).toEqual([1, 1]);
    expect(Tensor.from([1, NaN, 3]).max().item()).toBeNaN();
    expect(Tensor.from([1, NaN, 3]).argmax().item()).toBe(1);
    expect(() => Tensor.zeros([0]).max()).toThrow(InvalidArgumentError);
    expect(() => Tensor.zeros([2, 0]).argmax(1)).toThrow(InvalidArgumentError);
  });

  it("logsumexp is stable: log Σ e^x computed exactly for small and huge values", () => {
    for (const axes of axesCases) {
      const ref = naive(t, axes, () => [0], (a, x) => (a[0] += Math.exp(x)), (a) => Math.log(a[0]));
      expectClose(values(t.logsumexp(axes, true)), ref, 1e-14, 1e-14);
    }
    // log(e^1000 + e^1000) = 1000 + log 2
    expect(Tensor.from([1000, 1000], { dtype: "float64" }).logsumexp().item()).toBeCloseTo(1000 + Math.LN2, 10);
    expect(Tensor.from([-Infinity, -Infinity], { dtype: "float64" }).logsumexp().item()).toBe(-Infinity);
  });

  it("norm: L2, L1, ∞, -∞, 0 and a general p", () => {
    const v = Tensor.from([3, -4, 0], { dtype: "float64" });
    expect(v.norm().item()).toBe(5);
    expect(v.norm(1).item()).toBe(7);
    expect(v.norm(Infinity).item()).toBe(4);
    expect(v.norm(-Infinity).item()).toBe(0);
    expect(v.norm(0).item()).toBe(2);
    expect(v.norm(3).item()).toBeCloseTo((27 + 64) ** (1 / 3), 14);
    expectClose(values(t.norm(2, 1)), naive(t, [1], () => [0], (a, x) => (a[0] += x * x), (a) => Math.sqrt(a[0])), 1e-14);
    expect(() => v.norm(-1)).toThrow(InvalidArgumentError);
  });

  it("globalNorm is the norm of all tensors concatenated", () => {
    const a = Tensor.from([3], { dtype: "float64" });
    const b = Tensor.from([[4, 12]], { dtype: "float64" });
    expect(globalNorm([a, b])).toBe(13);
    expect(globalNorm([a, b], 1)).toBe(19);
    expect(globalNorm([a, b], Infinity)).toBe(12);
    expect(globalNorm([])).toBe(0);
    expect(() => globalNorm([a, 3 as never])).toThrow(InvalidArgumentError);
  });

  it("zero-size reductions: sum is 0, mean is NaN", () => {
    const z = Tensor.zeros([2, 0], { dtype: "float64" });
    expect(z.sum(1).toArray()).toEqual([0, 0]);
    expect(z.sum(0).shape).toEqual([0]);
    expect(z.mean().item()).toBeNaN();
  });

  it("reductions over non-contiguous views (a multi-axis reduction that needs a copy)", () => {
    const v = t.permute([2, 0, 1]).slice([undefined, undefined, -1]);
    expectClose(values(v.sum([0, 2])), sumRef(v, [0, 2]), 1e-13, 1e-13);
    expectClose(values(v.max([0, 2])), naive(v, [0, 2], () => [-Infinity], (a, x) => (a[0] = Math.max(a[0], x)), (a) => a[0]));
  });

  it("rejects out-of-range and repeated axes", () => {
    expect(() => t.sum(3)).toThrow(InvalidArgumentError);
    expect(() => t.sum(3)).toThrow(/sum: axis is 3/);
    expect(() => t.sum([0, 0])).toThrow(InvalidArgumentError);
    expect(() => t.mean(-4)).toThrow(InvalidArgumentError);
  });

  it("int32: sum stays int32, mean/var become float32", () => {
    const i = Tensor.from([1, 2, 4], { dtype: "int32" });
    expect(i.sum().dtype).toBe("int32");
    expect(i.sum().item()).toBe(7);
    expect(i.mean().dtype).toBe("float32");
    expect(i.mean().item()).toBeCloseTo(7 / 3, 6);
  });

  it("property: the sum over all axes equals the sum of the per-axis sums", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1000 }), (shape, seed) => {
        const x = randomTensor(shape, seed);
        const total = x.sum().item();
        let nested = x;
        while (nested.ndim > 0) nested = nested.sum(0);
        expect(nested.item()).toBeCloseTo(total, 12);
        expect(x.sum(shape.length - 1).sum().item()).toBeCloseTo(total, 12);
        expect(total).toBeCloseTo(values(x).reduce((a, b) => a + b, 0), 12);
      }),
    );
  });
});
