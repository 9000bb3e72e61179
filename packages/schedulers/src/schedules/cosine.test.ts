import { describe, expect, it } from "vitest";
import { cosineDecay, cosineWarmRestarts } from "./cosine";

describe("cosineDecay", () => {
  it("is η₀ ((1 − α) (1 + cos(π min(t,T)/T))/2 + α)", () => {
    const s = cosineDecay({ initValue: 1, decaySteps: 10 });
    // t = 5: (1 + cos(π/2))/2 = 0.5; t = 10 and later: (1 + cos π)/2 = 0
    expect(s(0)).toBe(1);
    expect(s(5)).toBeCloseTo(0.5, 15);
    expect([s(10), s(20)]).toEqual([0, 0]);
    // T = 6, t = 2: (1 + cos(π/3))/2 = 0.75
    expect(cosineDecay({ initValue: 1, decaySteps: 6 })(2)).toBeCloseTo(0.75, 15);
  });
  it("keeps the floor α η₀", () => {
    const s = cosineDecay({ initValue: 2, decaySteps: 10, alpha: 0.1 });
    // t = 5: 2 (0.9 · 0.5 + 0.1) = 1.1; t = 10: 2 · 0.1 = 0.2
    expect(s(5)).toBeCloseTo(1.1, 15);
    expect(s(10)).toBeCloseTo(0.2, 15);
    expect(s(99)).toBeCloseTo(0.2, 15);
  });
  it("rejects α outside [0, 1] and T <= 0", () => {
    expect(() => cosineDecay({ initValue: 1, decaySteps: 10, alpha: 1.5 })).toThrow("cosineDecay: alpha is 1.5, expected a finite number in [0, 1]");
    expect(() => cosineDecay({ initValue: 1, decaySteps: 0 })).toThrow("decaySteps is 0");
  });
});

describe("cosineWarmRestarts", () => {
  it("restarts after cycles of T₀, T₀·tMult, T₀·tMult², ...", () => {
    // cycles [0,4), [4,12), [12,28)
    const s = cosineWarmRestarts({ initValue: 1, t0: 4, tMult: 2 });
    expect(s(0)).toBe(1);
    expect(s(2)).toBeCloseTo(0.5, 15); // T_cur 2 of 4
    expect(s(4)).toBe(1); // restart
    expect(s(6)).toBeCloseTo((1 + Math.SQRT1_2) / 2, 15); // T_cur 2 of 8: (1 + cos(π/4))/2
    expect(s(12)).toBe(1);
    expect(s(20)).toBeCloseTo(0.5, 15); // T_cur 8 of 16
  });
  it("with tMult 1 repeats every T₀ steps, down to η_min", () => {
    const s = cosineWarmRestarts({ initValue: 1, t0: 5, etaMin: 0.1 });
    // t = 12: T_cur = 2 of 5: 0.1 + 0.9 (1 + cos(2π/5))/2, cos(2π/5) = 0.30901699437494745
    expect(s(12)).toBeCloseTo(0.1 + (0.9 * (1 + 0.30901699437494745)) / 2, 15);
    expect(s(10)).toBe(1);
  });
  it("rejects a non-integer T₀ and tMult < 1", () => {
    expect(() => cosineWarmRestarts({ initValue: 1, t0: 2.5 })).toThrow("cosineWarmRestarts: t0 is 2.5, expected an integer >= 1");
    expect(() => cosineWarmRestarts({ initValue: 1, t0: 2, tMult: 0 })).toThrow("tMult is 0");
  });
});
