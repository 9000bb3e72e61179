import { describe, expect, it } from "vitest";
import { MultiplicativeLR } from "./multiplicative-lr";
import { exponentialDecay, inverseTimeDecay } from "./schedules/exponential";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("MultiplicativeLR", () => {
  it("with a constant factor γ it is exponentialDecay", () => {
    const optimizer = sgd([0.1, 0.05]);
    const scheduler = new MultiplicativeLR(optimizer, { lrLambda: () => 0.97 });
    const trace = lrTrace(optimizer, scheduler, 40);
    expectTraceMatches(trace, 0, exponentialDecay({ initValue: 0.1, gamma: 0.97 }));
    expectTraceMatches(trace, 1, exponentialDecay({ initValue: 0.05, gamma: 0.97 }));
  });

  it("multiplies the factors: Π_{k=1..t} k/(k+1) = 1/(1+t), inverse time decay", () => {
    const optimizer = sgd([0.2]);
    const scheduler = new MultiplicativeLR(optimizer, { lrLambda: (k) => k / (k + 1) });
    const trace = lrTrace(optimizer, scheduler, 30);
    expectTraceMatches(trace, 0, inverseTimeDecay({ initValue: 0.2, decayRate: 1 }));
  });

  it("leaves the lr alone at construction", () => {
    const optimizer = sgd([0.2]);
    new MultiplicativeLR(optimizer, { lrLambda: () => 0.5 });
    expect(optimizer.paramGroups[0].lr).toBe(0.2);
    expect(() => new MultiplicativeLR(optimizer, { lrLambda: undefined as never })).toThrow("MultiplicativeLR: lrLambda is undefined, expected a function");
  });

  it("saves and restores its progress", () => {
    expectResumes((o) => new MultiplicativeLR(o, { lrLambda: () => 0.9 }), () => sgd([0.1]));
  });
});
