import { Generator, ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { orthogonal } from "./orthogonal";
import { moments } from "./test-moments";

/** Gram matrix of the rows (byRows) or of the columns of a row-major rows×cols matrix. */
function gram(values: ArrayLike<number>, rows: number, cols: number, byRows: boolean): number[][] {
  const size = byRows ? rows : cols;
  const inner = byRows ? cols : rows;
  const at = (outer: number, k: number): number => (byRows ? values[outer * cols + k] : values[k * cols + outer]);
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => {
      let dot = 0;
      for (let k = 0; k < inner; k++) dot += at(i, k) * at(j, k);
      return dot;
    }),
  );
}

function expectScaledIdentity(matrix: number[][], scale: number, tolerance: number): void {
  matrix.forEach((row, i) => {
    row.forEach((v, j) => {
      expect(Math.abs(v - (i === j ? scale : 0))).toBeLessThan(tolerance);
    });
  });
}

describe("orthogonal", () => {
  it("tall: orthonormal columns, QᵀQ = I (float64 within 1e-12)", () => {
    const q = orthogonal.create([10, 6], { generator: new Generator(1), dtype: "float64" });
    expectScaledIdentity(gram(q.toFlatArray(), 10, 6, false), 1, 1e-12);
  });

  it("wide: orthonormal rows scaled by the gain, QQᵀ = gain²·I", () => {
    const q = orthogonal.create([4, 12], { gain: 2, generator: new Generator(2), dtype: "float64" });
    expectScaledIdentity(gram(q.toFlatArray(), 4, 12, true), 4, 1e-12);
  });

  it("flattens a conv weight to rows × (the rest), float32 within 1e-5", () => {
    // [8, 2, 3, 3] → 8 × 18, wide: QQᵀ = 0.25·I.
    const q = orthogonal.create([8, 2, 3, 3], { gain: 0.5, generator: new Generator(3) });
    expect(q.dtype).toBe("float32");
    expectScaledIdentity(gram(q.toFlatArray(), 8, 18, true), 0.25, 1e-5);
  });

  it("is Haar-distributed: each entry of a random 3×3 orthogonal matrix is uniform on [−1, 1]", () => {
    // Archimedes: a column of a Haar O(3) matrix is uniform on the sphere S², and a coordinate of a
    // uniform point on S² is uniform on [−1, 1]: mean 0, variance 1/3, P(> 0) = 1/2. Without the
    // sign correction Householder's convention makes Q[0][0] = −|x₀|/‖x‖ ≤ 0 always.
    const generator = new Generator(4);
    const firstEntries: number[] = [];
    const t = Tensor.zeros([3, 3], { dtype: "float64" });
    for (let draw = 0; draw < 4000; draw++) firstEntries.push(orthogonal(t, { generator }).toFlatArray()[0]);
    const m = moments(firstEntries);
    // 4000 draws: sd of the mean √(1/3/4000) ≈ 0.009, of the variance ≈ √(0.8/4000)/3 ≈ 0.005.
    expect(Math.abs(m.mean)).toBeLessThan(0.05);
    expect(Math.abs(m.variance - 1 / 3)).toBeLessThan(0.03);
    const positive = firstEntries.filter((v) => v > 0).length / firstEntries.length;
    expect(Math.abs(positive - 0.5)).toBeLessThan(0.04);
  });

  it("is deterministic for a seed and fills strided targets", () => {
    const a = orthogonal.create([5, 3], { generator: new Generator(9), dtype: "float64" }).toFlatArray();
    const base = Tensor.zeros([3, 5], { dtype: "float64" });
    orthogonal(base.transpose(), { generator: new Generator(9) });
    expect(Array.from(base.transpose().toFlatArray())).toEqual(Array.from(a));
  });

  it("rejects fewer than 2 dimensions, leaving the target untouched", () => {
    const t = Tensor.full([4], 2);
    expect(() => orthogonal(t)).toThrow(ShapeError);
    expect(() => orthogonal(t)).toThrow("orthogonal: target shape is [4], expected at least 2 dimensions");
    expect(Array.from(t.toFlatArray())).toEqual([2, 2, 2, 2]);
  });
});
