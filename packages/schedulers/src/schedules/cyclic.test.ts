import { describe, expect, it } from "vitest";
import { cyclicSchedule } from "./cyclic";

describe("cyclicSchedule", () => {
  const base = { baseValue: 0.01, maxValue: 0.1, stepSizeUp: 5 };
  it("triangular: up over stepSizeUp, down over stepSizeDown, same amplitude", () => {
    const s = cyclicSchedule(base);
    // t = 2: 0.01 + 0.09 · 2/5 = 0.046; t = 5: peak; t = 7: 0.01 + 0.09 · 3/5 = 0.064; t = 10: back at base
    expect(s(0)).toBe(0.01);
    expect(s(2)).toBeCloseTo(0.046, 15);
    expect(s(5)).toBeCloseTo(0.1, 15);
    expect(s(7)).toBeCloseTo(0.064, 15);
    expect(s(10)).toBeCloseTo(0.01, 15);
    expect(s(15)).toBeCloseTo(0.1, 15);
  });
  it("triangular2 halves the amplitude every cycle", () => {
    const s = cyclicSchedule({ ...base, mode: "triangular2" });
    // peaks at t = 5, 15, 25: 0.01 + 0.09 · 1, 1/2, 1/4
    expect(s(15)).toBeCloseTo(0.055, 15);
    expect(s(25)).toBeCloseTo(0.0325, 15);
  });
  it("expRange scales the amplitude by γ^t", () => {
    // t = 5: 0.01 + 0.09 · 0.9⁵ = 0.01 + 0.09 · 0.59049 = 0.0631441
    expect(cyclicSchedule({ ...base, mode: "expRange", gamma: 0.9 })(5)).toBeCloseTo(0.0631441, 15);
  });
  it("handles a shorter way down", () => {
    // up 2, down 3: t = 3 is 1/3 of the way down: 0.01 + 0.09 · 2/3 = 0.07
    const s = cyclicSchedule({ ...base, stepSizeUp: 2, stepSizeDown: 3 });
    expect(s(2)).toBeCloseTo(0.1, 15);
    expect(s(3)).toBeCloseTo(0.07, 15);
    expect(s(5)).toBeCloseTo(0.01, 15);
  });
  it("rejects an unknown mode, naming the allowed ones", () => {
    expect(() => cyclicSchedule({ ...base, mode: "exp_range" as never })).toThrow(
      'cyclicSchedule: mode is "exp_range", expected one of "triangular", "triangular2", "expRange"',
    );
    expect(() => cyclicSchedule({ ...base, stepSizeUp: 0 })).toThrow("stepSizeUp is 0");
  });
});
