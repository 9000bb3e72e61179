import { describe, expect, it } from "vitest";
import { ExponentialLR } from "./exponential-lr";
import { exponentialDecay } from "./schedules/exponential";
import { expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("ExponentialLR", () => {
  it("alone equals exponentialDecay step by step", () => {
    const optimizer = sgd([1, 0.3]);
    const scheduler = new ExponentialLR(optimizer, { gamma: 0.9 });
    const trace = lrTrace(optimizer, scheduler, 40);
    expectTraceMatches(trace, 0, exponentialDecay({ initValue: 1, gamma: 0.9 }));
    expectTraceMatches(trace, 1, exponentialDecay({ initValue: 0.3, gamma: 0.9 }));
  });

  it("rejects γ <= 0 and a missing γ", () => {
    expect(() => new ExponentialLR(sgd([1]), { gamma: 0 })).toThrow("ExponentialLR: gamma is 0, expected a finite number > 0");
    expect(() => new ExponentialLR(sgd([1]), {} as never)).toThrow("ExponentialLR: gamma is undefined");
  });

  it("saves and restores its state", () => {
    expectResumes((o) => new ExponentialLR(o, { gamma: 0.8 }), () => sgd([0.1]));
  });
});
