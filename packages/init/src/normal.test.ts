import { Generator, InvalidArgumentError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { normal } from "./normal";
import { moments } from "./test-moments";

describe("normal", () => {
  it("draws N(mean, std²): sample mean and variance match", () => {
    const t = normal.create([400, 500], { mean: 0.5, std: 2, generator: new Generator(1), dtype: "float64" });
    const m = moments(t.toFlatArray());
    // 2e5 draws: sd of the mean 2/√2e5 ≈ 0.0045, of the variance 4·√(2/2e5) ≈ 0.013.
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(m.variance - 4)).toBeLessThan(0.08);
  });

  it("has the normal's tails: P(|z| > 2) = 0.0455 (SciPy 2·norm.sf(2))", () => {
    const values = normal.create([200_000], { generator: new Generator(2), dtype: "float64" }).toFlatArray();
    let beyond = 0;
    for (const v of values) if (Math.abs(v) > 2) beyond++;
    // Binomial sd √(0.0455·0.9545/2e5) ≈ 0.00047.
    expect(Math.abs(beyond / values.length - 0.0455)).toBeLessThan(0.003);
  });

  it("std 0 fills the mean, as PyTorch", () => {
    const t = normal.create([5], { mean: 3, std: 0, generator: new Generator(3), dtype: "float64" });
    expect(Array.from(t.toFlatArray())).toEqual([3, 3, 3, 3, 3]);
  });

  it("rejects a negative std, naming it, and leaves the target untouched", () => {
    const t = Tensor.full([4], 1.5, { dtype: "float32" });
    expect(() => normal(t, { std: -1 })).toThrow(InvalidArgumentError);
    expect(() => normal(t, { std: -1 })).toThrow("normal: std is -1, expected a finite number >= 0");
    expect(() => normal(t, { mean: Number.NaN })).toThrow("normal: mean is NaN, expected a finite number");
    expect(Array.from(t.toFlatArray())).toEqual([1.5, 1.5, 1.5, 1.5]);
  });
});
