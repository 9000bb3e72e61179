import { describe, expect, it } from "vitest";
import { PolynomialLR } from "./polynomial-lr";
import { polynomialDecay } from "./schedules/polynomial";
import { expectAllClose, expectResumes, expectTraceMatches, lrTrace, sgd } from "./test-util";

describe("PolynomialLR", () => {
  it("alone equals polynomialDecay (to 0) step by step, power 1 and 2", () => {
    for (const power of [1, 2]) {
      const optimizer = sgd([0.2, 0.04]);
      const scheduler = new PolynomialLR(optimizer, { totalIters: 10, power });
      const trace = lrTrace(optimizer, scheduler, 15);
      expectTraceMatches(trace, 0, polynomialDecay({ initValue: 0.2, decaySteps: 10, power }));
      expectTraceMatches(trace, 1, polynomialDecay({ initValue: 0.04, decaySteps: 10, power }));
    }
  });

  it("defaults: linear to 0 over 5 epochs", () => {
    const optimizer = sgd([1]);
    const scheduler = new PolynomialLR(optimizer);
    const trace = lrTrace(optimizer, scheduler, 6);
    // 1 − min(t, 5)/5: 1, 0.8, 0.6, 0.4, 0.2, 0, 0
    expectAllClose(
      trace.map((r) => r[0]),
      [1, 0.8, 0.6, 0.4, 0.2, 0, 0],
    );
  });

  it("rejects total steps <= 0 and power <= 0", () => {
    expect(() => new PolynomialLR(sgd([1]), { totalIters: 0 })).toThrow("PolynomialLR: totalIters is 0, expected an integer >= 1");
    expect(() => new PolynomialLR(sgd([1]), { power: 0 })).toThrow("power is 0");
  });

  it("saves and restores its state", () => {
    expectResumes((o) => new PolynomialLR(o, { totalIters: 15, power: 2 }), () => sgd([0.1]));
  });
});
