import { describe, expect, it } from "vitest";
import { CosineAnnealingLR } from "./cosine-annealing-lr";
import { cosineDecay } from "./schedules/cosine";
import { expectAllClose, expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("CosineAnnealingLR", () => {
  it("alone equals cosineDecay with α = η_min/η₀ up to T_max", () => {
    const optimizer = sgd([0.1, 0.05]);
    const scheduler = new CosineAnnealingLR(optimizer, { tMax: 30, etaMin: 0.001 });
    const trace = lrTrace(optimizer, scheduler, 30);
    expectTraceMatches(trace, 0, cosineDecay({ initValue: 0.1, decaySteps: 30, alpha: 0.01 }));
    expectTraceMatches(trace, 1, cosineDecay({ initValue: 0.05, decaySteps: 30, alpha: 0.02 }));
  });

  it("past T_max follows torch's recursion back up the cosine: η_min + (η₀ − η_min)(1 + cos(πt/T))/2 for every t", () => {
    const optimizer = sgd([0.1]);
    const scheduler = new CosineAnnealingLR(optimizer, { tMax: 10, etaMin: 0.01 });
    const trace = lrTrace(optimizer, scheduler, 45);
    expectAllClose(
      trace.map((r) => r[0]),
      trace.map((_, t) => 0.01 + (0.09 * (1 + Math.cos((Math.PI * t) / 10))) / 2),
    );
    // t = 20 is back at the top
    expect(trace[20][0]).toBeCloseTo(0.1, 14);
  });

  it("rejects T_max <= 0 and a negative η_min", () => {
    expect(() => new CosineAnnealingLR(sgd([1]), { tMax: 0 })).toThrow("CosineAnnealingLR: tMax is 0, expected an integer >= 1");
    expect(() => new CosineAnnealingLR(sgd([1]), { tMax: 5, etaMin: -1 })).toThrow("etaMin is -1");
  });

  it("saves and restores its state", () => {
    expectResumes((o) => new CosineAnnealingLR(o, { tMax: 8, etaMin: 0.001 }), () => sgd([0.1, 0.3]), 5, 20);
  });
});
