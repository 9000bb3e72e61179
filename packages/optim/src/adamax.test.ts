import { describe, expect, it } from "vitest";
import { Adamax } from "./adamax";
import { param, setGrad } from "./test-support";

describe("Adamax", () => {
  it("divides by the decayed infinity norm u = max(β₂ u, |g| + ε)", () => {
    // γ = 0.1, β = (0.9, 0.999), ε = 0, θ₀ = 1.
    // step 1, g = 2: m = 0.2, u = 2, γ/(1 − 0.9) = 1 → θ₁ = 1 − 0.2/2 = 0.9
    // step 2, g = 1: m = 0.18 + 0.1 = 0.28, u = max(1.998, 1) = 1.998 → θ₂ = 0.9 − (0.1/0.19)·0.28/1.998
    const p = param([1], [2]);
    const opt = new Adamax([p], { lr: 0.1, eps: 0 });
    opt.step();
    expect(p.data[0]).toBeCloseTo(0.9, 15);
    setGrad(p, [1]);
    opt.step();
    expect(p.data[0]).toBeCloseTo(0.9 - ((0.1 / 0.19) * 0.28) / 1.998, 14);
    expect(opt.state.get(p)?.expInf[0]).toBeCloseTo(1.998, 15);
  });

  it("adds ε inside the max and weight decay to the gradient; maximize negates first", () => {
    // θ₀ = 1, g = 1, λ = 1, maximize: g' = −1 + 1 = 0 → m = 0, u = ε, θ unchanged.
    const p = param([1], [1]);
    const opt = new Adamax([p], { lr: 0.1, weightDecay: 1, maximize: true, eps: 1e-3 });
    opt.step();
    expect(p.data[0]).toBe(1);
    expect(opt.state.get(p)?.expInf[0]).toBe(1e-3);
  });

  it("ascends with maximize", () => {
    // g = 2, ε = 0: m̂ = 2, u = 2 → θ₁ = 1 + γ = 1.1
    const p = param([1], [2]);
    new Adamax([p], { lr: 0.1, eps: 0, maximize: true }).step();
    expect(p.data[0]).toBeCloseTo(1.1, 15);
  });

  it("keeps options per group", () => {
    const a = param([1], [2]);
    const b = param([1], [2]);
    new Adamax([{ params: [a] }, { params: [b], lr: 0.3 }], { lr: 0.1, eps: 0 }).step();
    expect([a.data[0], b.data[0]]).toEqual([0.9, 0.7]);
  });

  it("defaults and validation follow PyTorch", () => {
    expect(new Adamax([param([1])]).paramGroups[0].lr).toBe(2e-3);
    expect(() => new Adamax([param([1])], { betas: [0.9, 1.5] })).toThrow("Adamax: betas[1] is 1.5");
    expect(() => new Adamax([param([1])], { eps: -1 })).toThrow("Adamax: eps is -1");
  });
});
