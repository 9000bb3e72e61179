import { describe, expect, it } from "vitest";
import { ConstantLR } from "./constant-lr";
import { CosineAnnealingLR } from "./cosine-annealing-lr";
import { ExponentialLR } from "./exponential-lr";
import { LinearLR } from "./linear-lr";
import { ReduceLROnPlateau } from "./reduce-lr-on-plateau";
import { constantSchedule } from "./schedules/constant";
import { cosineDecay } from "./schedules/cosine";
import { exponentialDecay } from "./schedules/exponential";
import { joinSchedules } from "./schedules/join";
import { linearWarmup } from "./schedules/linear";
import { SequentialLR } from "./sequential-lr";
import { StepLR } from "./step-lr";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("SequentialLR", () => {
  it("linear warmup then cosine equals joinSchedules([linearWarmup, cosineDecay], [5])", () => {
    const optimizer = sgd([0.1, 0.05]);
    const scheduler = new SequentialLR(optimizer, {
      schedulers: [new LinearLR(optimizer, { startFactor: 0.1, totalIters: 5 }), new CosineAnnealingLR(optimizer, { tMax: 30, etaMin: 0.0005 })],
      milestones: [5],
    });
    const trace = lrTrace(optimizer, scheduler, 35);
    for (const [group, lr] of [0.1, 0.05].entries()) {
      const expected = joinSchedules(
        [linearWarmup({ initValue: 0.1 * lr, peakValue: lr, warmupSteps: 5 }), cosineDecay({ initValue: lr, decaySteps: 30, alpha: 0.0005 / lr })],
        [5],
      );
      expectTraceMatches(trace, group, expected);
    }
  });

  it("restarts the next scheduler at its epoch 0 from the initial lr, not from the current lr", () => {
    const optimizer = sgd([0.1]);
    const scheduler = new SequentialLR(optimizer, {
      schedulers: [new ConstantLR(optimizer, { factor: 0.5, totalIters: 4 }), new ExponentialLR(optimizer, { gamma: 0.9 })],
      milestones: [6],
    });
    const trace = lrTrace(optimizer, scheduler, 20);
    // 0.05 for t < 4, 0.1 for 4 ≤ t < 6, then 0.1 · 0.9^(t − 6)
    const expected = joinSchedules(
      [joinSchedules([constantSchedule({ value: 0.05 }), constantSchedule({ value: 0.1 })], [4]), exponentialDecay({ initValue: 0.1, gamma: 0.9 })],
      [6],
    );
    expectTraceMatches(trace, 0, expected);
  });

  it("undoes the construction steps of the later schedulers", () => {
    const optimizer = sgd([1]);
    // built alone, the two ConstantLRs would leave 1 · 0.5 · 0.2
    const first = new ConstantLR(optimizer, { factor: 0.5, totalIters: 2 });
    const second = new ConstantLR(optimizer, { factor: 0.2, totalIters: 2 });
    expect(optimizer.paramGroups[0].lr).toBeCloseTo(0.1, 15);
    new SequentialLR(optimizer, { schedulers: [first, second], milestones: [3] });
    expect(optimizer.paramGroups[0].lr).toBe(0.5);
    expect([first.lastEpoch, second.lastEpoch]).toEqual([0, -1]);
  });

  it("rejects milestones that do not fit, schedulers of another optimizer, and ReduceLROnPlateau", () => {
    const optimizer = sgd([0.1]);
    const a = new StepLR(optimizer, { stepSize: 2 });
    const b = new ExponentialLR(optimizer, { gamma: 0.9 });
    expect(() => new SequentialLR(optimizer, { schedulers: [a, b], milestones: [] })).toThrow("SequentialLR: milestones is [], expected 1 milestones");
    expect(() => new SequentialLR(optimizer, { schedulers: [a, b, a], milestones: [5, 3] })).toThrow("milestones is [5,3], expected strictly increasing values");
    const other = new StepLR(sgd([1]), { stepSize: 2 });
    expect(() => new SequentialLR(optimizer, { schedulers: [a, other], milestones: [3] })).toThrow("SequentialLR: schedulers[1].optimizer");
    const plateau = new ReduceLROnPlateau(optimizer);
    expect(() => new SequentialLR(optimizer, { schedulers: [a, plateau as never], milestones: [3] })).toThrow("schedulers[1]");
    expect(optimizer.paramGroups[0].lr).toBeCloseTo(0.1, 15);
  });

  it("saves and restores its own and its schedulers' state", () => {
    expectResumes(
      (o) =>
        new SequentialLR(o, {
          schedulers: [new ConstantLR(o, { factor: 0.5, totalIters: 3 }), new ExponentialLR(o, { gamma: 0.9 }), new StepLR(o, { stepSize: 4, gamma: 0.5 })],
          milestones: [5, 12],
        }),
      () => sgd([0.1, 0.03]),
      8,
      15,
    );
  });
});
