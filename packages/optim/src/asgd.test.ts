import { describe, expect, it } from "vitest";
import { ASGD } from "./asgd";
import { param } from "./test-support";

describe("ASGD", () => {
  it("decays, steps with ηₜ and averages from step t0 + 2 on (SCHEMA.md's reading of torch 1.13)", () => {
    // γ = 0.1, λ = 0.1, α = 0.5, t0 = 1, θ₀ = 1, g = 1 at every step; ηₜ = 0.1/√(1 + 0.01 t).
    // step 1: θ₁ = 1·(1 − 0.1·0.1) − 0.1 = 0.89, θ̄ = θ₁ (μ₀ = 1)
    // step 2: θ₂ = θ₁(1 − 0.1η₁) − η₁, θ̄ = θ₂ (μ₁ = 1/max(1, 0) = 1)
    // step 3: θ₃ = θ₂(1 − 0.1η₂) − η₂, θ̄ = θ₃ (μ₂ = 1/max(1, 1) = 1)
    // step 4: θ₄ = θ₃(1 − 0.1η₃) − η₃, θ̄ = θ₃ + ½(θ₄ − θ₃) (μ₃ = 1/max(1, 2) = ½)
    const eta = (t: number) => 0.1 / Math.sqrt(1 + 0.01 * t);
    const p = param([1], [1]);
    const opt = new ASGD([p], { lr: 0.1, lambd: 0.1, alpha: 0.5, t0: 1 });
    const theta = [1];
    for (let t = 1; t <= 4; t++) {
      const etaPrev = t === 1 ? 0.1 : eta(t - 1);
      theta.push(theta[t - 1] * (1 - 0.1 * etaPrev) - etaPrev);
      opt.step();
      expect(p.data[0]).toBeCloseTo(theta[t], 15);
      const average = t < 4 ? theta[t] : theta[3] + 0.5 * (theta[4] - theta[3]);
      expect(opt.averaged(p)?.[0]).toBeCloseTo(average, 15);
    }
    expect(theta[1]).toBeCloseTo(0.89, 15);
    expect(opt.state.get(p)).toMatchObject({ step: 4, mu: 1 / 3 });
    expect(opt.state.get(p)?.eta).toBeCloseTo(eta(4), 15);
  });

  it("adds weight decay after negating under maximize", () => {
    // λ = 0 (lambd), weightDecay 1, maximize, θ₀ = 1, g = 3: g' = −3 + 1 = −2 → θ₁ = 1 + 0.1·2 = 1.2
    const p = param([1], [3]);
    new ASGD([p], { lr: 0.1, lambd: 0, weightDecay: 1, maximize: true }).step();
    expect(p.data[0]).toBeCloseTo(1.2, 15);
  });

  it("keeps options per group", () => {
    const a = param([1], [1]);
    const b = param([1], [1]);
    new ASGD([{ params: [a] }, { params: [b], lr: 0.5 }], { lr: 0.1, lambd: 0 }).step();
    expect([a.data[0], b.data[0]]).toEqual([0.9, 0.5]);
  });

  it("rejects invalid options", () => {
    expect(() => new ASGD([param([1])], { lambd: -1 })).toThrow("ASGD: lambd is -1");
    expect(() => new ASGD([param([1])], { t0: NaN })).toThrow("ASGD: t0 is NaN");
  });
});
