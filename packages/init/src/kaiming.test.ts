import { Generator, InvalidArgumentError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { kaimingNormal, kaimingStd, kaimingUniform } from "./kaiming";
import { moments } from "./test-moments";

describe("kaimingStd", () => {
  it("is gain/√fan with PyTorch's defaults (a = 0, fanIn, leakyRelu → √2)", () => {
    // [50, 20]: √2/√20 = 0.31622776601683794; bound √3 times that = 0.5477225575051661 (torch case).
    expect(kaimingStd([50, 20])).toBeCloseTo(0.31622776601683794, 15);
    expect(Math.sqrt(3) * kaimingStd([50, 20], { nonlinearity: "relu" })).toBeCloseTo(0.5477225575051661, 15);
  });

  it("uses fanOut and the leaky slope when asked", () => {
    // [64, 32, 3, 3], a = 0.2, fanOut 576: √(2/1.04)/24 · √3 = 0.10008009612817945 (torch case).
    expect(Math.sqrt(3) * kaimingStd([64, 32, 3, 3], { a: 0.2, mode: "fanOut" })).toBeCloseTo(0.10008009612817945, 15);
    // tanh ignores a: 5/3/√10 = 0.5270462766947299 (torch case).
    expect(kaimingStd([20, 10], { nonlinearity: "tanh", a: 0.7 })).toBeCloseTo(0.5270462766947299, 15);
  });

  it("rejects an unknown mode or nonlinearity, naming them", () => {
    expect(() => kaimingStd([2, 2], { mode: "fan_in" as "fanIn" })).toThrow('kaimingStd: mode is "fan_in", expected one of "fanIn", "fanOut"');
    expect(() => kaimingStd([2, 2], { nonlinearity: "swish" as "relu" })).toThrow('kaimingStd: nonlinearity is "swish"');
  });
});

describe("kaimingUniform", () => {
  it("draws U(−b, b) with variance gain²/fan", () => {
    // [128, 64, 3, 3], leaky a = 0.2, fanOut = 128·9 = 1152: variance (2/1.04)/1152 = 0.0016693376068376068.
    const t = kaimingUniform.create([128, 64, 3, 3], { a: 0.2, mode: "fanOut", generator: new Generator(1), dtype: "float64" });
    const m = moments(t.toFlatArray());
    const variance = 2 / 1.04 / 1152;
    const bound = Math.sqrt(3 * variance);
    expect(m.variance / variance).toBeCloseTo(1, 1);
    expect(m.max).toBeLessThanOrEqual(bound * (1 + 1e-12));
    expect(m.min).toBeGreaterThanOrEqual(-bound * (1 + 1e-12));
    expect(m.max).toBeGreaterThan(0.999 * bound);
  });

  it("rejects bad options before touching the target", () => {
    const t = Tensor.full([4, 4], 1);
    expect(() => kaimingUniform(t, { a: Infinity })).toThrow(InvalidArgumentError);
    expect(() => kaimingUniform(t, { nonlinearity: "leaky_relu" as "leakyRelu" })).toThrow('kaimingUniform: nonlinearity is "leaky_relu"');
    expect(Array.from(t.toFlatArray())).toEqual(new Array(16).fill(1));
  });

  it("leaves an empty tensor empty (zero fans are no error when there is nothing to draw)", () => {
    expect(kaimingUniform.create([0, 3]).size).toBe(0);
  });
});

describe("kaimingNormal", () => {
  it("draws N(0, 2/fanIn) for ReLU", () => {
    // [512, 200], relu: variance 2/200 = 0.01.
    const t = kaimingNormal.create([512, 200], { nonlinearity: "relu", generator: new Generator(2), dtype: "float64" });
    const m = moments(t.toFlatArray());
    expect(m.variance / 0.01).toBeCloseTo(1, 1);
    expect(Math.abs(m.mean)).toBeLessThan(0.001);
  });
});
