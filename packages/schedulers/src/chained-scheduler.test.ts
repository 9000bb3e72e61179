import { describe, expect, it } from "vitest";
import { ChainedScheduler } from "./chained-scheduler";
import { ConstantLR } from "./constant-lr";
import { ExponentialLR } from "./exponential-lr";
import { LinearLR } from "./linear-lr";
import { MultiStepLR } from "./multi-step-lr";
import { exponentialDecay } from "./schedules/exponential";
import { linearWarmup } from "./schedules/linear";
import { multiStepDecay } from "./schedules/step-decay";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("ChainedScheduler", () => {
  it("composes the factors: ConstantLR × ExponentialLR is 0.1 · γ^t before totalIters, γ^t after", () => {
    const optimizer = sgd([0.1, 0.05]);
    const scheduler = new ChainedScheduler([new ConstantLR(optimizer, { factor: 0.1, totalIters: 4 }), new ExponentialLR(optimizer, { gamma: 0.9 })]);
    const trace = lrTrace(optimizer, scheduler, 30);
    for (const [group, lr] of [0.1, 0.05].entries()) {
      const exponential = exponentialDecay({ initValue: lr, gamma: 0.9 });
      expectTraceMatches(trace, group, (t) => exponential(t) * (t < 4 ? 0.1 : 1));
    }
  });

  it("LinearLR warmup × MultiStepLR is the product of the pure schedules (over the initial lr)", () => {
    const optimizer = sgd([0.2]);
    const scheduler = new ChainedScheduler([new LinearLR(optimizer, { startFactor: 0.2, totalIters: 6 }), new MultiStepLR(optimizer, { milestones: [10, 20], gamma: 0.5 })]);
    const trace = lrTrace(optimizer, scheduler, 30);
    const warm = linearWarmup({ initValue: 0.04, peakValue: 0.2, warmupSteps: 6 });
    const steps = multiStepDecay({ initValue: 1, milestones: [10, 20], gamma: 0.5 });
    expectTraceMatches(trace, 0, (t) => warm(t) * steps(t));
  });

  it("rejects an empty list and schedulers of different optimizers", () => {
    expect(() => new ChainedScheduler([])).toThrow("ChainedScheduler: schedulers is [], expected a non-empty array of schedulers");
    const a = new ExponentialLR(sgd([1]), { gamma: 0.9 });
    const b = new ExponentialLR(sgd([1]), { gamma: 0.9 });
    expect(() => new ChainedScheduler([a, b])).toThrow("ChainedScheduler: schedulers[1].optimizer");
  });

  it("saves and restores every scheduler's state", () => {
    expectResumes(
      (o) => new ChainedScheduler([new ConstantLR(o, { factor: 0.1, totalIters: 10 }), new ExponentialLR(o, { gamma: 0.9 })]),
      () => sgd([0.1]),
    );
  });
});
