import { DTypeError, Generator, InvalidArgumentError, Tensor, manualSeed } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { moments } from "./test-moments";
import { uniform } from "./uniform";

describe("uniform", () => {
  it("draws U(a, b): mean (a+b)/2, variance (b−a)²/12, within [a, b)", () => {
    const t = uniform.create([400, 500], { a: -0.5, b: 1.5, generator: new Generator(1), dtype: "float64" });
    const m = moments(t.toFlatArray());
    // 200 000 draws: sd of the mean √(1/3/2e5) ≈ 0.0013, of the variance ≈ √(0.8/2e5)/3 ≈ 0.0007.
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(Math.abs(m.variance - 1 / 3)).toBeLessThan(0.005);
    expect(m.min).toBeGreaterThanOrEqual(-0.5);
    expect(m.max).toBeLessThan(1.5);
    // The extremes of 2e5 uniform draws lie within ~1e-4 of the bounds.
    expect(m.min).toBeLessThan(-0.499);
    expect(m.max).toBeGreaterThan(1.499);
  });

  it("defaults to U(0, 1) and fills float32 targets in place, returning them", () => {
    const t = Tensor.zeros([100, 100]);
    expect(uniform(t, { generator: new Generator(2) })).toBe(t);
    expect(t.dtype).toBe("float32");
    const m = moments(t.toFlatArray());
    expect(m.mean).toBeCloseTo(0.5, 1);
    expect(m.variance).toBeCloseTo(1 / 12, 2);
    expect(m.min).toBeGreaterThanOrEqual(0);
    expect(m.max).toBeLessThanOrEqual(1);
  });

  it("is deterministic for a seed; the default generator follows manualSeed", () => {
    const a = uniform.create([50], { generator: new Generator(3) }).toFlatArray();
    const b = uniform.create([50], { generator: new Generator(3) }).toFlatArray();
    const c = uniform.create([50], { generator: new Generator(4) }).toFlatArray();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
    manualSeed(11);
    const d = uniform.create([20]).toFlatArray();
    manualSeed(11);
    expect(Array.from(uniform.create([20]).toFlatArray())).toEqual(Array.from(d));
  });

  it("fills a strided view, leaving the rest of the storage alone", () => {
    const base = Tensor.zeros([4, 6], { dtype: "float64" });
    uniform(base.slice(null, [0, 6, 2]), { a: 1, b: 2, generator: new Generator(5) });
    const values = base.toArray() as number[][];
    for (const row of values) {
      row.forEach((v, j) => {
        if (j % 2 === 0) expect(v).toBeGreaterThanOrEqual(1);
        else expect(v).toBe(0);
      });
    }
  });

  it("rejects a > b, non-finite bounds, int32 targets and bad options, leaving the target untouched", () => {
    const t = Tensor.full([3, 3], 7, { dtype: "float64" });
    expect(() => uniform(t, { a: 2, b: 1 })).toThrow(InvalidArgumentError);
    expect(() => uniform(t, { a: 2, b: 1 })).toThrow("uniform: a is 2, expected a number <= b (1)");
    expect(() => uniform(t, { b: Infinity })).toThrow("uniform: b is Infinity, expected a finite number");
    expect(() => uniform(t, { generator: 42 as unknown as Generator })).toThrow("uniform: generator is 42, expected a Generator");
    expect(() => uniform(Tensor.zeros([2], { dtype: "int32" }))).toThrow(DTypeError);
    expect(() => uniform([1, 2] as unknown as Tensor)).toThrow("uniform: target is an Array, expected a Tensor");
    expect(Array.from(t.toFlatArray())).toEqual(new Array(9).fill(7));
  });

  it("rejects a broadcast view as target", () => {
    const row = Tensor.zeros([1, 3]);
    expect(() => uniform(row.expand([4, 3]))).toThrow("uniform: target is a broadcast view");
  });
});
