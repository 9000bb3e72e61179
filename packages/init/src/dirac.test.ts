import { InvalidArgumentError, ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { dirac } from "./dirac";

describe("dirac", () => {
  it("puts a 1 at the kernel centre of out channel d, in channel d (3-D, worked by hand)", () => {
    // [out 3, in 2, k 3]: centre 1; out 0 ← in 0, out 1 ← in 1, out 2 has no in channel left.
    expect(dirac.create([3, 2, 3], { dtype: "float64" }).toArray()).toEqual([
      [
        [0, 1, 0],
        [0, 0, 0],
      ],
      [
        [0, 0, 0],
        [0, 1, 0],
      ],
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
    ]);
  });

  it("uses ⌊k/2⌋ per kernel dimension (4-D and 5-D)", () => {
    // [2, 2, 4, 3]: centre (2, 1). Ones at flat index d·(2·12) + d·12 + 2·3 + 1, d = 0, 1 → 7 and 43.
    const four = Array.from(dirac.create([2, 2, 4, 3]).toFlatArray());
    expect(four.flatMap((v, i) => (v === 0 ? [] : [i]))).toEqual([7, 43]);
    // [1, 1, 3, 3, 3]: the single centre (1, 1, 1) is flat index 9 + 3 + 1 = 13.
    const five = Array.from(dirac.create([1, 1, 3, 3, 3]).toFlatArray());
    expect(five.flatMap((v, i) => (v === 0 ? [] : [i]))).toEqual([13]);
  });

  it("repeats the delta per group: groups = 2 on [4, 2, 3, 3]", () => {
    // out/groups = 2 per group; min(2, in 2) = 2 deltas each: out 0←0, 1←1, 2←0, 3←1.
    // Flat index (o·2 + i)·9 + 4: o=0,i=0 → 4; o=1,i=1 → 31; o=2,i=0 → 40; o=3,i=1 → 67.
    const values = Array.from(dirac.create([4, 2, 3, 3], { groups: 2 }).toFlatArray());
    expect(values.flatMap((v, i) => (v === 0 ? [] : [i]))).toEqual([4, 31, 40, 67]);
  });

  it("rejects other ranks and groups that do not divide the out channels, leaving the target untouched", () => {
    expect(() => dirac.create([3, 3])).toThrow(ShapeError);
    expect(() => dirac.create([1, 1, 1, 1, 1, 1])).toThrow("dirac: target shape is [1,1,1,1,1,1], expected 3, 4 or 5 dimensions");
    const t = Tensor.full([4, 2, 3], 2);
    expect(() => dirac(t, { groups: 3 })).toThrow(InvalidArgumentError);
    expect(() => dirac(t, { groups: 3 })).toThrow("dirac: groups is 3, expected a divisor of the out channels shape[0] = 4");
    expect(() => dirac(t, { groups: 0 })).toThrow("dirac: groups is 0, expected an integer >= 1");
    expect(Array.from(t.toFlatArray())).toEqual(new Array(24).fill(2));
  });
});
