import { describe, expect, it } from "vitest";
import { Adam } from "./adam";
import { AdamW } from "./adamw";
import { param } from "./test-support";

describe("AdamW", () => {
  it("shrinks θ by (1 − γλ) before the Adam step (decoupled decay)", () => {
    // θ₀ = 2, g = 1, γ = 0.1, λ = 0.5, ε = 0: θ ← 2·(1 − 0.05) = 1.9, then − γ·sign(g) → 1.8
    const p = param([2], [1]);
    new AdamW([p], { lr: 0.1, weightDecay: 0.5, eps: 0 }).step();
    expect(p.data[0]).toBeCloseTo(1.8, 14);
  });

  it("equals Adam when weightDecay is 0", () => {
    const a = param([1, -3], [0.2, 0.7]);
    const b = param([1, -3], [0.2, 0.7]);
    const adam = new Adam([a], { lr: 0.05, amsgrad: true });
    const adamW = new AdamW([b], { lr: 0.05, amsgrad: true, weightDecay: 0 });
    for (let k = 0; k < 3; k++) {
      adam.step();
      adamW.step();
    }
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
  });

  it("defaults weightDecay to 1e-2 as PyTorch does", () => {
    expect(new AdamW([param([1])]).paramGroups[0].weightDecay).toBe(0.01);
  });

  it("with maximize steps along the gradient", () => {
    // θ₀ = 1, g = 1, λ = 0: θ₁ = 1 + γ = 1.1
    const p = param([1], [1]);
    new AdamW([p], { lr: 0.1, weightDecay: 0, eps: 0, maximize: true }).step();
    expect(p.data[0]).toBeCloseTo(1.1, 14);
  });

  it("keeps options per group", () => {
    // Group 0 decays (θ ← 2·0.95 − 0.1 = 1.8), group 1 does not (θ ← 2 − 0.1 = 1.9).
    const a = param([2], [1]);
    const b = param([2], [1]);
    new AdamW([{ params: [a], weightDecay: 0.5 }, { params: [b], weightDecay: 0 }], { lr: 0.1, eps: 0 }).step();
    expect(a.data[0]).toBeCloseTo(1.8, 14);
    expect(b.data[0]).toBeCloseTo(1.9, 14);
  });

  it("rejects invalid options", () => {
    expect(() => new AdamW([param([1])], { weightDecay: -1 })).toThrow("AdamW: weightDecay is -1");
    expect(() => new AdamW([param([1])], { betas: [1, 0.9] })).toThrow("AdamW: betas[0] is 1");
  });
});
