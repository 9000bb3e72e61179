import { describe, expect, it } from "vitest";
import { Adam, adamUpdate } from "./adam";
import { param, setGrad } from "./test-support";

describe("Adam", () => {
  it("moves by lr·sign(g) while the gradient is constant (bias correction makes m̂ = g, v̂ = g²)", () => {
    // With ε = 0: m̂ₜ = g (1 − β₁ᵗ)/(1 − β₁ᵗ) and v̂ₜ = g², so θ ← θ − γ g/|g| at every step.
    // θ₀ = [1, −1], g = [0.5, −2], γ = 0.1 → θ₁ = [0.9, −0.9], θ₂ = [0.8, −0.8]
    const p = param([1, -1], [0.5, -2]);
    const opt = new Adam([p], { lr: 0.1, eps: 0 });
    opt.step();
    expect(p.data[0]).toBeCloseTo(0.9, 14);
    expect(p.data[1]).toBeCloseTo(-0.9, 14);
    opt.step();
    expect(p.data[0]).toBeCloseTo(0.8, 14);
    expect(p.data[1]).toBeCloseTo(-0.8, 14);
    expect(opt.state.get(p)?.step).toBe(2);
  });

  it("with amsgrad divides by the largest second moment seen", () => {
    // γ = 0.1, β = (0.9, 0.999), ε = 0, θ₀ = 0; g₁ = 1, g₂ = 0.
    // step 1: θ₁ = −0.1.  step 2: m = 0.09, m̂ = 0.09/0.19 = 9/19; v₂ = 0.999·0.001 = 0.000999,
    // max(v₁, v₂) = 0.001; √(v/(1 − 0.999²)) = √(1000/1999) with amsgrad, √(999/1999) without.
    for (const amsgrad of [true, false]) {
      const p = param([0], [1]);
      const opt = new Adam([p], { lr: 0.1, eps: 0, amsgrad });
      opt.step();
      setGrad(p, [0]);
      opt.step();
      const denominator = Math.sqrt((amsgrad ? 1000 : 999) / 1999);
      expect(p.data[0]).toBeCloseTo(-0.1 - (0.1 * (9 / 19)) / denominator, 14);
    }
  });

  it("adds weight decay to the gradient (L2), negating the gradient first under maximize", () => {
    // θ₀ = 2, g = 1, λ = 0.5, maximize: g' = −1 + 0.5·2 = 0, so m = v = 0 and θ stays at 2 (0/0 avoided by ε).
    const p = param([2], [1]);
    new Adam([p], { lr: 0.1, weightDecay: 0.5, maximize: true }).step();
    expect(p.data[0]).toBe(2);
    // Without maximize g' = 1 + 1 = 2 > 0, so θ₁ = 2 − 0.1·2/(2 + 1e-8) ≈ 1.9.
    const q = param([2], [1]);
    new Adam([q], { lr: 0.1, weightDecay: 0.5 }).step();
    expect(q.data[0]).toBeCloseTo(1.9, 7);
  });

  it("ascends with maximize: the step goes along the gradient", () => {
    // Constant g = 3, ε = 0: θ ← θ + γ at each step.
    const p = param([1], [3]);
    const opt = new Adam([p], { lr: 0.25, eps: 0, maximize: true });
    opt.step();
    opt.step();
    expect(p.data[0]).toBeCloseTo(1.5, 14);
  });

  it("keeps state per parameter and options per group", () => {
    const a = param([0], [1]);
    const b = param([0], [1]);
    const opt = new Adam([{ params: [a] }, { params: [b], lr: 0.3 }], { lr: 0.1, eps: 0 });
    opt.step();
    expect(a.data[0]).toBeCloseTo(-0.1, 14);
    expect(b.data[0]).toBeCloseTo(-0.3, 14);
    expect(opt.state.size).toBe(2);
  });

  it("the pure rule works on float32 arrays too", () => {
    const p = new Float32Array([1]);
    const state = { step: 0, expAvg: new Float32Array(1), expAvgSq: new Float32Array(1), maxExpAvgSq: null };
    adamUpdate(p, new Float32Array([2]), state, 1, { lr: 0.5, betas: [0.9, 0.999], eps: 0, weightDecay: 0, amsgrad: false, maximize: false });
    expect(p[0]).toBeCloseTo(0.5, 6);
  });

  it("rejects invalid options, naming the option and the value", () => {
    const p = () => [param([1], [1])];
    expect(() => new Adam(p(), { lr: -1 })).toThrow("Adam: lr is -1, expected a finite number >= 0");
    expect(() => new Adam(p(), { lr: Infinity })).toThrow("Adam: lr is Infinity");
    expect(() => new Adam(p(), { betas: [0.9, 1] })).toThrow("Adam: betas[1] is 1, expected a number in [0, 1)");
    expect(() => new Adam(p(), { betas: [-0.1, 0.9] })).toThrow("Adam: betas[0] is -0.1");
    expect(() => new Adam(p(), { betas: [0.9] as never })).toThrow("Adam: betas is [0.9], expected a pair");
    expect(() => new Adam(p(), { eps: -1e-8 })).toThrow("Adam: eps is -1e-8");
    expect(() => new Adam(p(), { eps: NaN })).toThrow("Adam: eps is NaN");
    expect(() => new Adam(p(), { weightDecay: -0.1 })).toThrow("Adam: weightDecay is -0.1");
    expect(() => new Adam(p(), { amsgrad: 1 as never })).toThrow("Adam: amsgrad is 1, expected true or false");
  });
});
