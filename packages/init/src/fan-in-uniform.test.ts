import { Generator, InvalidArgumentError, ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { fanInUniform } from "./fan-in-uniform";
import { kaimingUniform } from "./kaiming";
import { moments } from "./test-moments";

describe("fanInUniform", () => {
  it("draws U(−1/√m, 1/√m), variance 1/(3m)", () => {
    // [400, 250]: m = 250, bound 0.06324555320336758, variance 1/750.
    const m = moments(fanInUniform.create([400, 250], { generator: new Generator(1), dtype: "float64" }).toFlatArray());
    expect(m.max).toBeLessThanOrEqual(1 / Math.sqrt(250));
    expect(m.min).toBeGreaterThanOrEqual(-1 / Math.sqrt(250));
    expect(m.max).toBeGreaterThan(0.0632);
    expect(m.variance * 750).toBeCloseTo(1, 1);
  });

  it("is PyTorch's nn.Linear default: kaimingUniform with a = √5 draws the same numbers", () => {
    // √3·√(2/(1+5))/√m = 1/√m: the same bound, so the same generator state gives the same draws (to rounding).
    const ours = fanInUniform.create([32, 16], { generator: new Generator(7), dtype: "float64" }).toFlatArray();
    const torchs = kaimingUniform.create([32, 16], { a: Math.sqrt(5), generator: new Generator(7), dtype: "float64" }).toFlatArray();
    ours.forEach((v, i) => {
      expect(v).toBeCloseTo(torchs[i], 14);
    });
  });

  it("takes the fanIn of the layer for a 1-D bias", () => {
    const bias = fanInUniform.create([2000], { fanIn: 16, generator: new Generator(2), dtype: "float64" });
    const m = moments(bias.toFlatArray());
    expect(m.max).toBeLessThanOrEqual(0.25);
    expect(m.min).toBeGreaterThanOrEqual(-0.25);
    expect(m.max).toBeGreaterThan(0.24);
    // fanIn 0 → bound 0, as PyTorch's bias init.
    expect(Array.from(fanInUniform.create([3], { fanIn: 0, dtype: "float64" }).toFlatArray())).toEqual([0, 0, 0]);
  });

  it("rejects a 1-D target without fanIn and a negative fanIn, leaving the target untouched", () => {
    const t = Tensor.full([3], 8);
    expect(() => fanInUniform(t)).toThrow(ShapeError);
    expect(() => fanInUniform(t, { fanIn: -2 })).toThrow(InvalidArgumentError);
    expect(() => fanInUniform(t, { fanIn: -2 })).toThrow("fanInUniform: fanIn is -2, expected a finite number >= 0");
    expect(Array.from(t.toFlatArray())).toEqual([8, 8, 8]);
  });
});
