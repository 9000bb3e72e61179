import { Generator, Tensor, inKernelMemory, kernelMemoryArray } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { sum } from "../ops/sum";
import { Linear } from "./linear";

describe("Linear", () => {
  it("computes y = x·Wᵀ + b with W of shape (out, in)", () => {
    const layer = new Linear(3, 2, { dtype: "float64", generator: new Generator(1) });
    const x = Tensor.from([[1, 2, 3], [-1, 0, 0.5]], { dtype: "float64" });
    const W = layer.weight.data.toArray() as number[][];
    const b = layer.bias!.data.toFlatArray();
    const y = layer.forward(x).toArray() as number[][];
    const xs = x.toArray() as number[][];
    for (let i = 0; i < 2; i++) {
      for (let o = 0; o < 2; o++) {
        const want = xs[i].reduce((acc, xi, j) => acc + xi * W[o][j], b[o]);
        expect(y[i][o]).toBeCloseTo(want, 14);
      }
    }
  });

  it("initializes W and b in U(−1/√in, 1/√in) (kaiming_uniform with a = √5)", () => {
    const layer = new Linear(100, 50, { generator: new Generator(3) });
    const bound = 1 / Math.sqrt(100);
    const w = Array.from(layer.weight.data.toFlatArray());
    expect(layer.weight.shape).toEqual([50, 100]);
    expect(Math.max(...w)).toBeLessThanOrEqual(bound);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-bound);
    // The variance of U(−b, b) is b²/3; 5000 draws put the sample variance within a few percent.
    const variance = w.reduce((acc, v) => acc + v * v, 0) / w.length;
    expect(variance / (bound * bound / 3)).toBeGreaterThan(0.93);
    expect(variance / (bound * bound / 3)).toBeLessThan(1.07);
    expect(layer.bias!.data.toFlatArray().every((v) => Math.abs(v) <= bound)).toBe(true);
  });

  it("is reproducible from a seeded generator", () => {
    const a = new Linear(4, 3, { generator: new Generator(9) });
    const b = new Linear(4, 3, { generator: new Generator(9) });
    expect(a.weight.data.toArray()).toEqual(b.weight.data.toArray());
  });

  // Placement needs wasm SIMD and shared memory (Node has both); elsewhere the arrays are ordinary ones.
  it.runIf(inKernelMemory(kernelMemoryArray("float32", 1)))("places W and b in kernel memory, with the generator's draws unchanged", () => {
    const layer = new Linear(5, 4, { generator: new Generator(4) });
    const draws = new Generator(4);
    const bound = 1 / Math.sqrt(5);
    expect(inKernelMemory(layer.weight.data.data)).toBe(true);
    expect(inKernelMemory(layer.bias!.data.data)).toBe(true);
    expect(layer.weight.data.toArray()).toEqual(draws.uniform([4, 5], -bound, bound).toArray());
    expect(layer.bias!.data.toArray()).toEqual(draws.uniform([4], -bound, bound).toArray());
  });

  it("gives the weight gradient in W's own layout: dW = dYᵀ·X", () => {
    const layer = new Linear(2, 3, { dtype: "float64", bias: false, generator: new Generator(2) });
    const x = Tensor.from([[1, 2], [3, 4]], { dtype: "float64" });
    sum(layer.forward(x)).backward();
    // dY is all ones, so dW[o][j] = Σ_i x[i][j] = [4, 6] for every output row.
    expect(layer.weight.grad!.toArray()).toEqual([[4, 6], [4, 6], [4, 6]]);
    expect(layer.bias).toBeNull();
  });

  it("rejects an input whose last dimension is not inFeatures, naming both shapes", () => {
    const layer = new Linear(3, 2);
    expect(() => layer.forward(Tensor.zeros([4, 5]))).toThrow(/linear: input of shape \[4, 5\] and weight of shape \[2, 3\]/);
  });
});
