import { describe, expect, it } from "vitest";
import { OneCycleLR } from "./one-cycle-lr";
import { oneCycleSchedule } from "./schedules/onecycle";
import { adam, expectAllClose, expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("OneCycleLR", () => {
  it("overwrites the lr with maxLr/divFactor, then follows oneCycleSchedule (cos, linear, three phase)", () => {
    const variants = [
      { totalSteps: 40 },
      { totalSteps: 50, annealStrategy: "linear", pctStart: 0.25, divFactor: 10, finalDivFactor: 100 },
      { totalSteps: 45, threePhase: true },
    ] as const;
    for (const v of variants) {
      const optimizer = sgd([0.01, 0.02], 0.9);
      const scheduler = new OneCycleLR(optimizer, { maxLr: [0.1, 0.05], ...v });
      const trace = lrTrace(optimizer, scheduler, v.totalSteps - 1);
      expectTraceMatches(trace, 0, oneCycleSchedule({ peakValue: 0.1, ...v }));
      expectTraceMatches(trace, 1, oneCycleSchedule({ peakValue: 0.05, ...v }));
      expect(optimizer.paramGroups[1].initialLr).toBeCloseTo(0.05 / ("divFactor" in v ? v.divFactor : 25), 15);
    }
  });

  it("moves momentum from max down to base at the peak lr and back to max at the end", () => {
    // T = 21, pct 0.5 with linear annealing: the rise ends at 9.5, the end at 20
    const optimizer = sgd([0.01], 0.5);
    const scheduler = new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 21, pctStart: 0.5, annealStrategy: "linear" });
    const momentums = [optimizer.paramGroups[0].momentum!];
    for (let k = 0; k < 20; k++) {
      scheduler.step();
      momentums.push(optimizer.paramGroups[0].momentum!);
    }
    expect(momentums[0]).toBe(0.95);
    // t = 9: 0.95 − 0.1 · 9/9.5; t = 20: 0.95
    expect(momentums[9]).toBeCloseTo(0.95 - (0.1 * 9) / 9.5, 15);
    expect(momentums[20]).toBeCloseTo(0.95, 15);
  });

  it("cycles betas[0] for Adam-like groups", () => {
    const optimizer = adam([0.01]);
    const scheduler = new OneCycleLR(optimizer, { maxLr: 0.1, totalSteps: 10, baseMomentum: 0.8, maxMomentum: 0.9, annealStrategy: "linear", pctStart: 0.5 });
    expect(optimizer.paramGroups[0].betas).toEqual([0.9, 0.999]);
    for (let k = 0; k < 4; k++) scheduler.step(); // the rise ends at 0.5 · 10 − 1 = 4
    expectAllClose(optimizer.paramGroups[0].betas!, [0.8, 0.999]);
  });

  it("allows totalSteps steps after construction and throws at the next, naming the step count and changing nothing", () => {
    const optimizer = sgd([0.01], 0.9);
    const scheduler = new OneCycleLR(optimizer, { maxLr: 0.1, epochs: 2, stepsPerEpoch: 5 });
    for (let k = 0; k < 10; k++) scheduler.step();
    expect(scheduler.lastEpoch).toBe(10);
    const lr = optimizer.paramGroups[0].lr;
    expect(() => {
      scheduler.step();
    }).toThrow("OneCycleLR.step: step count is 12, expected at most totalSteps + 1 = 11");
    expect(scheduler.lastEpoch).toBe(10);
    expect(optimizer.paramGroups[0].lr).toBe(lr);
  });

  it("pctStart 1 rises for the whole cycle; a step into the zero-length phase after it throws and changes nothing", () => {
    const optimizer = sgd([0.01], 0.9);
    const scheduler = new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 5, pctStart: 1, annealStrategy: "linear" });
    const trace = lrTrace(optimizer, scheduler, 4);
    // the rise ends at 1 · 5 − 1 = 4: lr_t = 0.04 + 0.96 t/4
    expectAllClose(
      trace.map((r) => r[0]),
      [0, 1, 2, 3, 4].map((t) => 0.04 + (0.96 * t) / 4),
    );
    expect(() => {
      scheduler.step();
    }).toThrow("OneCycleLR.step: step is 5, expected a step outside phases of zero length");
    expect(scheduler.lastEpoch).toBe(4);
    expect(optimizer.paramGroups[0].lr).toBe(trace[4][0]);
  });

  it("rejects missing or non-positive total steps and an unknown strategy", () => {
    expect(() => new OneCycleLR(sgd([1], 0.9), { maxLr: 1 })).toThrow("OneCycleLR: totalSteps is undefined, expected an integer >= 1, or both epochs and stepsPerEpoch");
    expect(() => new OneCycleLR(sgd([1], 0.9), { maxLr: 1, totalSteps: 0 })).toThrow("OneCycleLR: totalSteps is 0");
    expect(() => new OneCycleLR(sgd([1], 0.9), { maxLr: 1, totalSteps: 10, annealStrategy: "cosine" as never })).toThrow('annealStrategy is "cosine"');
    expect(() => new OneCycleLR(sgd([1], 0.9), { maxLr: 0, totalSteps: 10 })).toThrow("maxLr is 0, expected a finite number > 0");
  });

  it("saves and restores its state", () => {
    expectResumes((o) => new OneCycleLR(o, { maxLr: 0.1, totalSteps: 30, threePhase: true }), () => sgd([0.1], 0.9), 12, 18);
  });
});
