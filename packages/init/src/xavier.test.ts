import { Generator, ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { moments } from "./test-moments";
import { xavierNormal, xavierStd, xavierUniform } from "./xavier";

describe("xavierStd", () => {
  it("is gain·√(2/(fanIn + fanOut))", () => {
    // [64, 32]: √(2/96) = 0.14433756729740643; √3 times that is the case's bound 0.24999999999999997.
    expect(xavierStd([64, 32])).toBe(0.14433756729740643);
    expect(Math.sqrt(3) * xavierStd([64, 32])).toBe(0.24999999999999997);
    // Conv [8, 4, 5, 5]: fans 100 and 200, gain 0.5 → 0.5·√(2/300) = 0.040824829046386304 (torch).
    expect(xavierStd([8, 4, 5, 5], { gain: 0.5 })).toBe(0.040824829046386304);
  });
});

describe("xavierUniform", () => {
  it("draws U(−a, a), a = √(6/(m+n)): the lecture's bound, variance a²/3 = 2/(m+n)", () => {
    // [512, 256]: a = √(6/768) = 0.08838834764831845, variance 2/768.
    const t = xavierUniform.create([512, 256], { generator: new Generator(1), dtype: "float64" });
    const m = moments(t.toFlatArray());
    const a = Math.sqrt(6 / 768);
    expect(m.max).toBeLessThanOrEqual(a);
    expect(m.min).toBeGreaterThanOrEqual(-a);
    expect(m.max).toBeGreaterThan(0.999 * a);
    // 131 072 draws: the variance's relative sd is √(0.8/131072) ≈ 0.25%.
    expect(m.variance / (2 / 768)).toBeCloseTo(1, 1);
    expect(Math.abs(m.mean)).toBeLessThan(0.001);
  });

  it("multiplies the bound by the gain", () => {
    // Conv [16, 8, 3, 3], gain √2: fans 72, 144 → bound √2·√3·√(2/216) = 0.23570226039551587 (torch case).
    const t = xavierUniform.create([16, 8, 3, 3], { gain: Math.SQRT2, generator: new Generator(2), dtype: "float64" });
    const m = moments(t.toFlatArray());
    expect(m.max).toBeLessThanOrEqual(0.23570226039551587);
    expect(m.max).toBeGreaterThan(0.23);
  });

  it("rejects a 1-D target (no fans) and leaves it untouched", () => {
    const t = Tensor.full([5], 3);
    expect(() => xavierUniform(t)).toThrow(ShapeError);
    expect(() => xavierUniform(t)).toThrow("xavierUniform: shape is [5], expected at least 2 dimensions");
    expect(() => xavierUniform(Tensor.zeros([2, 2]), { gain: Number.NaN })).toThrow("xavierUniform: gain is NaN");
    expect(Array.from(t.toFlatArray())).toEqual([3, 3, 3, 3, 3]);
  });
});

describe("xavierNormal", () => {
  it("draws N(0, gain²·2/(m+n))", () => {
    // [300, 100], gain 2: variance 4·2/400 = 0.02.
    const t = xavierNormal.create([300, 100], { gain: 2, generator: new Generator(3), dtype: "float64" });
    const m = moments(t.toFlatArray());
    // 30 000 draws: relative sd of the variance √(2/3e4) ≈ 0.8%.
    expect(m.variance / 0.02).toBeCloseTo(1, 1);
    expect(Math.abs(m.mean)).toBeLessThan(0.005);
  });
});
