import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors";
import { stepDecay } from "./schedules/step-decay";
import { StepLR } from "./step-lr";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("StepLR", () => {
  it("alone equals stepDecay step by step, for every group", () => {
    const optimizer = sgd([0.1, 0.03]);
    const scheduler = new StepLR(optimizer, { stepSize: 3, gamma: 0.5 });
    const trace = lrTrace(optimizer, scheduler, 20);
    expectTraceMatches(trace, 0, stepDecay({ initValue: 0.1, stepSize: 3, gamma: 0.5 }));
    expectTraceMatches(trace, 1, stepDecay({ initValue: 0.03, stepSize: 3, gamma: 0.5 }));
  });

  it("takes the construction step: lastEpoch 0, initialLr recorded, lr unchanged", () => {
    const optimizer = sgd([0.1]);
    const scheduler = new StepLR(optimizer, { stepSize: 3 });
    expect(scheduler.lastEpoch).toBe(0);
    expect(optimizer.paramGroups[0]).toMatchObject({ lr: 0.1, initialLr: 0.1 });
    expect(scheduler.getLastLr()).toEqual([0.1]);
  });

  it("is chainable: it multiplies whatever lr the group has", () => {
    const optimizer = sgd([0.1]);
    const scheduler = new StepLR(optimizer, { stepSize: 2, gamma: 0.5 });
    scheduler.step(); // epoch 1: unchanged
    optimizer.paramGroups[0].lr = 1; // someone else changes it
    scheduler.step(); // epoch 2: × 0.5
    expect(optimizer.paramGroups[0].lr).toBe(0.5);
  });

  it("step(epoch) jumps there with the closed form", () => {
    const optimizer = sgd([0.1]);
    const scheduler = new StepLR(optimizer, { stepSize: 3, gamma: 0.5 });
    scheduler.step(7); // 0.1 · 0.5^⌊7/3⌋ = 0.025
    expect(optimizer.paramGroups[0].lr).toBeCloseTo(0.025, 15);
    expect(scheduler.lastEpoch).toBe(7);
  });

  it("rejects γ <= 0 without touching the optimizer", () => {
    const optimizer = sgd([0.1]);
    expect(() => new StepLR(optimizer, { stepSize: 3, gamma: 0 })).toThrow("StepLR: gamma is 0, expected a finite number > 0");
    expect(() => new StepLR(optimizer, { stepSize: 0 })).toThrow(InvalidArgumentError);
    expect(optimizer.paramGroups[0]).toEqual({ lr: 0.1, momentum: 0 });
  });

  it("rejects an optimizer without parameter groups, or a negative lr", () => {
    expect(() => new StepLR({ paramGroups: [] }, { stepSize: 1 })).toThrow("StepLR: optimizer.paramGroups is [], expected a non-empty array");
    expect(() => new StepLR(sgd([-1]), { stepSize: 1 })).toThrow("StepLR: optimizer.paramGroups[0].lr is -1, expected a finite number >= 0");
  });

  it("resumes from lastEpoch when the groups carry initialLr", () => {
    const optimizer = sgd([0.05]);
    expect(() => new StepLR(optimizer, { stepSize: 5, gamma: 0.5, lastEpoch: 9 })).toThrow("initialLr is undefined");
    optimizer.paramGroups[0].initialLr = 0.1;
    // the construction step goes to epoch 10, a multiple of 5: 0.05 · 0.5
    const scheduler = new StepLR(optimizer, { stepSize: 5, gamma: 0.5, lastEpoch: 9 });
    expect(scheduler.lastEpoch).toBe(10);
    expect(optimizer.paramGroups[0].lr).toBe(0.025);
  });

  it("saves and restores its state", () => {
    expectResumes((o) => new StepLR(o, { stepSize: 3, gamma: 0.5 }), () => sgd([0.1, 0.2]));
    const scheduler = new StepLR(sgd([0.1]), { stepSize: 3, gamma: 0.5 });
    expect(scheduler.stateDict()).toEqual({ lastEpoch: 0, stepCount: 1, baseLrs: [0.1], lastLr: [0.1], stepSize: 3, gamma: 0.5 });
    expect(() => { scheduler.loadStateDict({ ...scheduler.stateDict(), gamma: -1 }); }).toThrow("StepLR.loadStateDict: gamma is -1");
  });
});
