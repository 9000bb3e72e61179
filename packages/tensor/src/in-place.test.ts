import { describe, expect, it } from "vitest";
import { DTypeError, InvalidArgumentError, ShapeError } from "./errors";
import { Tensor } from "./tensor";
import { expectClose, randomTensor, values } from "./testing/reference";

describe("in-place updates", () => {
  it("addInPlace(o, alpha) computes p + alpha·o and returns this", () => {
    const p = Tensor.from([1, 2, 3], { dtype: "float64" });
    const r = p.addInPlace(Tensor.from([10, 20, 30], { dtype: "float64" }), -0.5);
    expect(r).toBe(p);
    expect(p.toArray()).toEqual([-4, -8, -12]);
    p.addInPlace(1);
    expect(p.toArray()).toEqual([-3, -7, -11]);
  });

  it("subInPlace, mulInPlace, divInPlace broadcast the operand into this", () => {
    const p = Tensor.from([[1, 2], [3, 4]], { dtype: "float64" });
    p.subInPlace(Tensor.from([1, 1], { dtype: "float64" }), 2);
    expect(p.toArray()).toEqual([[-1, 0], [1, 2]]);
    p.mulInPlace(Tensor.from([[2], [3]], { dtype: "float64" }));
    expect(p.toArray()).toEqual([[-2, 0], [3, 6]]);
    p.divInPlace(2);
    expect(p.toArray()).toEqual([[-1, 0], [1.5, 3]]);
  });

  it("addcmulInPlace and addcdivInPlace: p += v·t1·t2 and p += v·t1/t2 (Adam's update shape)", () => {
    const p = randomTensor([4], 1);
    const m = randomTensor([4], 2);
    const v = randomTensor([4], 3).abs().add(0.1);
    const p0 = values(p);
    const [mv, vv] = [values(m), values(v)];
    p.addcmulInPlace(m, v, 0.5);
    expectClose(values(p), p0.map((x, i) => x + 0.5 * mv[i] * vv[i]));
    const p1 = values(p);
    p.addcdivInPlace(m, v.sqrt(), -0.01);
    expectClose(values(p), p1.map((x, i) => x + (-0.01 * mv[i]) / Math.sqrt(vv[i])));
    expect(values(m)).toEqual(mv);
  });

  it("lerpInPlace follows PyTorch's two-sided formula (weight 1 lands exactly on end)", () => {
    const s = Tensor.from([0.1, 1e8], { dtype: "float64" });
    const e = Tensor.from([0.7, -3], { dtype: "float64" });
    expect(s.clone().lerpInPlace(e, 0.25).toArray()).toEqual([0.1 + 0.25 * (0.7 - 0.1), 1e8 + 0.25 * (-3 - 1e8)]);
    expect(s.clone().lerpInPlace(e, 0.75).toArray()).toEqual([0.7 - (0.7 - 0.1) * 0.25, -3 - (-3 - 1e8) * 0.25]);
    expect(s.clone().lerpInPlace(e, 1).toArray()).toEqual([0.7, -3]);
  });

  it("clampInPlace, fill and copyFrom", () => {
    const p = Tensor.from([-2, 0, 2], { dtype: "float64" });
    p.clampInPlace(-1, 1);
    expect(p.toArray()).toEqual([-1, 0, 1]);
    p.fill(7);
    expect(p.toArray()).toEqual([7, 7, 7]);
    const q = Tensor.zeros([2, 3], { dtype: "float64" });
    q.copyFrom(Tensor.from([1, 2, 3]));
    expect(q.toArray()).toEqual([[1, 2, 3], [1, 2, 3]]);
  });

  it("copyFrom between contiguous tensors of one dtype: offsets respected, overlapping storage read before written", () => {
    // base = [0 1 2 3 4 5 6 7]; copying base[0:6] onto base[2:8] must give [0 1 0 1 2 3 4 5] (a memmove)
    const base = Tensor.arange(0, 8, 1, { dtype: "float64" });
    base.slice([2, 8]).copyFrom(base.slice([0, 6]));
    expect(base.toArray()).toEqual([0, 1, 0, 1, 2, 3, 4, 5]);
    const x = Tensor.arange(0, 6, 1, { dtype: "float32" }).reshape([2, 3]);
    const y = Tensor.zeros([2, 3]);
    y.copyFrom(x);
    expect(y.toArray()).toEqual([[0, 1, 2], [3, 4, 5]]);
    // a different dtype converts element by element (PyTorch's copy_ semantics)
    const z = Tensor.zeros([2, 3], { dtype: "float64" });
    z.copyFrom(Tensor.from([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]));
    expect(z.data[0]).toBe(Math.fround(0.1));
  });

  it("updates through a strided view touch only the viewed elements", () => {
    const base = Tensor.zeros([3, 4], { dtype: "float64" });
    const col = base.slice(null, [1, 4, 2]); // columns 1 and 3
    col.addInPlace(Tensor.from([[1, 2], [3, 4], [5, 6]], { dtype: "float64" }));
    expect(base.toArray()).toEqual([[0, 1, 0, 2], [0, 3, 0, 4], [0, 5, 0, 6]]);
    base.transpose().mulInPlace(Tensor.from([[1], [10], [1], [100]], { dtype: "float64" }));
    expect(base.toArray()).toEqual([[0, 10, 0, 200], [0, 30, 0, 400], [0, 50, 0, 600]]);
  });

  it("an operand aliasing this is read before any write (x += xᵀ)", () => {
    const x = Tensor.from([[1, 2], [3, 4]], { dtype: "float64" });
    x.addInPlace(x.transpose());
    expect(x.toArray()).toEqual([[2, 5], [5, 8]]);
  });

  it("rejects broadcast views, operands that would grow this, float into int32; nothing changes", () => {
    const p = Tensor.from([1, 2, 3], { dtype: "float64" });
    expect(() => p.addInPlace(Tensor.zeros([2, 3]))).toThrow(ShapeError);
    expect(() => p.addInPlace(Tensor.zeros([2, 3]))).toThrow(/addInPlace.*\[2, 3\].*\[3\]/);
    expect(() => p.expand([2, 3]).addInPlace(1)).toThrow(InvalidArgumentError);
    expect(() => p.addcmulInPlace(Tensor.zeros([3]), Tensor.zeros([4]))).toThrow(ShapeError);
    expect(() => p.addInPlace("x" as never)).toThrow(InvalidArgumentError);
    const i = Tensor.from([1, 2], { dtype: "int32" });
    expect(() => i.addInPlace(0.5)).toThrow(DTypeError);
    expect(() => i.addInPlace(Tensor.from([1, 1]))).toThrow(DTypeError);
    expect(() => i.divInPlace(2)).toThrow(DTypeError);
    expect(i.toArray()).toEqual([1, 2]);
    expect(p.toArray()).toEqual([1, 2, 3]);
  });

  it("float32 parameter updated by a float64 operand is rounded to float32", () => {
    const p = Tensor.from([1]);
    p.addInPlace(Tensor.from([0.1], { dtype: "float64" }));
    expect(p.item()).toBe(Math.fround(1.1));
  });
});
