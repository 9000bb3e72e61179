import { describe, expect, it } from "vitest";
import { updateRunningStatistics } from "./running-statistics";

describe("updateRunningStatistics", () => {
  it("mixes the batch mean and the unbiased batch variance with factor m", () => {
    // Batch {1, 2, 3, 4}: mean 2.5, biased var 1.25, unbiased 1.25·4/3 = 5/3.
    // m = 0.1 from (0, 1): mean 0.9·0 + 0.1·2.5 = 0.25; var 0.9·1 + 0.1·5/3 = 1.0666…
    const runningMean = new Float64Array([0]);
    const runningVar = new Float64Array([1]);
    updateRunningStatistics(runningMean, runningVar, [2.5], [1.25], 4, 0.1);
    expect(runningMean[0]).toBeCloseTo(0.25, 15);
    expect(runningVar[0]).toBeCloseTo(0.9 + 1 / 6, 15);
  });

  it("with factor 1 (the first batch of a cumulative average) takes the batch statistics", () => {
    // M = 2, biased var 2 → unbiased 4.
    const runningMean = new Float32Array([7]);
    const runningVar = new Float32Array([9]);
    updateRunningStatistics(runningMean, runningVar, [3], [2], 2, 1);
    expect(Array.from(runningMean)).toEqual([3]);
    expect(Array.from(runningVar)).toEqual([4]);
  });
});
