import { describe, expect, it } from "vitest";
import { NAdam } from "./nadam";
import { param } from "./test-support";

/** μₜ = β₁ (1 − ½ · 0.96^(t ψ)) (Dozat; PyTorch's momentum_decay ψ). */
const mu = (t: number, beta1 = 0.9, psi = 0.004) => beta1 * (1 - 0.5 * 0.96 ** (t * psi));

describe("NAdam", () => {
  it("mixes the gradient and the momentum with Dozat's bias corrections (torch 2.0's fixed form)", () => {
    // γ = 0.1, β = (0.9, 0.999), ε = 0, θ₀ = 1, g = 2 twice.
    // step 1: m = 0.2, v = 0.004, √(v/0.001) = 2:
    //   θ₁ = 1 − 0.1(1 − μ₁)/(1 − μ₁)·2/2 − 0.1 μ₂/(1 − μ₁μ₂)·0.2/2 = 0.9 − 0.01 μ₂/(1 − μ₁μ₂)
    // step 2: m = 0.38, v = 0.007996, √(v/0.001999) = 2:
    //   θ₂ = θ₁ − 0.1(1 − μ₂)/(1 − μ₁μ₂) − 0.1 μ₃/(1 − μ₁μ₂μ₃)·0.19
    const p = param([1], [2]);
    const opt = new NAdam([p], { lr: 0.1, eps: 0 });
    opt.step();
    const theta1 = 0.9 - (0.01 * mu(2)) / (1 - mu(1) * mu(2));
    expect(p.data[0]).toBeCloseTo(theta1, 15);
    opt.step();
    const theta2 = theta1 - (0.1 * (1 - mu(2))) / (1 - mu(1) * mu(2)) - ((0.1 * mu(3)) / (1 - mu(1) * mu(2) * mu(3))) * 0.19;
    expect(p.data[0]).toBeCloseTo(theta2, 14);
    expect(opt.state.get(p)?.muProduct).toBeCloseTo(mu(1) * mu(2), 15);
  });

  it("adds weight decay to the gradient", () => {
    // λ = 1, θ₀ = 1, g = −1: g' = 0, so m = v = 0 and θ stays (ε keeps 0/0 away)
    const p = param([1], [-1]);
    new NAdam([p], { weightDecay: 1 }).step();
    expect(p.data[0]).toBe(1);
  });

  it("has no maximize option (none in torch 1.13)", () => {
    expect(() => new NAdam([param([1])], { maximize: true } as never)).toThrow('NAdam: unknown option "maximize"');
  });

  it("keeps options per group", () => {
    // momentumDecay 0 makes μ constant 0.45: θ₁ = 0.9 − 0.01·0.45/(1 − 0.45²)
    const a = param([1], [2]);
    const b = param([1], [2]);
    new NAdam([{ params: [a] }, { params: [b], momentumDecay: 0 }], { lr: 0.1, eps: 0 }).step();
    expect(a.data[0]).toBeCloseTo(0.9 - (0.01 * mu(2)) / (1 - mu(1) * mu(2)), 15);
    expect(b.data[0]).toBeCloseTo(0.9 - (0.01 * 0.45) / (1 - 0.45 * 0.45), 15);
  });

  it("rejects invalid options", () => {
    expect(() => new NAdam([param([1])], { momentumDecay: -1 })).toThrow("NAdam: momentumDecay is -1");
    expect(() => new NAdam([param([1])], { betas: [0.9, 1] })).toThrow("NAdam: betas[1] is 1");
  });
});
