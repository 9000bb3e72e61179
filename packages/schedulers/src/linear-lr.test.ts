import { describe, expect, it } from "vitest";
import { LinearLR } from "./linear-lr";
import { linearToFloor, linearWarmup } from "./schedules/linear";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("LinearLR", () => {
  it("as a warmup, alone equals linearWarmup from startFactor · lr to endFactor · lr", () => {
    const optimizer = sgd([0.1, 0.05]);
    const scheduler = new LinearLR(optimizer, { startFactor: 0.1, endFactor: 1, totalIters: 10 });
    const trace = lrTrace(optimizer, scheduler, 20);
    expectTraceMatches(trace, 0, linearWarmup({ initValue: 0.01, peakValue: 0.1, warmupSteps: 10 }));
    expectTraceMatches(trace, 1, linearWarmup({ initValue: 0.005, peakValue: 0.05, warmupSteps: 10 }));
  });

  it("as a decay, alone equals the lecture's linearToFloor", () => {
    const optimizer = sgd([0.2]);
    const scheduler = new LinearLR(optimizer, { startFactor: 1, endFactor: 0.05, totalIters: 25 });
    const trace = lrTrace(optimizer, scheduler, 40);
    expectTraceMatches(trace, 0, linearToFloor({ initValue: 0.2, floorValue: 0.01, decaySteps: 25 }));
  });

  it("defaults: 1/3 → 1 over 5 epochs", () => {
    const optimizer = sgd([0.3]);
    const scheduler = new LinearLR(optimizer);
    const trace = lrTrace(optimizer, scheduler, 6);
    // 0.3 (1/3 + (2/3) t/5): 0.1, 0.14, ..., 0.3
    expect(trace[0][0]).toBeCloseTo(0.1, 15);
    expect(trace[1][0]).toBeCloseTo(0.14, 15);
    expect(trace[5][0]).toBeCloseTo(0.3, 15);
  });

  it("rejects a start factor of 0 (the chainable ratio would divide by it)", () => {
    expect(() => new LinearLR(sgd([1]), { startFactor: 0 })).toThrow("LinearLR: startFactor is 0, expected a finite number in (0, 1]");
    expect(() => new LinearLR(sgd([1]), { endFactor: 2 })).toThrow("endFactor is 2");
  });

  it("saves and restores its state", () => {
    expectResumes((o) => new LinearLR(o, { startFactor: 0.2, totalIters: 10 }), () => sgd([0.1]));
  });
});
