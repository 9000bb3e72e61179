import { InvalidArgumentError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { constant, ones, zeros } from "./constant";

describe("constant, ones, zeros", () => {
  it("fill every element with the value, any dtype", () => {
    expect(Array.from(constant.create([2, 3], { val: 0.3, dtype: "float64" }).toFlatArray())).toEqual(new Array(6).fill(0.3));
    expect(Array.from(ones.create([3, 2, 2], { dtype: "int32" }).toFlatArray())).toEqual(new Array(12).fill(1));
    const t = Tensor.full([4], 9);
    expect(zeros(t)).toBe(t);
    expect(Array.from(t.toFlatArray())).toEqual([0, 0, 0, 0]);
  });

  it("rounds the value to float32 in a float32 target", () => {
    // 0.3 is not a float32; the stored value is Math.fround(0.3) = 0.30000001192092896.
    expect(constant.create([1], { val: 0.3 }).toFlatArray()[0]).toBe(Math.fround(0.3));
  });

  it("rejects a missing or non-number val, leaving the target untouched", () => {
    const t = Tensor.full([2], 5);
    expect(() => constant(t, { val: "1" as unknown as number })).toThrow(InvalidArgumentError);
    expect(() => constant(t, {} as { val: number })).toThrow("constant: val is undefined, expected a number");
    expect(Array.from(t.toFlatArray())).toEqual([5, 5]);
  });
});
