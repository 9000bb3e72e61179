import { InvalidArgumentError } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { calculateGain, nonlinearities } from "./gain";
import type { Nonlinearity } from "./gain";

describe("calculateGain", () => {
  it("follows PyTorch 1.13's table", () => {
    // Linear and every conv: 1 (no nonlinearity to compensate). Sigmoid: 1.
    const ones: Nonlinearity[] = ["linear", "conv1d", "conv2d", "conv3d", "convTranspose1d", "convTranspose2d", "convTranspose3d", "sigmoid"];
    for (const name of ones) expect(calculateGain(name)).toBe(1);
    expect(calculateGain("tanh")).toBe(5 / 3);
    expect(calculateGain("relu")).toBe(Math.SQRT2);
    expect(calculateGain("selu")).toBe(0.75);
  });

  it("gives leakyRelu √(2 / (1 + slope²)), slope 0.01 by default", () => {
    // torch.nn.init.calculate_gain('leaky_relu') = 1.4141428569978354 (the conformance case).
    expect(calculateGain("leakyRelu")).toBe(1.4141428569978354);
    expect(calculateGain("leakyRelu", null)).toBe(1.4141428569978354);
    // slope 0.2: √(2 / 1.04) = 1.3867504905630728 (torch, conformance case).
    expect(calculateGain("leakyRelu", 0.2)).toBe(1.3867504905630728);
    // slope 0 is ReLU: √2. slope √5 (nn.Linear's default a): √(2/6) = 1/√3.
    expect(calculateGain("leakyRelu", 0)).toBe(Math.SQRT2);
    expect(calculateGain("leakyRelu", Math.sqrt(5))).toBeCloseTo(1 / Math.sqrt(3), 15);
  });

  it("ignores param for every other nonlinearity, as PyTorch", () => {
    expect(calculateGain("relu", 0.3)).toBe(Math.SQRT2);
    expect(calculateGain("tanh", 7)).toBe(5 / 3);
  });

  it("lists each accepted name once", () => {
    expect(new Set(nonlinearities).size).toBe(12);
    for (const name of nonlinearities) expect(Number.isFinite(calculateGain(name))).toBe(true);
  });

  it("rejects an unknown nonlinearity or a bad slope, naming them", () => {
    expect(() => calculateGain("leaky_relu" as Nonlinearity)).toThrow(InvalidArgumentError);
    expect(() => calculateGain("gelu" as Nonlinearity)).toThrow('calculateGain: nonlinearity is "gelu", expected one of "linear"');
    expect(() => calculateGain("leakyRelu", Number.NaN)).toThrow("calculateGain: param (the negative slope of leakyRelu) is NaN");
    expect(() => calculateGain("leakyRelu", true as unknown as number)).toThrow(InvalidArgumentError);
  });
});
