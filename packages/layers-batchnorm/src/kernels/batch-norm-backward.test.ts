import { describe, expect, it } from "vitest";
import { batchNormBackward } from "./batch-norm-backward";
import { channelStatistics, inverseStd } from "./channel-statistics";
import type { ChannelLayout } from "./layout";
import { normalizeChannels } from "./normalize";

/** Deterministic values in [−2, 2) (a small LCG: tests must not depend on Math.random). */
function pseudoRandom(count: number, seed: number): Float64Array {
  let state = seed >>> 0;
  return Float64Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32) * 4 - 2;
  });
}

const layout: ChannelLayout = { batch: 3, channels: 2, spatial: 4 };
const size = 3 * 2 * 4;
const eps = 1e-3;
const x = pseudoRandom(size, 1);
const dy = pseudoRandom(size, 2);
const weight = Float64Array.from([1.5, -0.7]);
const bias = Float64Array.from([0.2, 0.4]);
const runningMean = [0.3, -0.1];
const runningVar = [0.8, 1.7];

/** L = Σ dy·y with the forward built from the other kernels: the reference the closed form must match. */
function loss(xs: Float64Array, w: Float64Array, b: Float64Array, batchStatistics: boolean): number {
  const stats = batchStatistics ? channelStatistics(xs, layout) : { mean: runningMean, variance: runningVar };
  const y = new Float64Array(size);
  normalizeChannels(xs, y, layout, stats.mean, inverseStd(stats.variance, eps), w, b);
  return y.reduce((acc, v, i) => acc + v * dy[i], 0);
}

/** Central differences of `loss` in each coordinate of one argument. */
function numericGradient(values: Float64Array, evaluate: () => number): number[] {
  const h = 1e-6;
  return Array.from(values, (_, i) => {
    const saved = values[i];
    values[i] = saved + h;
    const plus = evaluate();
    values[i] = saved - h;
    const minus = evaluate();
    values[i] = saved;
    return (plus - minus) / (2 * h);
  });
}

describe.each([
  ["batch statistics (training)", true],
  ["running statistics (evaluation)", false],
])("batchNormBackward with %s", (_name, batchStatistics) => {
  const stats = batchStatistics ? channelStatistics(x, layout) : { mean: runningMean, variance: runningVar };
  const invStd = inverseStd(stats.variance, eps);
  const gradInput = new Float64Array(size);
  const { gradWeight, gradBias } = batchNormBackward(dy, x, gradInput, layout, stats.mean, invStd, weight, batchStatistics);

  it("matches central differences for dx, dγ and dβ", () => {
    const evaluate = () => loss(x, weight, bias, batchStatistics);
    const expectClose = (got: ArrayLike<number>, want: number[]) => {
      want.forEach((w, i) => { expect(Math.abs(got[i] - w)).toBeLessThan(1e-7 * Math.max(1, Math.abs(w))); });
    };
    expectClose(gradInput, numericGradient(x, evaluate));
    expectClose(gradWeight, numericGradient(weight, evaluate));
    expectClose(gradBias, numericGradient(bias, evaluate));
  });

  it("skips dx when no input gradient is asked for, with the same dγ and dβ", () => {
    const again = batchNormBackward(dy, x, null, layout, stats.mean, invStd, weight, batchStatistics);
    expect(Array.from(again.gradWeight)).toEqual(Array.from(gradWeight));
    expect(Array.from(again.gradBias)).toEqual(Array.from(gradBias));
  });
});

describe("batchNormBackward through the batch statistics", () => {
  it("gives a dx orthogonal to 1 and to x̂ in every channel", () => {
    // y is invariant to shifting or scaling a channel of x, so dx ⊥ 1 and dx ⊥ x̂ (both sums are exactly 0).
    const stats = channelStatistics(x, layout);
    const invStd = inverseStd(stats.variance, 0);
    const gradInput = new Float64Array(size);
    batchNormBackward(dy, x, gradInput, layout, stats.mean, invStd, null, true);
    for (let c = 0; c < 2; c++) {
      let sum = 0;
      let dot = 0;
      for (let n = 0; n < 3; n++) {
        for (let l = 0; l < 4; l++) {
          const i = (n * 2 + c) * 4 + l;
          sum += gradInput[i];
          dot += gradInput[i] * (x[i] - stats.mean[c]) * invStd[c];
        }
      }
      expect(Math.abs(sum)).toBeLessThan(1e-12);
      expect(Math.abs(dot)).toBeLessThan(1e-12);
    }
  });
});
