import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError, ShapeError } from "./errors";
import { Tensor } from "./tensor";
import { at, indices, values } from "./testing/reference";

/** A [rows, cols, ...] tensor whose element is its row-major position (so views are easy to predict). */
function counting(shape: number[], dtype: "float32" | "float64" = "float64"): Tensor {
  return Tensor.arange(shape.reduce((a, b) => a * b, 1), undefined, undefined, { dtype }).reshape(shape);
}

const smallShape = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 });

describe("views share storage", () => {
  it("reshape of a contiguous tensor is a view; of a transposed one a copy", () => {
    const t = counting([2, 3]);
    const r = t.reshape([3, 2]);
    expect(r.data).toBe(t.data);
    expect(r.toArray()).toEqual([[0, 1], [2, 3], [4, 5]]);
    const c = t.transpose().reshape([6]);
    expect(c.data).not.toBe(t.data);
    expect(c.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
  });

  it("reshape infers one -1 and rejects a size mismatch naming both shapes", () => {
    const t = counting([2, 3, 4]);
    expect(t.reshape([-1, 4]).shape).toEqual([6, 4]);
    expect(t.reshape([2, -1]).shape).toEqual([2, 12]);
    expect(() => t.reshape([5, -1])).toThrow(ShapeError);
    expect(() => t.reshape([7])).toThrow(/\[2, 3, 4\].*\[7\]/);
    expect(() => t.reshape([-1, -1])).toThrow(InvalidArgumentError);
  });

  it("view never copies: splitting a transposed dimension that is still strided works, merging does not", () => {
    const t = counting([4, 6]).transpose(); // shape [6, 4], strides [1, 6]
    const v = t.view([2, 3, 4]); // split the first (stride 1) dimension: viewable
    expect(v.data).toBe(t.data);
    expect(v.strides).toEqual([3, 1, 6]);
    expect(at(v, [1, 2, 3])).toBe(at(t, [5, 3]));
    expect(() => t.view([24])).toThrow(ShapeError);
    expect(() => t.view([24])).toThrow(/reshape/);
  });

  it("view of a size-1-padded tensor keeps the data", () => {
    const t = counting([3, 1, 2]).slice(null, null, [0, 2, 1]);
    expect(t.view([6]).toArray()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("transpose with no arguments reverses the axes; with two swaps them", () => {
    const t = counting([2, 3, 4]);
    expect(t.transpose().shape).toEqual([4, 3, 2]);
    expect(at(t.transpose(), [3, 2, 1])).toBe(at(t, [1, 2, 3]));
    const s = t.transpose(0, -1);
    expect(s.shape).toEqual([4, 3, 2]);
    expect(at(s, [1, 0, 1])).toBe(at(t, [1, 0, 1]));
    expect(() => t.transpose(0, 3)).toThrow(InvalidArgumentError);
    expect(() => t.transpose(0)).toThrow(InvalidArgumentError);
  });

  it("permute reorders axes and rejects non-permutations", () => {
    const t = counting([2, 3, 4]);
    const p = t.permute([2, 0, 1]);
    expect(p.shape).toEqual([4, 2, 3]);
    for (const [i, j, k] of indices(p.shape)) expect(at(p, [i, j, k])).toBe(at(t, [j, k, i]));
    expect(() => t.permute([0, 0, 1])).toThrow(InvalidArgumentError);
    expect(() => t.permute([0, 1])).toThrow(InvalidArgumentError);
  });

  it("squeeze drops size-1 axes (given ones only if they are 1); unsqueeze adds one", () => {
    const t = counting([1, 3, 1]);
    expect(t.squeeze().shape).toEqual([3]);
    expect(t.squeeze(0).shape).toEqual([3, 1]);
    expect(t.squeeze([0, 2]).shape).toEqual([3]);
    expect(t.squeeze(1).shape).toEqual([1, 3, 1]);
    expect(() => t.squeeze(3)).toThrow(InvalidArgumentError);
    expect(t.unsqueeze(0).shape).toEqual([1, 1, 3, 1]);
    expect(t.unsqueeze(-1).shape).toEqual([1, 3, 1, 1]);
    expect(t.unsqueeze(3).shape).toEqual([1, 3, 1, 1]);
    expect(() => t.unsqueeze(5)).toThrow(InvalidArgumentError);
    expect(Tensor.scalar(1).unsqueeze(0).shape).toEqual([1]);
  });

  it("expand and broadcastTo give stride 0 and refuse to shrink, naming both shapes", () => {
    const t = counting([3, 1]);
    const e = t.expand([2, 3, 4]);
    expect(e.strides).toEqual([0, 1, 0]);
    expect(e.data).toBe(t.data);
    expect(at(e, [1, 2, 3])).toBe(2);
    expect(t.expand([-1, 5]).shape).toEqual([3, 5]);
    expect(() => t.expand([4, 1])).toThrow(ShapeError);
    expect(() => t.broadcastTo([4, 2])).toThrow(/\[3, 1\].*\[4, 2\]/);
    expect(() => t.broadcastTo([-1, 2])).toThrow(InvalidArgumentError);
    expect(() => t.broadcastTo([1])).toThrow(ShapeError);
  });

  it("slice: index drops the axis, ranges follow Python, null keeps all", () => {
    const t = counting([4, 5]);
    expect(t.slice(1).toArray()).toEqual([5, 6, 7, 8, 9]);
    expect(t.slice(-1, -1).toArray()).toBe(19);
    expect(t.slice([1, 3], [0, 5, 2]).toArray()).toEqual([[5, 7, 9], [10, 12, 14]]);
    expect(t.slice(null, [-2]).toArray()).toEqual([[3, 4], [8, 9], [13, 14], [18, 19]]);
    expect(t.slice([10, 20]).shape).toEqual([0, 5]);
    expect(t.slice([undefined, undefined, 3]).toArray()).toEqual([[0, 1, 2, 3, 4], [15, 16, 17, 18, 19]]);
    expect(() => t.slice(4)).toThrow(InvalidArgumentError);
    expect(() => t.slice([0, 1, 0])).toThrow(InvalidArgumentError);
    expect(() => t.slice(0, 0, 0)).toThrow(InvalidArgumentError);
    expect(() => t.slice(1.5)).toThrow(InvalidArgumentError);
  });

  it("slice with negative steps gives negative strides (NumPy semantics)", () => {
    const t = counting([5]);
    const r = t.slice([undefined, undefined, -1]);
    expect(r.strides).toEqual([-1]);
    expect(r.offset).toBe(4);
    expect(r.toArray()).toEqual([4, 3, 2, 1, 0]);
    expect(t.slice([3, 0, -2]).toArray()).toEqual([3, 1]);
    expect(t.slice([-1, -6, -1]).toArray()).toEqual([4, 3, 2, 1, 0]);
    expect(t.slice([0, 3, -1]).size).toBe(0);
    // a reversed view computes like any other
    expect(r.add(t).toArray()).toEqual([4, 4, 4, 4, 4]);
  });

  it("narrow takes length elements from start", () => {
    const t = counting([3, 4]);
    expect(t.narrow(1, 1, 2).toArray()).toEqual([[1, 2], [5, 6], [9, 10]]);
    expect(t.narrow(0, -1, 1).toArray()).toEqual([[8, 9, 10, 11]]);
    expect(t.narrow(0, 3, 0).shape).toEqual([0, 4]);
    expect(() => t.narrow(0, 2, 2)).toThrow(InvalidArgumentError);
    expect(() => t.narrow(2, 0, 1)).toThrow(InvalidArgumentError);
  });

  it("writing through a view changes the base", () => {
    const t = counting([2, 3]);
    t.slice(null, 1).fill(-1);
    expect(t.toArray()).toEqual([[0, -1, 2], [3, -1, 5]]);
  });
});

describe("view algebra (property tests)", () => {
  it("transpose ∘ transpose is the identity, element by element", () => {
    fc.assert(
      fc.property(smallShape, (shape) => {
        const t = counting(shape);
        const back = t.transpose().transpose();
        expect(back.shape).toEqual(t.shape);
        expect(values(back)).toEqual(values(t));
      }),
    );
  });

  it("permute then the inverse permutation is the identity", () => {
    fc.assert(
      fc.property(
        smallShape.chain((shape) => fc.tuple(fc.constant(shape), fc.shuffledSubarray(shape.map((_, i) => i), { minLength: shape.length }))),
        ([shape, perm]) => {
          const t = counting(shape);
          const inverse = perm.map((_, i) => perm.indexOf(i));
          expect(values(t.permute(perm).permute(inverse))).toEqual(values(t));
        },
      ),
    );
  });

  it("reshape round trips through a flat vector keep row-major order, for views and copies", () => {
    fc.assert(
      fc.property(smallShape, fc.boolean(), (shape, transposed) => {
        const base = counting(shape);
        const t = transposed ? base.transpose() : base;
        const flat = t.reshape([-1]);
        expect(values(flat)).toEqual(values(t));
        expect(values(flat.reshape(t.shape))).toEqual(values(t));
      }),
    );
  });

  it("slicing composes: slice(a).slice(b) reads the same elements as index arithmetic", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -14, max: 14 }),
        fc.integer({ min: -14, max: 14 }),
        fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0),
        (n, start, stop, step) => {
          const t = counting([n]);
          const s = t.slice([start, stop, step]);
          // Python's list slicing as the independent reference
          const ref: number[] = [];
          const norm = (i: number, lo: number, hi: number): number => Math.min(Math.max(i < 0 ? i + n : i, lo), hi);
          const first = step > 0 ? norm(start, 0, n) : norm(start, -1, n - 1);
          const end = step > 0 ? norm(stop, 0, n) : norm(stop, -1, n - 1);
          for (let i = first; step > 0 ? i < end : i > end; i += step) ref.push(i);
          expect(values(s)).toEqual(ref);
        },
      ),
    );
  });

  it("expand then sum over the new axes multiplies by their sizes", () => {
    fc.assert(
      fc.property(smallShape, fc.integer({ min: 1, max: 3 }), (shape, k) => {
        const t = counting(shape);
        const e = t.expand([k, ...shape]);
        expect(values(e.sum(0))).toEqual(values(t).map((v) => v * k));
      }),
    );
  });
});
