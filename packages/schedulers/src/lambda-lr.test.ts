import { describe, expect, it } from "vitest";
import { LambdaLR } from "./lambda-lr";
import { inverseTimeDecay } from "./schedules/exponential";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("LambdaLR", () => {
  it("scales the initial lr by λ(epoch): with λ a normalized pure schedule it is that schedule", () => {
    const schedule = inverseTimeDecay({ initValue: 1, decayRate: 0.1 });
    const optimizer = sgd([0.1, 0.02]);
    const scheduler = new LambdaLR(optimizer, { lrLambda: schedule });
    const trace = lrTrace(optimizer, scheduler, 40);
    expectTraceMatches(trace, 0, inverseTimeDecay({ initValue: 0.1, decayRate: 0.1 }));
    expectTraceMatches(trace, 1, inverseTimeDecay({ initValue: 0.02, decayRate: 0.1 }));
  });

  it("takes one function per group", () => {
    const optimizer = sgd([1, 1]);
    const scheduler = new LambdaLR(optimizer, { lrLambda: [(t) => 0.5 ** t, (t) => 1 / (1 + t)] });
    scheduler.step();
    scheduler.step();
    expect(optimizer.paramGroups.map((g) => g.lr)).toEqual([0.25, 1 / 3]);
    expect(() => new LambdaLR(sgd([1, 1]), { lrLambda: [(t) => t] })).toThrow('LambdaLR: lrLambda is ["<function>"], expected a function or a list of 2 functions');
  });

  it("a λ that returns NaN fails the step and changes nothing", () => {
    const optimizer = sgd([1]);
    const scheduler = new LambdaLR(optimizer, { lrLambda: (t) => (t === 3 ? Number.NaN : 1 / (1 + t)) });
    scheduler.step();
    scheduler.step();
    expect(() => {
      scheduler.step();
    }).toThrow("LambdaLR.step: lr of group 0 is NaN, expected a finite number");
    expect(scheduler.lastEpoch).toBe(2);
    expect(optimizer.paramGroups[0].lr).toBeCloseTo(1 / 3, 15);
  });

  it("rejects a λ that is not a function", () => {
    expect(() => new LambdaLR(sgd([1]), { lrLambda: 0.9 as never })).toThrow("LambdaLR: lrLambda is 0.9, expected a function");
  });

  it("saves and restores its progress (not the function)", () => {
    expectResumes((o) => new LambdaLR(o, { lrLambda: (t) => 0.9 ** t }), () => sgd([0.1]));
    expect(new LambdaLR(sgd([0.1]), { lrLambda: (t) => 0.9 ** t }).stateDict()).toEqual({ lastEpoch: 0, stepCount: 1, baseLrs: [0.1], lastLr: [0.1] });
  });
});
