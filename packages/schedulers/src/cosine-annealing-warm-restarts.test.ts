import { describe, expect, it } from "vitest";
import { CosineAnnealingWarmRestarts } from "./cosine-annealing-warm-restarts";
import { cosineWarmRestarts } from "./schedules/cosine";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("CosineAnnealingWarmRestarts", () => {
  it("alone equals cosineWarmRestarts step by step (tMult 1 and 2)", () => {
    for (const tMult of [1, 2, 3]) {
      const optimizer = sgd([0.1, 0.02]);
      const scheduler = new CosineAnnealingWarmRestarts(optimizer, { t0: 5, tMult, etaMin: 0.001 });
      const trace = lrTrace(optimizer, scheduler, 60);
      expectTraceMatches(trace, 0, cosineWarmRestarts({ initValue: 0.1, t0: 5, tMult, etaMin: 0.001 }));
      expectTraceMatches(trace, 1, cosineWarmRestarts({ initValue: 0.02, t0: 5, tMult, etaMin: 0.001 }));
    }
  });

  it("step(epoch) takes fractional epochs, as torch", () => {
    const optimizer = sgd([1]);
    const scheduler = new CosineAnnealingWarmRestarts(optimizer, { t0: 4, tMult: 2 });
    // epoch 6.5: the second cycle (length 8) began at 4, so T_cur = 2.5
    scheduler.step(6.5);
    expect(scheduler.tCur).toBeCloseTo(2.5, 15);
    expect(scheduler.tI).toBe(8);
    expect(scheduler.lastEpoch).toBe(6);
    expect(optimizer.paramGroups[0].lr).toBeCloseTo((1 + Math.cos((Math.PI * 2.5) / 8)) / 2, 15);
  });

  it("rejects a non-integer T₀ and tMult < 1", () => {
    expect(() => new CosineAnnealingWarmRestarts(sgd([1]), { t0: 0 })).toThrow("CosineAnnealingWarmRestarts: t0 is 0, expected an integer >= 1");
    expect(() => new CosineAnnealingWarmRestarts(sgd([1]), { t0: 3, tMult: 1.5 })).toThrow("tMult is 1.5");
  });

  it("saves and restores its state, inside a cycle", () => {
    expectResumes((o) => new CosineAnnealingWarmRestarts(o, { t0: 3, tMult: 2 }), () => sgd([0.1]), 7, 20);
  });
});
