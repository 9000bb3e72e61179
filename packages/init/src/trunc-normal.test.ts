import { Generator, InvalidArgumentError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { moments } from "./test-moments";
import { truncNormal } from "./trunc-normal";

// Closed forms from SciPy's truncnorm.stats(α, β, loc, scale, moments='mv'), α, β in standardized units.

describe("truncNormal", () => {
  it("defaults to N(0, 1) on [−2, 2]: variance 0.7737413035499232", () => {
    const m = moments(truncNormal.create([200_000], { generator: new Generator(1), dtype: "float64" }).toFlatArray());
    expect(m.min).toBeGreaterThanOrEqual(-2);
    expect(m.max).toBeLessThanOrEqual(2);
    expect(Math.abs(m.mean)).toBeLessThan(0.01);
    expect(Math.abs(m.variance - 0.7737413035499232)).toBeLessThan(0.01);
  });

  it("cuts in the values' own units: mean 0.5, std 0.2 on [0, 1] has variance 0.036450254437415675", () => {
    const m = moments(truncNormal.create([100_000], { mean: 0.5, std: 0.2, a: 0, b: 1, generator: new Generator(2), dtype: "float64" }).toFlatArray());
    expect(m.min).toBeGreaterThanOrEqual(0);
    expect(m.max).toBeLessThanOrEqual(1);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(m.variance - 0.036450254437415675)).toBeLessThan(0.001);
  });

  it("is exact in a tail, where capped rejection would give up: [3, 4] and [6, 8]", () => {
    // [3, 4]: mean 3.2604542855900243, variance 0.04927779377738217.
    const near = moments(truncNormal.create([50_000], { a: 3, b: 4, generator: new Generator(3), dtype: "float64" }).toFlatArray());
    expect(near.min).toBeGreaterThanOrEqual(3);
    expect(near.max).toBeLessThanOrEqual(4);
    expect(Math.abs(near.mean - 3.2604542855900243)).toBeLessThan(0.005);
    expect(Math.abs(near.variance - 0.04927779377738217)).toBeLessThan(0.002);
    // [6, 8]: P ≈ 1e-9 under N(0, 1); mean 6.158481366839988, variance 0.023985213407840655.
    const far = moments(truncNormal.create([50_000], { a: 6, b: 8, generator: new Generator(4), dtype: "float64" }).toFlatArray());
    expect(far.min).toBeGreaterThanOrEqual(6);
    expect(far.max).toBeLessThanOrEqual(8);
    expect(Math.abs(far.mean - 6.158481366839988)).toBeLessThan(0.005);
    expect(Math.abs(far.variance - 0.023985213407840655)).toBeLessThan(0.002);
  });

  it("rejects a ≥ b and std ≤ 0, leaving the target untouched", () => {
    const t = Tensor.full([3], 9, { dtype: "float64" });
    expect(() => truncNormal(t, { a: 1, b: -1 })).toThrow(InvalidArgumentError);
    expect(() => truncNormal(t, { a: 1, b: -1 })).toThrow("truncNormal: a is 1, expected a number < b (-1)");
    expect(() => truncNormal(t, { a: 1, b: 1 })).toThrow(InvalidArgumentError);
    expect(() => truncNormal(t, { std: -0.5 })).toThrow("truncNormal: std is -0.5, expected a finite number > 0");
    expect(() => truncNormal(t, { std: 0 })).toThrow(InvalidArgumentError);
    expect(Array.from(t.toFlatArray())).toEqual([9, 9, 9]);
  });
});
