import { Generator, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { sum } from "../ops/sum";
import { Variable } from "../variable";
import { Dropout } from "./dropout";

describe("Dropout", () => {
  it("zeroes about p of the elements in training and scales the rest by 1/(1 − p)", () => {
    const dropout = new Dropout(0.25, { generator: new Generator(4) });
    const out = dropout.forward(Tensor.ones([10_000], { dtype: "float64" })).data.toFlatArray();
    const zeros = out.filter((v) => v === 0).length;
    expect(zeros / out.length).toBeGreaterThan(0.23);
    expect(zeros / out.length).toBeLessThan(0.27);
    expect(out.every((v) => v === 0 || Math.abs(v - 1 / 0.75) < 1e-15)).toBe(true);
  });

  it("is the identity in eval mode", () => {
    const dropout = new Dropout(0.5).eval();
    const x = Tensor.from([1, 2, 3]);
    expect(dropout.forward(x).data).toBe(x);
  });

  it("repeats its mask for the same seed, and its gradient is the mask", () => {
    const a = new Dropout(0.5, { generator: new Generator(11) }).forward(Tensor.ones([50], { dtype: "float64" }));
    const x = new Variable(Tensor.ones([50], { dtype: "float64" }), { requiresGrad: true });
    const b = new Dropout(0.5, { generator: new Generator(11) }).forward(x);
    expect(Array.from(b.data.toFlatArray())).toEqual(Array.from(a.data.toFlatArray()));
    sum(b).backward();
    expect(Array.from(x.grad!.toFlatArray())).toEqual(Array.from(a.data.toFlatArray()));
  });

  it("rejects p outside [0, 1]", () => {
    expect(() => new Dropout(1.5)).toThrow(/Dropout: p is 1.5, expected a probability in \[0, 1\]/);
  });
});
