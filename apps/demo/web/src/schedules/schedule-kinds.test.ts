import { describe, expect, test } from "vitest";
import { lrFactor, parseList, SCHEDULE_KINDS, scheduleKind } from "./schedule-kinds";

describe("schedule kinds", () => {
  test.each(SCHEDULE_KINDS.map((k) => k.id))("%s: the defaults make a valid schedule for short and long runs", (id) => {
    const kind = scheduleKind(id);
    for (const horizon of [2, 100, 20_000]) {
      const schedule = kind.create(kind.defaults(horizon));
      for (const t of [0, 1, horizon - 1, horizon]) expect(Number.isFinite(schedule(t))).toBe(true);
    }
  });

  test("as an lr factor the scale setting is 1", () => {
    // cosineDecay at t = 0 is η₀ and at T/2 is η₀/2; with η₀ forced to 1: 1 and 0.5.
    const kind = scheduleKind("cosineDecay");
    const factor = lrFactor(kind, { initValue: 0.3, decaySteps: 10, alpha: 0 });
    expect(factor(0)).toBe(1);
    expect(factor(5)).toBeCloseTo(0.5, 15);
  });

  test("multi-step milestones come from a comma-separated list", () => {
    expect(parseList("100, 200,300")).toEqual([100, 200, 300]);
    expect(parseList(" ")).toEqual([]);
    // 0.1 · 0.1^(milestones ≤ t): 0.1 before 3, 0.01 from 3, 0.001 from 5.
    const schedule = scheduleKind("multiStepDecay").create({ initValue: 0.1, milestones: "3,5", gamma: 0.1 });
    expect([schedule(2), schedule(3), schedule(5)].map((v) => Number(v.toPrecision(12)))).toEqual([0.1, 0.01, 0.001]);
  });

  test("a bad setting throws the schedulers' error naming it", () => {
    expect(() => scheduleKind("stepDecay").create({ initValue: 0.1, stepSize: 0, gamma: 0.5 })).toThrow(/stepSize/);
  });
});
