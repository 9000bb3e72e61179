import { describe, expect, it } from "vitest";
import { polynomialDecay } from "./polynomial";

describe("polynomialDecay", () => {
  it("is (η₀ − η_T)(1 − min(t,T)/T)^p + η_T", () => {
    const s = polynomialDecay({ initValue: 1, decaySteps: 4, power: 2 });
    // (1 − t/4)²: 1, 0.5625, 0.25, then 0 from t = 4 on
    expect([s(0), s(1), s(2), s(4), s(100)]).toEqual([1, 0.5625, 0.25, 0, 0]);
    // linear to 0.1: 0.9 · 0.5 + 0.1 = 0.55 at t = 2 of 4
    expect(polynomialDecay({ initValue: 1, endValue: 0.1, decaySteps: 4 })(2)).toBeCloseTo(0.55, 15);
  });
  it("rejects total steps <= 0", () => {
    expect(() => polynomialDecay({ initValue: 1, decaySteps: 0 })).toThrow("polynomialDecay: decaySteps is 0, expected an integer >= 1");
  });
});
