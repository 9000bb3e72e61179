import { describe, expect, it } from "vitest";
import { constantSchedule } from "./constant";
import { cosineDecay } from "./cosine";
import { exponentialDecay } from "./exponential";
import { joinSchedules, warmup } from "./join";

describe("joinSchedules", () => {
  it("switches at each boundary and restarts the next schedule at its step 0", () => {
    const s = joinSchedules([constantSchedule({ value: 1 }), exponentialDecay({ initValue: 1, gamma: 0.5 })], [3]);
    // t < 3: 1; t = 3: 0.5⁰ = 1; t = 5: 0.5² = 0.25
    expect([s(0), s(2), s(3), s(4), s(5)]).toEqual([1, 1, 1, 0.5, 0.25]);
  });
  it("joins three pieces", () => {
    const s = joinSchedules([constantSchedule({ value: 1 }), constantSchedule({ value: 2 }), constantSchedule({ value: 3 })], [2, 5]);
    expect([0, 1, 2, 4, 5, 9].map(s)).toEqual([1, 1, 2, 2, 3, 3]);
  });
  it("rejects boundaries that do not increase or do not fit the schedules", () => {
    const c = constantSchedule({ value: 1 });
    expect(() => joinSchedules([c, c, c], [5, 5])).toThrow("joinSchedules: boundaries is [5,5], expected strictly increasing values");
    expect(() => joinSchedules([c, c], [1, 2])).toThrow("expected 1 boundaries (one fewer than the 2 schedules)");
    expect(() => joinSchedules([c, 3 as never], [1])).toThrow("schedules[1] is 3, expected a function");
    expect(() => joinSchedules([], [])).toThrow("expected a non-empty array of schedules");
  });
});

describe("warmup", () => {
  const cosine = cosineDecay({ initValue: 0.1, decaySteps: 100 });
  it("ramps linearly from 0 to schedule(0), then runs the schedule from its start", () => {
    const s = warmup(cosine, 10);
    // t = 5: 0.05; t = 10: cosine(0) = 0.1; t = 60: cosine(50) = 0.05
    expect(s(0)).toBe(0);
    expect(s(5)).toBeCloseTo(0.05, 15);
    expect(s(10)).toBeCloseTo(0.1, 15);
    expect(s(60)).toBeCloseTo(0.05, 15);
  });
  it("can start above 0", () => {
    // 0.02 + (0.1 − 0.02) · 5/10 = 0.06
    expect(warmup(cosine, 10, { initValue: 0.02 })(5)).toBeCloseTo(0.06, 15);
  });
  it("rejects a warmup of zero steps", () => {
    expect(() => warmup(cosine, 0)).toThrow("warmup: steps is 0, expected an integer >= 1");
  });
});
