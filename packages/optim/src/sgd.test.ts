import { describe, expect, it } from "vitest";
import { SGD } from "./sgd";
import { param } from "./test-support";

describe("SGD", () => {
  it("takes a plain gradient step θ − γ g", () => {
    // θ = [1, −2], g = [0.5, 0.25], γ = 0.1 → [1 − 0.05, −2 − 0.025] = [0.95, −2.025]
    const p = param([1, -2], [0.5, 0.25]);
    new SGD([p], { lr: 0.1 }).step();
    expect(p.data[0]).toBeCloseTo(0.95, 15);
    expect(p.data[1]).toBeCloseTo(-2.025, 15);
  });

  it("applies momentum, dampening and weight decay as PyTorch does (no dampening at the first step)", () => {
    // γ = 0.1, μ = 0.9, τ = 0.1, λ = 0.01, θ₀ = 2, g = 1 at both steps.
    // step 1: d = 1 + 0.01·2 = 1.02; b = d = 1.02; θ₁ = 2 − 0.102 = 1.898
    // step 2: d = 1 + 0.01·1.898 = 1.01898; b = 0.9·1.02 + 0.9·1.01898 = 1.835082; θ₂ = 1.898 − 0.1835082 = 1.7144918
    const p = param([2], [1]);
    const opt = new SGD([p], { lr: 0.1, momentum: 0.9, dampening: 0.1, weightDecay: 0.01 });
    opt.step();
    expect(p.data[0]).toBeCloseTo(1.898, 14);
    opt.step();
    expect(p.data[0]).toBeCloseTo(1.7144918, 14);
    expect(opt.state.get(p)?.momentumBuffer?.[0]).toBeCloseTo(1.835082, 14);
  });

  it("uses the Nesterov update g + μ b", () => {
    // γ = 0.1, μ = 0.5, θ₀ = 1, g = 2: step 1 b = 2, d = 2 + 1 = 3, θ₁ = 0.7;
    // step 2 b = 0.5·2 + 2 = 3, d = 2 + 1.5 = 3.5, θ₂ = 0.7 − 0.35 = 0.35
    const p = param([1], [2]);
    const opt = new SGD([p], { lr: 0.1, momentum: 0.5, nesterov: true });
    opt.step();
    expect(p.data[0]).toBeCloseTo(0.7, 15);
    opt.step();
    expect(p.data[0]).toBeCloseTo(0.35, 15);
  });

  it("with maximize negates the gradient before adding weight decay (torch 1.13's code)", () => {
    // θ₀ = 1, g = 2, λ = 0.5, γ = 0.1: d = −2 + 0.5·1 = −1.5, θ₁ = 1 + 0.15 = 1.15
    // (decay first, then negation, would give d = −2.5 and θ₁ = 1.25)
    const p = param([1], [2]);
    new SGD([p], { lr: 0.1, weightDecay: 0.5, maximize: true }).step();
    expect(p.data[0]).toBeCloseTo(1.15, 15);
  });

  it("gives each group its own options over the defaults", () => {
    // Both start at 1 with gradient 1: the first group moves by 0.5, the second by the default 0.1.
    const a = param([1], [1]);
    const b = param([1], [1]);
    const opt = new SGD([{ params: [a], lr: 0.5 }, { params: [b] }], { lr: 0.1 });
    opt.step();
    expect([a.data[0], b.data[0]]).toEqual([0.5, 0.9]);
    expect(opt.paramGroups[1]).toMatchObject({ lr: 0.1, momentum: 0, nesterov: false });
  });

  it("rejects invalid options, naming the option and the value", () => {
    const p = () => [param([1], [1])];
    expect(() => new SGD(p(), { lr: -0.1 })).toThrow("SGD: lr is -0.1, expected a finite number >= 0");
    expect(() => new SGD(p(), { lr: NaN })).toThrow("SGD: lr is NaN");
    expect(() => new SGD(p(), {} as { lr: number })).toThrow("SGD: lr is undefined");
    expect(() => new SGD(p(), { lr: 0.1, momentum: -1 })).toThrow("SGD: momentum is -1");
    expect(() => new SGD(p(), { lr: 0.1, weightDecay: -1 })).toThrow("SGD: weightDecay is -1");
    expect(() => new SGD(p(), { lr: 0.1, nesterov: true })).toThrow("nesterov is true with momentum 0 and dampening 0, expected momentum > 0 and dampening 0");
    expect(() => new SGD(p(), { lr: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 })).toThrow("dampening 0.1");
    expect(() => new SGD(p(), { lr: 0.1, weight_decay: 0.1 } as never)).toThrow('SGD: unknown option "weight_decay"');
  });
});
