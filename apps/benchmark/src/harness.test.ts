import { describe, expect, it, vi } from "vitest";
import { measure, measureInterleaved, relativeSpread } from "./harness";

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

describe("measureInterleaved", () => {
  it("alternates whole runs of each function, each batched to its own run length", () => {
    // A fake clock: "fast" takes 1 ms, "slow" 4 ms; runs of ≥ 4 ms need 4 and 1 calls.
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      const log: string[] = [];
      const fast = (): void => { log.push("f"); vi.advanceTimersByTime(1); };
      const slow = (): void => { log.push("s"); vi.advanceTimersByTime(4); };
      const [tf, ts] = measureInterleaved([fast, slow], { warmupMs: 0, budgetMs: 0, minRuns: 3, maxRuns: 3, minRunMs: 4 });
      expect([tf.callsPerRun, ts.callsPerRun]).toEqual([4, 1]);
      expect([tf.runs, ts.runs]).toEqual([3, 3]);
      expect([tf.medianMs, ts.medianMs]).toEqual([1, 4]);
      // One warm-up call each, then run after run in turn.
      expect(log.join("")).toBe("fs" + "ffffs".repeat(3));
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives each function the budget it would have alone", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      const step = (): void => { vi.advanceTimersByTime(1); };
      // 10 ms per function: 20 ms in all, one 1 ms run of each per 2 ms.
      const [a, b] = measureInterleaved([step, step], { warmupMs: 0, budgetMs: 10, minRuns: 1, maxRuns: 100, minRunMs: 0 });
      expect([a.runs, b.runs]).toEqual([10, 10]);
    } finally {
      vi.useRealTimers();
    }
  });
});
