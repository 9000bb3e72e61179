import { describe, expect, it } from "vitest";
import { DTypeError, InvalidArgumentError, ShapeError } from "./errors";
import { Tensor } from "./tensor";

describe("Tensor construction", () => {
  it("from nested arrays infers the shape, float32 by default, row-major strides", () => {
    const t = Tensor.from([[1, 2, 3], [4, 5, 6]]);
    expect(t.dtype).toBe("float32");
    expect(t.shape).toEqual([2, 3]);
    expect(t.strides).toEqual([3, 1]);
    expect(t.offset).toBe(0);
    expect(t.size).toBe(6);
    expect(t.ndim).toBe(2);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.data).toBeInstanceOf(Float32Array);
  });

  it("from a number is 0-d; from [] is shape [0]; [[]] is [1, 0]", () => {
    expect(Tensor.from(3.5).shape).toEqual([]);
    expect(Tensor.from(3.5).item()).toBe(3.5);
    expect(Tensor.from([]).shape).toEqual([0]);
    expect(Tensor.from([[]]).shape).toEqual([1, 0]);
  });

  it("from a typed array copies it and keeps its dtype", () => {
    const src = new Float64Array([0.1, 0.2]);
    const t = Tensor.from(src);
    expect(t.dtype).toBe("float64");
    src[0] = 9;
    expect(Array.from(t.data)).toEqual([0.1, 0.2]);
    expect(Tensor.from(new Int32Array([1, 2])).dtype).toBe("int32");
    expect(Tensor.from(new Int32Array([1, 2]), { dtype: "float64" }).dtype).toBe("float64");
  });

  it("from with a shape reshapes a flat list", () => {
    const t = Tensor.from([1, 2, 3, 4, 5, 6], { shape: [3, 2], dtype: "float64" });
    expect(t.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(() => Tensor.from([1, 2, 3], { shape: [2, 2] })).toThrow(ShapeError);
  });

  it("float32 storage rounds once: 0.1 becomes fround(0.1)", () => {
    expect(Tensor.from([0.1]).toArray()).toEqual([Math.fround(0.1)]);
    expect(Tensor.from([0.1], { dtype: "float64" }).toArray()).toEqual([0.1]);
  });

  it("int32 storage truncates toward zero", () => {
    expect(Tensor.from([1.7, -1.7], { dtype: "int32" }).toArray()).toEqual([1, -1]);
  });

  it("rejects ragged and non-numeric nested arrays", () => {
    expect(() => Tensor.from([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => Tensor.from([[1, 2], [3]])).toThrow(/ragged/);
    expect(() => Tensor.from([1, [2]] as never)).toThrow();
    expect(() => Tensor.from(["a"] as never)).toThrow(InvalidArgumentError);
    expect(() => Tensor.from("x" as never)).toThrow(InvalidArgumentError);
  });

  it("unknown dtype is a DTypeError naming it", () => {
    expect(() => Tensor.zeros([2], { dtype: "float16" as never })).toThrow(DTypeError);
    expect(() => Tensor.zeros([2], { dtype: "float16" as never })).toThrow(/float16/);
    expect(() => Tensor.from([1], { dtype: "int64" as never })).toThrow(DTypeError);
  });

  it("zeros/ones/full/scalar", () => {
    expect(Tensor.zeros([2, 2]).toArray()).toEqual([[0, 0], [0, 0]]);
    expect(Tensor.ones([3], { dtype: "int32" }).toArray()).toEqual([1, 1, 1]);
    expect(Tensor.full([2], 2.5, { dtype: "float64" }).toArray()).toEqual([2.5, 2.5]);
    expect(Tensor.scalar(4).shape).toEqual([]);
    expect(Tensor.zeros([0, 3]).size).toBe(0);
  });

  it("rejects non-integer and negative sizes", () => {
    expect(() => Tensor.zeros([2.5])).toThrow(InvalidArgumentError);
    expect(() => Tensor.zeros([-1])).toThrow(InvalidArgumentError);
    expect(() => Tensor.zeros([-1])).toThrow(/shape\[0\] is -1/);
    expect(() => Tensor.zeros(3 as never)).toThrow(InvalidArgumentError);
    expect(() => Tensor.eye(-2)).toThrow(InvalidArgumentError);
    expect(() => Tensor.linspace(0, 1, 2.5)).toThrow(InvalidArgumentError);
  });

  it("eye is 1 on the diagonal only, also rectangular", () => {
    expect(Tensor.eye(2, 3).toArray()).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(Tensor.eye(3, 2).toArray()).toEqual([[1, 0], [0, 1], [0, 0]]);
  });

  it("arange follows PyTorch: ceil((stop - start)/step) values", () => {
    expect(Tensor.arange(5).toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(Tensor.arange(1, 2, 0.25, { dtype: "float64" }).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(Tensor.arange(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(Tensor.arange(3, 3).size).toBe(0);
    expect(() => Tensor.arange(0, 1, 0)).toThrow(InvalidArgumentError);
  });

  it("linspace hits both ends exactly and is symmetric", () => {
    const t = Tensor.linspace(-1, 1, 5, { dtype: "float64" });
    expect(t.toArray()).toEqual([-1, -0.5, 0, 0.5, 1]);
    const u = Tensor.linspace(0, 0.3, 7, { dtype: "float64" }).toArray() as number[];
    expect(u[0]).toBe(0);
    expect(u[6]).toBe(0.3);
    expect(Tensor.linspace(2, 3, 1).toArray()).toEqual([2]);
    expect(Tensor.linspace(2, 3, 0).size).toBe(0);
  });

  it("fromShape evaluates f at each index", () => {
    expect(Tensor.fromShape([2, 3], ([i, j]) => 10 * i + j).toArray()).toEqual([[0, 1, 2], [10, 11, 12]]);
  });

  it("the constructor wraps storage without copying and checks the layout fits", () => {
    const data = new Float64Array([1, 2, 3, 4]);
    const t = new Tensor(data, [2], [2], 1);
    expect(t.toArray()).toEqual([2, 4]);
    data[1] = 7;
    expect(t.toArray()).toEqual([7, 4]);
    expect(() => new Tensor(data, [3], [2], 0)).toThrow(InvalidArgumentError);
    expect(() => new Tensor(data, [2], [-1], 0)).toThrow(InvalidArgumentError);
    expect(() => new Tensor(data, [2, 2], [1])).toThrow(InvalidArgumentError);
  });
});

describe("Tensor conversion", () => {
  it("toArray nests by shape; 0-d gives a number", () => {
    expect(Tensor.from([[[1], [2]]]).toArray()).toEqual([[[1], [2]]]);
    expect(Tensor.scalar(2).toArray()).toBe(2);
  });

  it("item needs exactly one element", () => {
    expect(Tensor.from([[5]]).item()).toBe(5);
    expect(() => Tensor.from([1, 2]).item()).toThrow(InvalidArgumentError);
  });

  it("clone copies storage; contiguous returns this when already contiguous", () => {
    const t = Tensor.from([[1, 2], [3, 4]]);
    const c = t.clone();
    expect(c.data).not.toBe(t.data);
    expect(c.toArray()).toEqual(t.toArray());
    expect(t.contiguous()).toBe(t);
    const tt = t.transpose();
    expect(tt.isContiguous()).toBe(false);
    const cc = tt.contiguous();
    expect(cc.isContiguous()).toBe(true);
    expect(Array.from(cc.data)).toEqual([1, 3, 2, 4]);
  });

  it("astype converts (float → int32 truncates) and always copies", () => {
    const t = Tensor.from([1.5, -2.5, 3], { dtype: "float64" });
    const i = t.astype("int32");
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([1, -2, 3]);
    const same = t.astype("float64");
    expect(same.data).not.toBe(t.data);
    expect(() => t.astype("bool" as never)).toThrow(DTypeError);
  });

  it("toFlatArray is a fresh row-major copy", () => {
    const t = Tensor.from([[1, 2], [3, 4]]);
    const flat = t.transpose().toFlatArray();
    expect(Array.from(flat)).toEqual([1, 3, 2, 4]);
    flat[0] = 99;
    expect(t.toArray()).toEqual([[1, 2], [3, 4]]);
  });

  it("isContiguous ignores size-1 dimensions and the offset", () => {
    const t = Tensor.zeros([4, 3]);
    expect(t.slice([1, 3]).isContiguous()).toBe(true);
    expect(t.slice(null, [0, 2]).isContiguous()).toBe(false);
    expect(t.slice([1, 2]).isContiguous()).toBe(true);
    expect(t.unsqueeze(0).isContiguous()).toBe(true);
  });
});
