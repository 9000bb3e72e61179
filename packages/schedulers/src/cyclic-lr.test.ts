import { describe, expect, it } from "vitest";
import { CyclicLR } from "./cyclic-lr";
import { cyclicSchedule } from "./schedules/cyclic";
import { adam, expectAllClose, expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("CyclicLR", () => {
  it("overwrites the lr with baseLr at construction, then follows cyclicSchedule (every mode)", () => {
    for (const mode of ["triangular", "triangular2", "expRange"] as const) {
      const optimizer = sgd([0.05, 0.08], 0.9);
      const scheduler = new CyclicLR(optimizer, { baseLr: [0.001, 0.002], maxLr: [0.1, 0.05], stepSizeUp: 4, stepSizeDown: 6, mode, gamma: 0.97 });
      expect(optimizer.paramGroups.map((g) => g.lr)).toEqual([0.001, 0.002]);
      const trace = lrTrace(optimizer, scheduler, 50);
      expectTraceMatches(trace, 0, cyclicSchedule({ baseValue: 0.001, maxValue: 0.1, stepSizeUp: 4, stepSizeDown: 6, mode, gamma: 0.97 }));
      expectTraceMatches(trace, 1, cyclicSchedule({ baseValue: 0.002, maxValue: 0.05, stepSizeUp: 4, stepSizeDown: 6, mode, gamma: 0.97 }));
    }
  });

  it("cycles momentum against the lr: max at the base lr, base at the peak", () => {
    const optimizer = sgd([0.05], 0.5);
    const scheduler = new CyclicLR(optimizer, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 5 });
    const momentums = [optimizer.paramGroups[0].momentum!];
    for (let k = 0; k < 10; k++) {
      scheduler.step();
      momentums.push(optimizer.paramGroups[0].momentum!);
    }
    // defaults 0.8–0.9: m_t = 0.9 − 0.1 · scale_t, scale 0, .2, .4, .6, .8, 1, .8, ..., 0
    expectAllClose(
      momentums,
      [0, 0.2, 0.4, 0.6, 0.8, 1, 0.8, 0.6, 0.4, 0.2, 0].map((s) => 0.9 - 0.1 * s),
    );
  });

  it("cycles betas[0] of Adam-like groups and leaves betas[1]", () => {
    const optimizer = adam([0.05]);
    const scheduler = new CyclicLR(optimizer, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 2, baseMomentum: 0.85, maxMomentum: 0.95 });
    expect(optimizer.paramGroups[0].betas).toEqual([0.95, 0.999]);
    scheduler.step();
    scheduler.step(); // the peak
    expect(optimizer.paramGroups[0].betas![0]).toBeCloseTo(0.85, 15);
    expect(optimizer.paramGroups[0].betas![1]).toBe(0.999);
  });

  it("a custom scaleFn of the cycle reproduces triangular2", () => {
    const optimizer = sgd([0.05]);
    const scheduler = new CyclicLR(optimizer, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 3, scaleFn: (cycle) => 1 / 2 ** (cycle - 1), cycleMomentum: false });
    const trace = lrTrace(optimizer, scheduler, 30);
    expectTraceMatches(trace, 0, cyclicSchedule({ baseValue: 0.01, maxValue: 0.1, stepSizeUp: 3, mode: "triangular2" }));
  });

  it("a scaleFn that returns NaN fails the step and changes nothing", () => {
    const optimizer = sgd([0.05], 0.9);
    const scheduler = new CyclicLR(optimizer, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 2, scaleFn: (cycle) => (cycle === 2 ? Number.NaN : 1) });
    for (let k = 0; k < 3; k++) scheduler.step();
    const before = structuredClone(optimizer.paramGroups);
    expect(() => {
      scheduler.step(); // epoch 4 is in cycle 2
    }).toThrow("CyclicLR.step: scaleFn result is NaN, expected a finite number");
    expect(optimizer.paramGroups).toEqual(before);
    expect(scheduler.lastEpoch).toBe(3);
  });

  it("rejects an unknown mode, and momentum cycling without momentum, changing nothing", () => {
    const optimizer = { paramGroups: [{ lr: 0.05 }] };
    expect(() => new CyclicLR(optimizer, { baseLr: 0.01, maxLr: 0.1, mode: "exp_range" as never })).toThrow(
      'CyclicLR: mode is "exp_range", expected one of "triangular", "triangular2", "expRange"',
    );
    expect(() => new CyclicLR(optimizer, { baseLr: 0.01, maxLr: 0.1 })).toThrow("CyclicLR: optimizer.paramGroups[0].momentum is undefined");
    expect(() => new CyclicLR(sgd([1, 1]), { baseLr: [0.1], maxLr: 1 })).toThrow("baseLr is [0.1], expected a number or a list of 2 numbers");
    expect(optimizer).toEqual({ paramGroups: [{ lr: 0.05 }] });
    expect(() => new CyclicLR(optimizer, { baseLr: 0.01, maxLr: 0.1, cycleMomentum: false })).not.toThrow();
  });

  it("saves and restores its state", () => {
    expectResumes((o) => new CyclicLR(o, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 3, mode: "triangular2" }), () => sgd([0.1], 0.9), 7, 20);
  });
});
