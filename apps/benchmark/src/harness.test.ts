import { describe, expect, it, vi } from "vitest";
import { measure, relativeSpread } from "./harness";

describe("measure", () => {
  it("warms up, then times at least minRuns runs and at most maxRuns", () => {
    let calls = 0;
    const t = measure(() => { calls++; }, { warmupMs: 0, budgetMs: 0, minRuns: 5, maxRuns: 5, minRunMs: 0 });
    // One warm-up call, then 5 runs of one call each (minRunMs 0 asks for no batching).
    expect(t.runs).toBe(5);
    expect(t.callsPerRun).toBe(1);
    expect(calls).toBe(6);
  });

  it("batches calls so that one run lasts at least minRunMs", () => {
    // A call that takes exactly 1 ms of a fake clock (a real busy-wait stretches on a loaded
    // machine): runs of ≥ 5 ms need 5 calls.
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      const t = measure(() => vi.advanceTimersByTime(1), { warmupMs: 0, budgetMs: 0, minRuns: 2, maxRuns: 2, minRunMs: 5 });
      expect(t.callsPerRun).toBe(5);
      expect(t.runs).toBe(2);
      expect(t.medianMs).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports the spread as the interquartile range over the median", () => {
    expect(relativeSpread({ medianMs: 4, q1Ms: 3, q3Ms: 5, runs: 3, callsPerRun: 1 })).toBe(0.5);
  });
});
