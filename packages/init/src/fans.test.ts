import { InvalidArgumentError, ShapeError } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { computeFans } from "./fans";

describe("computeFans", () => {
  it("reads a Linear weight [out, in] as fanIn = in, fanOut = out", () => {
    expect(computeFans([64, 32])).toEqual({ fanIn: 32, fanOut: 64 });
    expect(computeFans([1, 7])).toEqual({ fanIn: 7, fanOut: 1 });
  });

  it("multiplies both fans by the receptive field of a conv weight [out, in, ...kernel]", () => {
    // Conv1d(4 → 6, k = 5): receptive field 5, fanIn = 4·5 = 20, fanOut = 6·5 = 30.
    expect(computeFans([6, 4, 5])).toEqual({ fanIn: 20, fanOut: 30 });
    // Conv2d(32 → 64, 3×3): receptive field 9, fanIn = 32·9 = 288, fanOut = 64·9 = 576 (the schema's example).
    expect(computeFans([64, 32, 3, 3])).toEqual({ fanIn: 288, fanOut: 576 });
    // Conv2d(3 → 16, 5×7): receptive field 35, fanIn = 3·35 = 105, fanOut = 16·35 = 560.
    expect(computeFans([16, 3, 5, 7])).toEqual({ fanIn: 105, fanOut: 560 });
    // Conv3d(2 → 8, 3×3×3): receptive field 27, fanIn = 54, fanOut = 216.
    expect(computeFans([8, 2, 3, 3, 3])).toEqual({ fanIn: 54, fanOut: 216 });
    // A grouped or transposed conv is still read as [out, in, ...]: [4, 2, 1, 1] → 2 and 4.
    expect(computeFans([4, 2, 1, 1])).toEqual({ fanIn: 2, fanOut: 4 });
  });

  it("gives zero fans for an empty dimension, as PyTorch", () => {
    expect(computeFans([0, 5])).toEqual({ fanIn: 5, fanOut: 0 });
    expect(computeFans([3, 2, 0])).toEqual({ fanIn: 0, fanOut: 0 });
  });

  it("rejects fewer than 2 dimensions, naming the shape", () => {
    expect(() => computeFans([5])).toThrow(ShapeError);
    expect(() => computeFans([5])).toThrow("computeFans: shape is [5], expected at least 2 dimensions");
    expect(() => computeFans([])).toThrow(ShapeError);
  });

  it("rejects a shape that is not a list of non-negative integers", () => {
    expect(() => computeFans([3, -1])).toThrow(InvalidArgumentError);
    expect(() => computeFans([3, 1.5])).toThrow("computeFans: shape is [3,1.5], expected an array of non-negative integers");
    expect(() => computeFans("3x3" as unknown as number[])).toThrow(InvalidArgumentError);
  });
});
