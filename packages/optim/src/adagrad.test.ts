import { describe, expect, it } from "vitest";
import { Adagrad } from "./adagrad";
import { param } from "./test-support";

describe("Adagrad", () => {
  it("divides by the root of the accumulated squares, with a decaying rate", () => {
    // γ = 0.1, η = 0.5, r₀ = 1, ε = 0, θ₀ = 1, g = 2 twice.
    // step 1: γ̃ = 0.1, r = 1 + 4 = 5, θ₁ = 1 − 0.2/√5
    // step 2: γ̃ = 0.1/(1 + 0.5) = 1/15, r = 9, θ₂ = θ₁ − (1/15)·2/3 = θ₁ − 2/45
    const p = param([1], [2]);
    const opt = new Adagrad([p], { lr: 0.1, lrDecay: 0.5, initialAccumulatorValue: 1, eps: 0 });
    opt.step();
    expect(p.data[0]).toBeCloseTo(1 - 0.2 / Math.sqrt(5), 15);
    opt.step();
    expect(p.data[0]).toBeCloseTo(1 - 0.2 / Math.sqrt(5) - 2 / 45, 15);
    expect(opt.state.get(p)?.sum[0]).toBe(9);
  });

  it("adds ε after the root, weight decay to the gradient, and negates first under maximize", () => {
    // γ = 1, ε = 1, λ = 1, maximize, θ₀ = 1, g = 3: g' = −3 + 1 = −2, r = 4, θ₁ = 1 + 2/(2 + 1) = 5/3
    const p = param([1], [3]);
    new Adagrad([p], { lr: 1, eps: 1, weightDecay: 1, maximize: true }).step();
    expect(p.data[0]).toBeCloseTo(5 / 3, 15);
  });

  it("starts every accumulator from the constructor's initialAccumulatorValue, as torch 1.13 does", () => {
    // Constructor r₀ = 1; the group's own value 5 is stored but not read by torch 1.13.
    // γ = 0.1, ε = 0, θ₀ = 0, g = 2: r = 1 + 4 = 5, θ₁ = −0.2/√5 (with the group's value it would be −0.2/3).
    const a = param([0], [2]);
    const opt = new Adagrad([{ params: [a], initialAccumulatorValue: 5 }], { lr: 0.1, eps: 0, initialAccumulatorValue: 1 });
    opt.step();
    expect(a.data[0]).toBeCloseTo(-0.2 / Math.sqrt(5), 15);
  });

  it("keeps options per group", () => {
    // g = 2, r = 4: group 0 moves by 0.1, group 1 by 0.3
    const a = param([0], [2]);
    const b = param([0], [2]);
    new Adagrad([{ params: [a] }, { params: [b], lr: 0.3 }], { lr: 0.1, eps: 0 }).step();
    expect(a.data[0]).toBeCloseTo(-0.1, 15);
    expect(b.data[0]).toBeCloseTo(-0.3, 15);
  });

  it("rejects invalid options", () => {
    const p = () => [param([1])];
    expect(() => new Adagrad(p(), { lrDecay: -1 })).toThrow("Adagrad: lrDecay is -1");
    expect(() => new Adagrad(p(), { initialAccumulatorValue: -0.1 })).toThrow("Adagrad: initialAccumulatorValue is -0.1");
    expect(() => new Adagrad(p(), { eps: -1 })).toThrow("Adagrad: eps is -1");
  });
});
