import { describe, expect, it } from "vitest";
import { exponentialDecay, inverseSqrtDecay, inverseTimeDecay } from "./exponential";

describe("exponentialDecay", () => {
  it("is η₀ γ^t", () => {
    const s = exponentialDecay({ initValue: 2, gamma: 0.9 });
    // 2, 1.8, 1.62; 2 · 0.9^10 = 0.6973568802
    expect(s(0)).toBe(2);
    expect(s(1)).toBeCloseTo(1.8, 15);
    expect(s(2)).toBeCloseTo(1.62, 15);
    expect(s(10)).toBeCloseTo(0.6973568802, 10);
  });
  it("gives the lecture's η₀ exp(−kt) with γ = exp(−k)", () => {
    // k = 0.1, t = 10: exp(−1) = 0.36787944117144233
    expect(exponentialDecay({ initValue: 1, gamma: Math.exp(-0.1) })(10)).toBeCloseTo(0.36787944117144233, 14);
  });
  it("rejects γ <= 0", () => {
    expect(() => exponentialDecay({ initValue: 1, gamma: 0 })).toThrow("exponentialDecay: gamma is 0");
  });
});

describe("inverseTimeDecay and inverseSqrtDecay", () => {
  it("inverse time is η₀/(1 + kt)", () => {
    const s = inverseTimeDecay({ initValue: 1, decayRate: 0.5 });
    // 1/(1+0) = 1, 1/(1+1) = 0.5, 1/(1+2) = 1/3
    expect([s(0), s(2)]).toEqual([1, 0.5]);
    expect(s(4)).toBeCloseTo(1 / 3, 15);
  });
  it("inverse sqrt is η₀/√(1 + kt)", () => {
    const s = inverseSqrtDecay({ initValue: 2, decayRate: 1 });
    // 2/√4 = 1, 2/√9 = 2/3
    expect(s(3)).toBe(1);
    expect(s(8)).toBeCloseTo(2 / 3, 15);
  });
  it("rejects a negative decay rate", () => {
    expect(() => inverseTimeDecay({ initValue: 1, decayRate: -1 })).toThrow("inverseTimeDecay: decayRate is -1, expected a finite number >= 0");
    expect(() => inverseSqrtDecay({ initValue: 0, decayRate: 1 })).toThrow("inverseSqrtDecay: initValue is 0");
  });
});
