import { describe, expect, it } from "vitest";
import { InvalidArgumentError, ShapeError } from "./errors";
import { concat, stack } from "./join";
import { Tensor } from "./tensor";

describe("concat / stack", () => {
  const a = Tensor.from([[1, 2], [3, 4]]);
  const b = Tensor.from([[5, 6]]);

  it("concat joins along an existing axis", () => {
    expect(concat([a, b]).toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(concat([a, a.transpose()], 1).toArray()).toEqual([[1, 2, 1, 3], [3, 4, 2, 4]]);
    expect(concat([a, Tensor.zeros([0, 2])]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(concat([a, b.astype("float64")]).dtype).toBe("float64");
  });

  it("stack adds a new axis", () => {
    expect(stack([a, a]).shape).toEqual([2, 2, 2]);
    expect(stack([a, a.neg()], -1).toArray()).toEqual([[[1, -1], [2, -2]], [[3, -3], [4, -4]]]);
    expect(stack([Tensor.scalar(1), Tensor.scalar(2)]).toArray()).toEqual([1, 2]);
  });

  it("rejects mismatched shapes naming them, and empty lists", () => {
    expect(() => concat([a, b], 1)).toThrow(ShapeError);
    expect(() => concat([a, b], 1)).toThrow(/\[2, 2\], \[1, 2\]/);
    expect(() => stack([a, b])).toThrow(ShapeError);
    expect(() => concat([])).toThrow(InvalidArgumentError);
    expect(() => concat([a], 2)).toThrow(InvalidArgumentError);
  });
});
