import { describe, expect, it } from "vitest";
import { MultiStepLR } from "./multi-step-lr";
import { multiStepDecay } from "./schedules/step-decay";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("MultiStepLR", () => {
  it("alone equals multiStepDecay step by step, a repeated milestone applying γ twice", () => {
    const optimizer = sgd([0.2, 0.01]);
    const scheduler = new MultiStepLR(optimizer, { milestones: [3, 3, 8], gamma: 0.5 });
    const trace = lrTrace(optimizer, scheduler, 15);
    expectTraceMatches(trace, 0, multiStepDecay({ initValue: 0.2, milestones: [3, 3, 8], gamma: 0.5 }));
    expectTraceMatches(trace, 1, multiStepDecay({ initValue: 0.01, milestones: [3, 3, 8], gamma: 0.5 }));
    // by hand: epoch 3 multiplies by 0.25, epoch 8 by 0.5
    expect(trace[3][0]).toBeCloseTo(0.05, 15);
    expect(trace[8][0]).toBeCloseTo(0.025, 15);
  });

  it("step(epoch) counts every milestone <= epoch (torch's bisect_right)", () => {
    const optimizer = sgd([1]);
    const scheduler = new MultiStepLR(optimizer, { milestones: [3, 3, 8], gamma: 0.5 });
    scheduler.step(8);
    expect(optimizer.paramGroups[0].lr).toBe(0.125);
  });

  it("rejects milestones that decrease, and γ <= 0", () => {
    expect(() => new MultiStepLR(sgd([1]), { milestones: [10, 5] })).toThrow("MultiStepLR: milestones is [10,5], expected values in non-decreasing order");
    expect(() => new MultiStepLR(sgd([1]), { milestones: [5], gamma: -0.1 })).toThrow("MultiStepLR: gamma is -0.1");
  });

  it("saves and restores its state", () => {
    expectResumes((o) => new MultiStepLR(o, { milestones: [3, 9, 9], gamma: 0.5 }), () => sgd([0.1, 0.2]));
  });
});
