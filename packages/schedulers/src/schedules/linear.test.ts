import { describe, expect, it } from "vitest";
import { linearToFloor, linearWarmup } from "./linear";

describe("linearToFloor (the lecture's ε_k = (1 − k/τ)ε₀ + (k/τ)ε_τ)", () => {
  const s = linearToFloor({ initValue: 0.1, floorValue: 0.001, decaySteps: 100 });
  it("interpolates, then stays at the floor", () => {
    // k = 25: 0.75 · 0.1 + 0.25 · 0.001 = 0.07525; k = 50: 0.0505
    expect(s(0)).toBe(0.1);
    expect(s(25)).toBeCloseTo(0.07525, 15);
    expect(s(50)).toBeCloseTo(0.0505, 15);
    expect([s(100), s(1000)]).toEqual([0.001, 0.001]);
  });
  it("rejects a negative floor and τ <= 0", () => {
    expect(() => linearToFloor({ initValue: 0.1, floorValue: -0.001, decaySteps: 10 })).toThrow("linearToFloor: floorValue is -0.001");
    expect(() => linearToFloor({ initValue: 0.1, floorValue: 0, decaySteps: -3 })).toThrow("decaySteps is -3");
  });
});

describe("linearWarmup", () => {
  it("climbs from initValue (default 0) to the peak, then holds", () => {
    const s = linearWarmup({ peakValue: 0.1, warmupSteps: 10 });
    expect([s(0), s(10), s(20)]).toEqual([0, 0.1, 0.1]);
    expect(s(5)).toBeCloseTo(0.05, 15);
    // 0.02 + 0.08 · 4/10 = 0.052
    expect(linearWarmup({ initValue: 0.02, peakValue: 0.1, warmupSteps: 10 })(4)).toBeCloseTo(0.052, 15);
  });
});
