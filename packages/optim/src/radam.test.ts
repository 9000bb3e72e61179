import { describe, expect, it } from "vitest";
import { RAdam, radamUpdate } from "./radam";
import { param } from "./test-support";

describe("RAdam", () => {
  it("takes un-adapted momentum steps while ρₜ ≤ 5", () => {
    // β = (0.9, 0.999): ρ∞ = 2/0.001 − 1 = 1999, ρ₁ = 1999 − 2·0.999/0.001 = 1 ≤ 5,
    // so θ₁ = θ₀ − γ m/(1 − β₁) = θ₀ − γ g: θ₀ = 1, g = 2, γ = 0.1 → 0.8
    const p = param([1], [2]);
    new RAdam([p], { lr: 0.1 }).step();
    expect(p.data[0]).toBeCloseTo(0.8, 15);
  });

  it("rectifies the adaptive step once ρₜ > 5", () => {
    // From zero moments at t = 10 with g = 1, ε = 0, γ = 0.1: m = 0.1, v = 0.001;
    // ρ₁₀ = 1999 − 20·0.999¹⁰/(1 − 0.999¹⁰) ≈ 9.97 > 5;
    // θ = −γ · (0.1/(1 − 0.9¹⁰)) · √(1 − 0.999¹⁰)/√0.001 · r(ρ₁₀), r(ρ) = √((ρ−4)(ρ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρ))
    const b2t = 0.999 ** 10;
    const rho = 1999 - (20 * b2t) / (1 - b2t);
    expect(rho).toBeGreaterThan(5);
    const r = Math.sqrt(((rho - 4) * (rho - 2) * 1999) / (1995 * 1997 * rho));
    const expected = -0.1 * (0.1 / (1 - 0.9 ** 10)) * (Math.sqrt(1 - b2t) / Math.sqrt(0.001)) * r;
    const p = new Float64Array([0]);
    const state = { step: 10, expAvg: new Float64Array(1), expAvgSq: new Float64Array(1) };
    radamUpdate(p, new Float64Array([1]), state, 10, { lr: 0.1, betas: [0.9, 0.999], eps: 0, weightDecay: 0 });
    expect(p[0]).toBeCloseTo(expected, 15);
  });

  it("adds weight decay to the gradient; has no maximize option (none in torch 1.13)", () => {
    // λ = 1, θ₀ = 1, g = 1: g' = 2 → θ₁ = 1 − 0.1·2 = 0.8
    const p = param([1], [1]);
    new RAdam([p], { lr: 0.1, weightDecay: 1 }).step();
    expect(p.data[0]).toBeCloseTo(0.8, 15);
    expect(() => new RAdam([param([1])], { maximize: true } as never)).toThrow('RAdam: unknown option "maximize"');
  });

  it("keeps options per group", () => {
    const a = param([1], [2]);
    const b = param([1], [2]);
    new RAdam([{ params: [a] }, { params: [b], lr: 0.2 }], { lr: 0.1 }).step();
    expect(a.data[0]).toBeCloseTo(0.8, 15);
    expect(b.data[0]).toBeCloseTo(0.6, 15);
  });

  it("rejects invalid options", () => {
    expect(() => new RAdam([param([1])], { betas: [0.9, -0.5] })).toThrow("RAdam: betas[1] is -0.5");
    expect(() => new RAdam([param([1])], { lr: -0.5 })).toThrow("RAdam: lr is -0.5");
  });
});
