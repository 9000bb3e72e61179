import { describe, expect, it } from "vitest";
import { oneCycleSchedule } from "./onecycle";

describe("oneCycleSchedule", () => {
  it("two phases, linear: η_max/div → η_max over pct·T − 1 steps, then down to η_init/finalDiv at T − 1", () => {
    // T = 11, pct 0.2: phase ends 0.2 · 11 − 1 = 1.2 and 10; initial 0.1, min 0.001
    const s = oneCycleSchedule({ peakValue: 1, totalSteps: 11, pctStart: 0.2, annealStrategy: "linear", divFactor: 10, finalDivFactor: 100 });
    expect(s(0)).toBe(0.1);
    expect(s(1)).toBeCloseTo(0.1 + 0.9 / 1.2, 14); // 0.85
    expect(s(2)).toBeCloseTo(1 - 0.999 * (0.8 / 8.8), 14); // pct (2 − 1.2)/(10 − 1.2)
    expect(s(10)).toBeCloseTo(0.001, 15);
  });
  it("is total: from T − 1 on it holds the final value", () => {
    const s = oneCycleSchedule({ peakValue: 1, totalSteps: 11, pctStart: 0.2, annealStrategy: "linear", divFactor: 10, finalDivFactor: 100 });
    expect(s(11)).toBeCloseTo(0.001, 15);
    expect(s(1000)).toBeCloseTo(0.001, 15);
  });
  it("cos: starts at η_max/25, peaks at η_max, ends at η_max/25e4 (defaults)", () => {
    // T = 21, pct 0.5: the rise ends at 9.5; at t = 9 it is not yet at the peak.
    const s = oneCycleSchedule({ peakValue: 1, totalSteps: 21, pctStart: 0.5 });
    expect(s(0)).toBeCloseTo(1 / 25, 15);
    expect(s(20)).toBeCloseTo(1 / 25 / 1e4, 15);
    // t = 9: pct = 9/9.5; cos anneal: 1 + (0.04 − 1)/2 (1 + cos(π · 9/9.5))
    expect(s(9)).toBeCloseTo(1 + ((0.04 - 1) / 2) * (1 + Math.cos((Math.PI * 9) / 9.5)), 15);
  });
  it("three phases: up, back down to the start value, then to the end value", () => {
    // T = 20, pct 0.25: phase ends 4, 8, 19; initial 0.1, min 0.01
    const s = oneCycleSchedule({ peakValue: 1, totalSteps: 20, pctStart: 0.25, annealStrategy: "linear", divFactor: 10, finalDivFactor: 10, threePhase: true });
    expect(s(4)).toBeCloseTo(1, 15);
    expect(s(6)).toBeCloseTo(0.55, 15);
    expect(s(8)).toBeCloseTo(0.1, 15);
    expect(s(14)).toBeCloseTo(0.1 - (0.09 * 6) / 11, 15);
    expect(s(19)).toBeCloseTo(0.01, 15);
  });
  it("rejects total steps <= 0, an unknown strategy, and a zero-length phase", () => {
    expect(() => oneCycleSchedule({ peakValue: 1, totalSteps: 0 })).toThrow("oneCycleSchedule: totalSteps is 0, expected an integer >= 1");
    expect(() => oneCycleSchedule({ peakValue: 1, totalSteps: 10, annealStrategy: "cosine" as never })).toThrow(
      'annealStrategy is "cosine", expected one of "cos", "linear"',
    );
    // 0.1 · 10 − 1 = 0: the rise would have no length
    expect(() => oneCycleSchedule({ peakValue: 1, totalSteps: 10, pctStart: 0.1 })).toThrow("oneCycleSchedule: pctStart is 0.1");
  });
});
