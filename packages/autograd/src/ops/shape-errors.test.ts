// Shape mismatches throw at the op, with a ShapeError naming the op and both shapes.
import { ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { Variable } from "../variable";
import { add } from "./add";
import { expand } from "./broadcast";
import { concat } from "./concat";
import { div } from "./div";
import { matmul } from "./matmul";
import { mul } from "./mul";
import { reshape } from "./reshape";
import { sub } from "./sub";
import { where } from "./where";

const v = (shape: number[]): Variable => new Variable(Tensor.zeros(shape, { dtype: "float64" }), { requiresGrad: true });

describe("shape errors name the op and the shapes", () => {
  it.each([
    ["add", add],
    ["sub", sub],
    ["mul", mul],
    ["div", div],
  ] as const)("%s of [2, 3] and [4]", (name, op) => {
    expect(() => op(v([2, 3]), v([4]))).toThrow(ShapeError);
    expect(() => op(v([2, 3]), v([4]))).toThrow(new RegExp(`^${name}: shapes \\[2, 3\\] and \\[4\\] cannot be broadcast together`));
  });

  it("matmul of [2, 3] and [4, 5]", () => {
    expect(() => matmul(v([2, 3]), v([4, 5]))).toThrow(/^matmul: shapes \[2, 3\] and \[4, 5\] do not fit/);
  });

  it("matmul with batch dimensions that do not broadcast", () => {
    expect(() => matmul(v([2, 3, 4]), v([3, 4, 5]))).toThrow(/^matmul: shapes \[2\] and \[3\] cannot be broadcast/);
  });

  it("reshape to a different element count", () => {
    expect(() => reshape(v([2, 6]), [5, -1])).toThrow(/^reshape: cannot reshape \[2, 6\] \(12 elements\) to \[5, -1\]/);
  });

  it("expand to a shape that does not contain it", () => {
    expect(() => expand(v([3, 2]), [3, 4])).toThrow(/^expand: shape \[3, 2\] cannot be broadcast to \[3, 4\]/);
  });

  it("concat of shapes that differ outside the axis", () => {
    expect(() => concat([v([2, 3]), v([3, 3])], 1)).toThrow(/^concat: shapes \[2, 3\], \[3, 3\] differ outside axis 1/);
  });

  it("where with a condition that does not broadcast", () => {
    expect(() => where(Tensor.ones([4]), v([2, 3]), 0)).toThrow(/^where: shapes \[4\], \[2, 3\] \(condition, a, b\)/);
  });

  it("a rejected op records nothing and leaves its inputs alone", () => {
    const a = v([2, 3]);
    expect(() => add(a, v([4]))).toThrow(ShapeError);
    expect(a.grad).toBeNull();
    expect(Array.from(a.data.toFlatArray())).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
