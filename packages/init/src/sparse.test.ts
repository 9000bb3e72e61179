import { Generator, InvalidArgumentError, ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { sparse } from "./sparse";
import { moments } from "./test-moments";

describe("sparse", () => {
  it("zeroes exactly ⌈sparsity·rows⌉ entries of each column; the rest are N(0, std²)", () => {
    // 1000 × 200, sparsity 0.25: 250 zeros per column, 750·200 = 150 000 normal draws with std 0.5.
    const [rows, cols] = [1000, 200];
    const values = sparse.create([rows, cols], { sparsity: 0.25, std: 0.5, generator: new Generator(1), dtype: "float64" }).toFlatArray();
    const nonzero: number[] = [];
    for (let col = 0; col < cols; col++) {
      let zeros = 0;
      for (let row = 0; row < rows; row++) {
        const v = values[row * cols + col];
        if (v === 0) zeros++;
        else nonzero.push(v);
      }
      expect(zeros).toBe(250);
    }
    const m = moments(nonzero);
    expect(Math.abs(m.mean)).toBeLessThan(0.01);
    expect(m.variance / 0.25).toBeCloseTo(1, 1);
  });

  it("rounds the count up as PyTorch: 15 rows at sparsity 0.1 → 2 zeros per column", () => {
    const values = sparse.create([15, 8], { sparsity: 0.1, generator: new Generator(2), dtype: "float64" }).toFlatArray();
    for (let col = 0; col < 8; col++) {
      let zeros = 0;
      for (let row = 0; row < 15; row++) if (values[row * 8 + col] === 0) zeros++;
      expect(zeros).toBe(2);
    }
  });

  it("spreads the zeros over the rows: each row is zero in about a sparsity share of the columns", () => {
    // 10 rows, 3 zeros per column, 5000 columns: each row is zero with probability 0.3, sd √(0.21/5000) ≈ 0.006.
    const values = sparse.create([10, 5000], { sparsity: 0.3, generator: new Generator(3), dtype: "float64" }).toFlatArray();
    for (let row = 0; row < 10; row++) {
      let zeros = 0;
      for (let col = 0; col < 5000; col++) if (values[row * 5000 + col] === 0) zeros++;
      expect(Math.abs(zeros / 5000 - 0.3)).toBeLessThan(0.03);
    }
  });

  it("rejects sparsity outside [0, 1], a negative std and non-2-D targets, leaving the target untouched", () => {
    const t = Tensor.full([4, 4], 6);
    expect(() => sparse(t, { sparsity: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => sparse(t, { sparsity: -0.1 })).toThrow("sparse: sparsity is -0.1, expected a number in [0, 1]");
    expect(() => sparse(t, { sparsity: 0.5, std: -1 })).toThrow("sparse: std is -1, expected a finite number >= 0");
    expect(() => sparse(Tensor.zeros([2, 2, 2]), { sparsity: 0.5 })).toThrow(ShapeError);
    expect(Array.from(t.toFlatArray())).toEqual(new Array(16).fill(6));
  });
});
