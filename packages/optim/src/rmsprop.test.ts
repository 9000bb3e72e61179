import { describe, expect, it } from "vitest";
import { RMSprop } from "./rmsprop";
import { param } from "./test-support";

describe("RMSprop", () => {
  it("divides by the root of the running mean square", () => {
    // γ = 0.01, α = 0.99, ε = 0, θ₀ = 1, g = 2: r = 0.01·4 = 0.04, θ₁ = 1 − 0.01·2/0.2 = 0.9
    const p = param([1], [2]);
    new RMSprop([p], { eps: 0 }).step();
    expect(p.data[0]).toBeCloseTo(0.9, 15);
  });

  it("centered: subtracts the squared running mean of the gradient", () => {
    // ḡ = 0.01·2 = 0.02, r − ḡ² = 0.04 − 0.0004 = 0.0396 → θ₁ = 1 − 0.02/√0.0396
    const p = param([1], [2]);
    new RMSprop([p], { eps: 0, centered: true }).step();
    expect(p.data[0]).toBeCloseTo(1 - 0.02 / Math.sqrt(0.0396), 15);
  });

  it("with momentum accumulates g/√r in a buffer", () => {
    // μ = 0.5, g = 2 twice: step 1 b = 2/0.2 = 10, θ₁ = 0.9;
    // step 2 r = 0.99·0.04 + 0.04 = 0.0796, b = 5 + 2/√0.0796, θ₂ = 0.9 − 0.01 b
    const p = param([1], [2]);
    const opt = new RMSprop([p], { eps: 0, momentum: 0.5 });
    opt.step();
    expect(p.data[0]).toBeCloseTo(0.9, 15);
    opt.step();
    expect(p.data[0]).toBeCloseTo(0.9 - 0.01 * (5 + 2 / Math.sqrt(0.0796)), 15);
  });

  it("adds weight decay after negating under maximize", () => {
    // λ = 1, maximize, θ₀ = 1, g = 3: g' = −2, r = 0.04, θ₁ = 1 + 0.01·2/0.2 = 1.1
    const p = param([1], [3]);
    new RMSprop([p], { eps: 0, weightDecay: 1, maximize: true }).step();
    expect(p.data[0]).toBeCloseTo(1.1, 15);
  });

  it("keeps options (and their state buffers) per group", () => {
    const a = param([1], [2]);
    const b = param([1], [2]);
    const opt = new RMSprop([{ params: [a] }, { params: [b], momentum: 0.3, centered: true }], { eps: 0 });
    opt.step();
    expect(opt.state.get(a)).toMatchObject({ momentumBuffer: null, gradAvg: null });
    expect(opt.state.get(b)?.momentumBuffer?.[0]).toBeCloseTo(2 / Math.sqrt(0.0396), 13);
  });

  it("rejects invalid options", () => {
    expect(() => new RMSprop([param([1])], { alpha: -0.5 })).toThrow("RMSprop: alpha is -0.5");
    expect(() => new RMSprop([param([1])], { momentum: -0.5 })).toThrow("RMSprop: momentum is -0.5");
    expect(() => new RMSprop([param([1])], { centered: "yes" as never })).toThrow('RMSprop: centered is "yes", expected true or false');
  });
});
