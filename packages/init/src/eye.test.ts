import { ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { eye } from "./eye";

describe("eye", () => {
  it("writes the identity, on rectangles too", () => {
    expect(eye.create([2, 3], { dtype: "float64" }).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(eye.create([3, 2]).toArray()).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
  });

  it("overwrites every element, through a transposed view too", () => {
    const base = Tensor.full([2, 3], 5, { dtype: "float64" });
    eye(base.transpose());
    // The transpose is 3×2 with ones at (0, 0) and (1, 1): the same cells of the base.
    expect(base.toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });

  it("rejects anything but 2 dimensions, leaving the target untouched", () => {
    const t = Tensor.full([2, 2, 2], 4);
    expect(() => eye(t)).toThrow(ShapeError);
    expect(() => eye(t)).toThrow("eye: target shape is [2,2,2], expected 2 dimensions");
    expect(Array.from(t.toFlatArray())).toEqual(new Array(8).fill(4));
    expect(() => eye.create([5])).toThrow(ShapeError);
  });
});
