import { describe, expect, it } from "vitest";
import { channelStatistics, inverseStd } from "./channel-statistics";

describe("channelStatistics", () => {
  // (N, C, L) = (2, 2, 2): channel 0 holds {1, 2, 3, 4}, channel 1 holds {10, 20, 30, 40}.
  // Channel 0: mean 2.5, biased var ((1.5² + 0.5²)·2)/4 = 1.25. Channel 1: ten times that: 25 and 125.
  const values = [1, 2, 10, 20, 3, 4, 30, 40];
  const layout = { batch: 2, channels: 2, spatial: 2 };

  it("computes the per-channel mean and biased variance in float64", () => {
    const { mean, variance } = channelStatistics(Float64Array.from(values), layout);
    expect(Array.from(mean)).toEqual([2.5, 25]);
    expect(variance[0]).toBeCloseTo(1.25, 14);
    expect(variance[1]).toBeCloseTo(125, 12);
  });

  it("reads float32 input and accumulates in float64", () => {
    const { mean, variance } = channelStatistics(Float32Array.from(values), layout);
    expect(mean).toBeInstanceOf(Float64Array);
    expect(Array.from(mean)).toEqual([2.5, 25]);
    expect(variance[0]).toBeCloseTo(1.25, 14);
  });

  it("stays exact when the mean dwarfs the spread (where E[x²] − E[x]² fails)", () => {
    // {1e9 + 1, …, 1e9 + 4}: every value and the mean 1e9 + 2.5 are exact in float64, var = 1.25.
    // E[x²] ≈ 1e18 has an ulp of 128, so the one-pass formula cannot see the 1.25 at all.
    const x = Float64Array.from([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]);
    const { mean, variance } = channelStatistics(x, { batch: 4, channels: 1, spatial: 1 });
    expect(mean[0]).toBe(1e9 + 2.5);
    expect(variance[0]).toBe(1.25);
  });

  it("gives zero variance to a constant channel", () => {
    const { variance } = channelStatistics(Float64Array.from([0.1, 0.1, 0.1]), { batch: 3, channels: 1, spatial: 1 });
    expect(variance[0]).toBe(0);
  });
});

describe("inverseStd", () => {
  it("is 1/√(var + eps)", () => {
    // 1/√(3 + 1) = 0.5; 1/√(0.25 + 0) = 2.
    expect(Array.from(inverseStd([3, 0.25], 1))).toEqual([0.5, 1 / Math.sqrt(1.25)]);
    expect(Array.from(inverseStd([0.25], 0))).toEqual([2]);
  });
});
