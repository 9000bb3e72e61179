import { describe, expect, it } from "vitest";
import { DTypeError, InvalidArgumentError, ShapeError } from "./errors";
import { oneHot } from "./index-ops";
import { Tensor } from "./tensor";
import { at, indices, randomTensor, values } from "./testing/reference";

const int = (v: number[][] | number[]): Tensor => Tensor.from(v, { dtype: "int32" });

describe("gather", () => {
  it("torch.gather semantics along each axis: out[i][j] = input[index[i][j]][j] (axis 0)", () => {
    const x = randomTensor([3, 4], 1);
    const idx0 = int([[2, 0, 1, 1], [0, 0, 2, 1]]);
    const g0 = x.gather(0, idx0);
    expect(g0.shape).toEqual([2, 4]);
    expect(values(g0)).toEqual(indices([2, 4]).map(([i, j]) => at(x, [at(idx0, [i, j]), j])));
    const idx1 = int([[3, 3], [0, 1], [2, 0]]);
    expect(values(x.gather(1, idx1))).toEqual(indices([3, 2]).map(([i, j]) => at(x, [i, at(idx1, [i, j])])));
    expect(values(x.gather(-1, idx1))).toEqual(values(x.gather(1, idx1)));
  });

  it("works on transposed input and index", () => {
    const x = randomTensor([4, 3], 2).transpose(); // [3, 4]
    const idx = int([[1, 2, 0], [3, 3, 0]]).transpose(); // [3, 2]
    expect(values(x.gather(1, idx))).toEqual(indices([3, 2]).map(([i, j]) => at(x, [i, at(idx, [i, j])])));
  });

  it("rejects out-of-range indices, non-int32 index, and mismatched ranks", () => {
    const x = Tensor.zeros([2, 2]);
    expect(() => x.gather(1, int([[2, 0], [0, 0]]))).toThrow(InvalidArgumentError);
    expect(() => x.gather(1, int([[-1, 0], [0, 0]]))).toThrow(InvalidArgumentError);
    expect(() => x.gather(1, Tensor.zeros([2, 2]))).toThrow(DTypeError);
    expect(() => x.gather(1, int([0, 1]))).toThrow(ShapeError);
    expect(() => x.gather(1, int([[0], [0], [0]]))).toThrow(ShapeError);
    expect(() => x.gather(2, int([[0]]))).toThrow(InvalidArgumentError);
  });
});

describe("scatterAdd", () => {
  it("adds src at the indexed positions, accumulating repeats, without touching the input", () => {
    const base = Tensor.zeros([2, 3], { dtype: "float64" });
    const idx = int([[0, 0, 2], [1, 1, 1]]);
    const src = Tensor.from([[1, 2, 3], [4, 5, 6]], { dtype: "float64" });
    const out = base.scatterAdd(1, idx, src);
    // row 0: column 0 gets 1 + 2, column 2 gets 3; row 1: column 1 gets 4 + 5 + 6
    expect(out.toArray()).toEqual([[3, 0, 3], [0, 15, 0]]);
    expect(base.toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
    const out0 = Tensor.ones([3, 2], { dtype: "float64" }).scatterAdd(0, int([[2, 0]]), Tensor.from([[10, 20]], { dtype: "float64" }));
    expect(out0.toArray()).toEqual([[1, 21], [1, 1], [11, 1]]);
  });

  it("is the adjoint of gather: <gather(x, i), y> = <x, scatterAdd(0, i, y)>", () => {
    const x = randomTensor([4, 3], 3);
    const idx = int([[3, 0, 1], [3, 3, 2]]);
    const y = randomTensor([2, 3], 4);
    const lhs = x.gather(0, idx).mul(y).sum().item();
    const rhs = x.mul(Tensor.zeros([4, 3], { dtype: "float64" }).scatterAdd(0, idx, y)).sum().item();
    expect(lhs).toBeCloseTo(rhs, 12);
  });

  it("rejects bad indices before computing", () => {
    expect(() => Tensor.zeros([2]).scatterAdd(0, int([2]), Tensor.ones([1]))).toThrow(InvalidArgumentError);
    expect(() => Tensor.zeros([2]).scatterAdd(0, int([0, 1]), Tensor.ones([1]))).toThrow(ShapeError);
  });
});

describe("oneHot", () => {
  it("puts a 1 at each index", () => {
    expect(oneHot(int([2, 0]), 3).toArray()).toEqual([[0, 0, 1], [1, 0, 0]]);
    expect(oneHot(int([[1]]), 2, { dtype: "float64" }).shape).toEqual([1, 1, 2]);
    expect(() => oneHot(int([3]), 3)).toThrow(InvalidArgumentError);
    expect(() => oneHot(Tensor.from([1]), 3)).toThrow(DTypeError);
    expect(() => oneHot(int([0]), 0)).toThrow(InvalidArgumentError);
  });
});
