import { describe, expect, it } from "vitest";
import { Adadelta } from "./adadelta";
import { param, setGrad } from "./test-support";

describe("Adadelta", () => {
  it("scales the gradient by √(s + ε)/√(r + ε)", () => {
    // γ = 1, ρ = 0.9, ε = 1e-6, θ₀ = 1.
    // step 1, g = 2: r = 0.1·4 = 0.4; Δ = √1e-6/√0.400001 · 2; s₁ = 0.1 Δ²; θ₁ = 1 − Δ
    // step 2, g = 1: r = 0.36 + 0.1 = 0.46; Δ₂ = √(s₁ + 1e-6)/√0.460001 · 1; θ₂ = θ₁ − Δ₂
    const p = param([1], [2]);
    const opt = new Adadelta([p]);
    opt.step();
    const delta1 = (1e-3 / Math.sqrt(0.400001)) * 2;
    expect(p.data[0]).toBeCloseTo(1 - delta1, 15);
    setGrad(p, [1]);
    opt.step();
    const delta2 = Math.sqrt(0.1 * delta1 * delta1 + 1e-6) / Math.sqrt(0.460001);
    expect(p.data[0]).toBeCloseTo(1 - delta1 - delta2, 15);
  });

  it("applies lr, weight decay and maximize (negation first)", () => {
    // γ = 0.5, λ = 1, maximize, θ₀ = 1, g = 3: g' = −3 + 1 = −2; Δ = √1e-6/√0.400001 · (−2); θ₁ = 1 − 0.5 Δ
    const p = param([1], [3]);
    new Adadelta([p], { lr: 0.5, weightDecay: 1, maximize: true }).step();
    expect(p.data[0]).toBeCloseTo(1 + 0.5 * ((1e-3 / Math.sqrt(0.400001)) * 2), 15);
  });

  it("keeps options per group", () => {
    // ρ = 0 in group 1: r = g² = 4, Δ = √1e-6/√4.000001 · 2 ≈ 1e-3
    const a = param([0], [2]);
    const b = param([0], [2]);
    new Adadelta([{ params: [a] }, { params: [b], rho: 0 }]).step();
    expect(a.data[0]).toBeCloseTo(-(1e-3 / Math.sqrt(0.400001)) * 2, 15);
    expect(b.data[0]).toBeCloseTo(-(1e-3 / Math.sqrt(4.000001)) * 2, 15);
  });

  it("rejects invalid options", () => {
    expect(() => new Adadelta([param([1])], { rho: 1.1 })).toThrow("Adadelta: rho is 1.1, expected a number in [0, 1]");
    expect(() => new Adadelta([param([1])], { lr: -1 })).toThrow("Adadelta: lr is -1");
    expect(() => new Adadelta([param([1])], { eps: Infinity })).toThrow("Adadelta: eps is Infinity");
  });
});
