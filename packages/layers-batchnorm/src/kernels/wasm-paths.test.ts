// The three kernels on arrays long enough for their WebAssembly SIMD versions, against the same
// kernels with setBackend("js") (their TypeScript loops), within the wasm kernels' contract
// (@descent/tensor src/wasm/batch-norm-kernels.ts).
import { WASM_BATCH_NORM_MIN, batchNormWasmActive, kernelMemoryArray, setBackend } from "@descent/tensor";
import { afterEach, describe, expect, it } from "vitest";
import { batchNormBackward } from "./batch-norm-backward";
import { channelStatistics, inverseStd } from "./channel-statistics";
import type { ChannelLayout, FloatArray } from "./layout";
import { normalizeChannels } from "./normalize";

afterEach(() => {
  setBackend("wasm");
});

const U = 2 ** -53;

/** Deterministic values offset + spread·[−1, 1) (a small LCG: tests must not depend on Math.random). */
function values(type: "float32" | "float64", count: number, seed: number, offset: number, spread: number, placed = false): FloatArray {
  const out = placed ? kernelMemoryArray(type, count) : type === "float32" ? new Float32Array(count) : new Float64Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = offset + spread * ((state / 2 ** 32) * 2 - 1);
  }
  return out;
}

/** Runs `body` on the TypeScript loops (setBackend("js")), then on the wasm kernels. */
function bothPaths<R>(body: () => R): { ts: R; wasm: R } {
  setBackend("js");
  const ts = body();
  setBackend("wasm");
  return { ts, wasm: body() };
}

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => Object.is(v, b[i]));
}

// (N, C, L): BatchNorm1d on (N, C) (L = 1, across channels), odd sizes, rows cut by the staging chunks.
const SHAPES: ChannelLayout[] = [
  { batch: 128, channels: 33, spatial: 1 },
  { batch: 7, channels: 5, spatial: 131 },
  { batch: 3, channels: 2, spatial: 9001 },
  { batch: 16, channels: 9, spatial: 36 },
];

describe.each(["float32", "float64"] as const)("the wasm and TypeScript paths on %s", (type) => {
  it("are both used: the wasm one is active and these shapes are long enough", () => {
    expect(batchNormWasmActive()).toBe(true);
    for (const { batch, channels, spatial } of SHAPES) expect(batch * channels * spatial).toBeGreaterThanOrEqual(WASM_BATCH_NORM_MIN);
  });

  it.each(SHAPES)("channelStatistics agrees within a relative 2M·u, |mean| ≫ std included (%o)", (layout) => {
    const count = layout.batch * layout.spatial;
    for (const [offset, spread, placed] of [[0, 1, false], [1e4, 0.5, true], [-3e6, 2, false]] as const) {
      const x = values(type, layout.batch * layout.channels * layout.spatial, 5, offset, spread, placed);
      const { ts, wasm } = bothPaths(() => channelStatistics(x, layout));
      for (let c = 0; c < layout.channels; c++) {
        const std = Math.sqrt(ts.variance[c]);
        expect(Math.abs(wasm.mean[c] - ts.mean[c])).toBeLessThanOrEqual(4 * U * Math.abs(ts.mean[c]) + 2.01 * count * U * std);
        expect(Math.abs(wasm.variance[c] - ts.variance[c])).toBeLessThanOrEqual(4.02 * count * U * ts.variance[c]);
      }
      if (layout.spatial === 1) {
        // across channels the sums run in the loop's order: the same bits
        expect(sameBits(wasm.mean, ts.mean) && sameBits(wasm.variance, ts.variance)).toBe(true);
      }
    }
  });

  it.each(SHAPES)("normalizeChannels gives the same bits (%o)", (layout) => {
    const size = layout.batch * layout.channels * layout.spatial;
    const x = values(type, size, 7, 3, 2);
    const mean = values("float64", layout.channels, 8, 3, 1);
    const invStd = values("float64", layout.channels, 9, 2, 1);
    const weight = values("float64", layout.channels, 10, 0, 2);
    const bias = values("float64", layout.channels, 11, 0, 2);
    const { ts, wasm } = bothPaths(() => {
      const out = type === "float32" ? new Float32Array(size) : new Float64Array(size);
      normalizeChannels(x, out, layout, mean, invStd, weight, bias);
      return out;
    });
    expect(sameBits(wasm, ts)).toBe(true);
  });

  it.each(SHAPES)("batchNormBackward agrees: dγ, dβ within 2M·u·Σ|term|, dx within the propagated bound (%o)", (layout) => {
    const size = layout.batch * layout.channels * layout.spatial;
    const count = layout.batch * layout.spatial;
    const x = values(type, size, 12, 100, 1);
    const dy = values(type, size, 13, 0, 1, true);
    const { mean, variance } = channelStatistics(x, layout);
    const invStd = inverseStd(variance, 1e-5);
    const weight = values("float64", layout.channels, 14, 0, 2);
    for (const batchStatistics of [true, false]) {
      const { ts, wasm } = bothPaths(() => {
        const gradInput = type === "float32" ? new Float32Array(size) : new Float64Array(size);
        return { gradInput, ...batchNormBackward(dy, x, gradInput, layout, mean, invStd, weight, batchStatistics) };
      });
      // Σ|dy| and Σ|dy·x̂| per channel bound both sums' rounding
      const absDy = new Float64Array(layout.channels);
      const absDyXhat = new Float64Array(layout.channels);
      for (let i = 0; i < size; i++) {
        const c = Math.floor(i / layout.spatial) % layout.channels;
        absDy[c] += Math.abs(dy[i]);
        absDyXhat[c] += Math.abs(dy[i] * (x[i] - mean[c]) * invStd[c]);
      }
      const gamma = 2.01 * count * U;
      for (let c = 0; c < layout.channels; c++) {
        expect(Math.abs(wasm.gradBias[c] - ts.gradBias[c])).toBeLessThanOrEqual(2 * gamma * absDy[c]);
        expect(Math.abs(wasm.gradWeight[c] - ts.gradWeight[c])).toBeLessThanOrEqual(2 * gamma * absDyXhat[c]);
      }
      if (!batchStatistics) {
        // dx = γ·invStd·dy with frozen statistics: one product, the same bits
        expect(sameBits(wasm.gradInput, ts.gradInput)).toBe(true);
        continue;
      }
      let worst = 0;
      for (let i = 0; i < size; i++) {
        const c = Math.floor(i / layout.spatial) % layout.channels;
        const k = Math.abs((weight[c] * invStd[c]) / count);
        const xhat = Math.abs((x[i] - mean[c]) * invStd[c]);
        const magnitude = k * (count * Math.abs(dy[i]) + Math.abs(ts.gradBias[c]) + xhat * Math.abs(ts.gradWeight[c]));
        const ulp32 = type === "float32" ? 2 ** (Math.floor(Math.log2(Math.max(Math.abs(ts.gradInput[i]), 2 ** -126))) - 23) : 0;
        const bound = 1.01 * k * 2 * gamma * (absDy[c] + xhat * absDyXhat[c]) + 16 * U * magnitude + ulp32;
        worst = Math.max(worst, Math.abs(wasm.gradInput[i] - ts.gradInput[i]) / bound);
      }
      expect(worst).toBeLessThanOrEqual(1);
    }
  });
});
