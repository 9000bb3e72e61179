import { describe, expect, it } from "vitest";
import { ConstantLR } from "./constant-lr";
import { constantSchedule } from "./schedules/constant";
import { joinSchedules } from "./schedules/join";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("ConstantLR", () => {
  it("alone is factor · lr before totalIters and lr after: a join of two constants", () => {
    const optimizer = sgd([0.1]);
    const scheduler = new ConstantLR(optimizer, { factor: 0.25, totalIters: 4 });
    const trace = lrTrace(optimizer, scheduler, 12);
    expectTraceMatches(trace, 0, joinSchedules([constantSchedule({ value: 0.025 }), constantSchedule({ value: 0.1 })], [4]));
  });

  it("defaults to factor 1/3 for 5 epochs", () => {
    const optimizer = sgd([0.3]);
    const scheduler = new ConstantLR(optimizer);
    const trace = lrTrace(optimizer, scheduler, 6);
    expect(trace[4][0]).toBeCloseTo(0.1, 15);
    expect(trace[5][0]).toBeCloseTo(0.3, 15);
  });

  it("rejects a factor outside (0, 1]", () => {
    expect(() => new ConstantLR(sgd([1]), { factor: 1.5 })).toThrow("ConstantLR: factor is 1.5, expected a finite number in (0, 1]");
    expect(() => new ConstantLR(sgd([1]), { factor: 0 })).toThrow("factor is 0");
    expect(() => new ConstantLR(sgd([1]), { totalIters: 0 })).toThrow("totalIters is 0, expected an integer >= 1");
  });

  it("saves and restores its state", () => {
    expectResumes((o) => new ConstantLR(o, { factor: 0.5, totalIters: 10 }), () => sgd([0.1]));
  });
});
