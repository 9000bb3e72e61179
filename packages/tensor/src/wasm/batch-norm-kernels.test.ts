import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { FloatArray } from "../dtype";
import { InvalidArgumentError } from "../errors";
import { seededUniform } from "../testing/seeded-uniform";
import { setBackend } from "./backend";
import type { ChannelLayout } from "./batch-norm-kernels";
import {
  WASM_BATCH_NORM_MAX_CHANNELS, WASM_BATCH_NORM_MIN, batchNormWasmActive, channelAffineWasm, channelGradInputWasm, channelGradSumsWasm,
  channelMomentsWasm,
} from "./batch-norm-kernels";
import { kernelMemoryArray } from "./kernel-memory";
import { compensatedSum } from "../testing/compensated-sum";

afterEach(() => {
  setBackend("wasm");
});

const U = 2 ** -53;
type FloatType = "float32" | "float64";

// The oracle: the TypeScript loops of @descent/layers-batchnorm (src/kernels/), restated here
// because this package cannot import that one.

function momentsLoop(x: FloatArray, { batch, channels, spatial }: ChannelLayout): { mean: Float64Array; variance: Float64Array } {
  const count = batch * spatial;
  const mean = new Float64Array(channels);
  const variance = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    for (let n = 0; n < batch; n++) for (let l = 0; l < spatial; l++) sum += x[(n * channels + c) * spatial + l];
    const m = sum / count;
    let sumD = 0;
    let sumD2 = 0;
    for (let n = 0; n < batch; n++) {
      for (let l = 0; l < spatial; l++) {
        const d = x[(n * channels + c) * spatial + l] - m;
        sumD += d;
        sumD2 += d * d;
      }
    }
    mean[c] = m + sumD / count;
    variance[c] = Math.max(0, (sumD2 - (sumD * sumD) / count) / count);
  }
  return { mean, variance };
}

function gradSumsLoop(dy: FloatArray, x: FloatArray, { batch, channels, spatial }: ChannelLayout, mean: Float64Array, invStd: Float64Array) {
  const sumDy = new Float64Array(channels);
  const sumDyXhat = new Float64Array(channels);
  const absDy = new Float64Array(channels);
  const absDyXhat = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    for (let n = 0; n < batch; n++) {
      for (let l = 0; l < spatial; l++) {
        const i = (n * channels + c) * spatial + l;
        const t = dy[i] * (x[i] - mean[c]) * invStd[c];
        sumDy[c] += dy[i];
        sumDyXhat[c] += t;
        absDy[c] += Math.abs(dy[i]);
        absDyXhat[c] += Math.abs(t);
      }
    }
  }
  return { sumDy, sumDyXhat, absDy, absDyXhat };
}

function gradInputLoop(
  dy: FloatArray, x: FloatArray, out: FloatArray, { batch, channels, spatial }: ChannelLayout,
  mean: Float64Array, invStd: Float64Array, weight: Float64Array, sumDy: Float64Array, sumDyXhat: Float64Array,
): void {
  const count = batch * spatial;
  for (let c = 0; c < channels; c++) {
    const k = (weight[c] * invStd[c]) / count;
    for (let n = 0; n < batch; n++) {
      for (let l = 0; l < spatial; l++) {
        const i = (n * channels + c) * spatial + l;
        out[i] = k * (count * dy[i] - sumDy[c] - (x[i] - mean[c]) * invStd[c] * sumDyXhat[c]);
      }
    }
  }
}

/** The first index where the two arrays differ in bits (−0 and 0 differ), or −1. */
function firstDifference(a: FloatArray, b: FloatArray): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return a.length === b.length ? -1 : a.length;
}

interface Case {
  type: FloatType;
  layout: ChannelLayout;
  seed: number;
  /** Per-channel offsets up to ±offset·(channel spread): large ones make |mean| ≫ std. */
  offset: number;
  placed: boolean;
}

function array(type: FloatType, length: number, placed: boolean): FloatArray {
  if (placed) return kernelMemoryArray(type, length);
  return type === "float32" ? new Float32Array(length) : new Float64Array(length);
}

/** Channel c's values: offset·(c + 1)·(±1) + spread·uniform(−1, 1), spread a per-channel power of two. */
function input({ type, layout, seed, offset, placed }: Case): FloatArray {
  const { batch, channels, spatial } = layout;
  const x = array(type, batch * channels * spatial, placed);
  const next = seededUniform(seed);
  const centre = Array.from({ length: channels }, (_, c) => offset * (c + 1) * (c % 2 === 0 ? 1 : -1));
  const spread = Array.from({ length: channels }, () => 2 ** Math.round(next() * 6 - 3));
  for (let i = 0; i < x.length; i++) {
    const c = Math.floor(i / spatial) % channels;
    x[i] = centre[c] + spread[c] * (2 * next() - 1);
  }
  return x;
}

function uniform(type: FloatType, length: number, seed: number, placed: boolean): FloatArray {
  const a = array(type, length, placed);
  const next = seededUniform(seed);
  for (let i = 0; i < length; i++) a[i] = 2 * next() - 1;
  return a;
}

/** Shapes of at least WASM_BATCH_NORM_MIN elements: L = 1 (across channels), L ≥ 4 (along rows), rows longer than a chunk. */
const layouts: fc.Arbitrary<ChannelLayout> = fc.oneof(
  fc.record({ batch: fc.integer({ min: 64, max: 700 }), channels: fc.integer({ min: 64, max: 300 }), spatial: fc.constant(1) }),
  fc.record({ batch: fc.integer({ min: 1, max: 40 }), channels: fc.integer({ min: 1, max: 40 }), spatial: fc.integer({ min: 4, max: 300 }) }),
  fc.record({ batch: fc.integer({ min: 1, max: 3 }), channels: fc.integer({ min: 1, max: 3 }), spatial: fc.integer({ min: 16_000, max: 40_000 }) }),
).filter(({ batch, channels, spatial }) => batch * channels * spatial >= WASM_BATCH_NORM_MIN && batch * spatial >= 2);

const cases: fc.Arbitrary<Case> = fc.record({
  type: fc.constantFrom<FloatType>("float32", "float64"),
  layout: layouts,
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  offset: fc.constantFrom(0, 1, 1000, 1e6),
  placed: fc.boolean(),
});

const RUNS = { numRuns: 40 };

describe("channelMomentsWasm", () => {
  it("agrees with the two-pass loop and the exact moments within the summation bounds (relative 2·M·u)", () => {
    fc.assert(fc.property(cases, (c) => {
      const x = input(c);
      const got = channelMomentsWasm(x, c.layout)!;
      const want = momentsLoop(x, c.layout);
      const { batch, channels, spatial } = c.layout;
      const count = batch * spatial;
      const gamma = 2.01 * count * U;
      for (let ch = 0; ch < channels; ch++) {
        const values: number[] = [];
        for (let n = 0; n < batch; n++) for (let l = 0; l < spatial; l++) values.push(x[(n * channels + ch) * spatial + l]);
        const exactMean = compensatedSum(values) / values.length;
        // Σ(x − m̂)² exceeds M·var by M·(m̂ − μ)², far from nothing when |mean| ≫ std: subtract it, (Σ(x − m̂))²/M
        const deviation = compensatedSum(values.map((v) => v - exactMean));
        const exactVariance = (compensatedSum(values.map((v) => (v - exactMean) ** 2)) - (deviation * deviation) / values.length) / values.length;
        const std = Math.sqrt(want.variance[ch]);
        // the corrected mean m + Σ(x − m)/M errs by the sum's rounding of the deviations, about M·u·std, and u·|mean| for the last add
        expect(Math.abs(got.mean[ch] - want.mean[ch])).toBeLessThanOrEqual(4 * U * Math.abs(want.mean[ch]) + gamma * std);
        // Σd² has positive terms, so each side's error is at most γ_M·Σd² = γ_M·M·var
        expect(Math.abs(got.variance[ch] - want.variance[ch])).toBeLessThanOrEqual(2 * gamma * want.variance[ch]);
        expect(Math.abs(got.variance[ch] - exactVariance)).toBeLessThanOrEqual(gamma * exactVariance);
        if (count <= 2000) expect(Math.abs(got.variance[ch] - want.variance[ch])).toBeLessThanOrEqual(1e-12 * want.variance[ch]);
      }
    }), RUNS);
  });

  it("takes the loop's sums in the loop's order when L = 1: the same bits", () => {
    const c: Case = { type: "float32", layout: { batch: 96, channels: 67, spatial: 1 }, seed: 7, offset: 1000, placed: false };
    const x = input(c);
    const got = channelMomentsWasm(x, c.layout)!;
    const want = momentsLoop(x, c.layout);
    expect(Array.from(got.mean)).toEqual(Array.from(want.mean));
    expect(Array.from(got.variance)).toEqual(Array.from(want.variance));
  });

  it("keeps the variance where E[x²] − E[x]² loses it: |mean| = 1e9, var = 1.25", () => {
    // channel 0 holds 1e9 + {1, 2, 3, 4} repeated: mean 1e9 + 2.5 and var 1.25, every value exact in float64.
    const layout = { batch: 2048, channels: 1, spatial: 4 };
    const x = Float64Array.from({ length: 8192 }, (_, i) => 1e9 + 1 + (i % 4));
    const { mean, variance } = channelMomentsWasm(x, layout)!;
    expect(mean[0]).toBe(1e9 + 2.5);
    expect(variance[0]).toBe(1.25);
  });
});

describe("channelAffineWasm", () => {
  it("gives the loop's bits: x·scale + shift in float64, rounded once", () => {
    fc.assert(fc.property(cases, fc.boolean(), (c, outPlaced) => {
      const x = input(c);
      const { channels } = c.layout;
      const next = seededUniform(c.seed + 1);
      const scale = Float64Array.from({ length: channels }, () => 4 * next() - 2);
      const shift = Float64Array.from({ length: channels }, () => 4 * next() - 2);
      const out = array(c.type, x.length, outPlaced);
      expect(channelAffineWasm(x, out, c.layout, scale, shift)).toBe(true);
      const want = array(c.type, x.length, false);
      const spatial = c.layout.spatial;
      for (let i = 0; i < x.length; i++) {
        const ch = Math.floor(i / spatial) % channels;
        want[i] = x[i] * scale[ch] + shift[ch];
      }
      expect(firstDifference(out, want)).toBe(-1);
    }), RUNS);
  });

  it("writes in place when out is x, and keeps −0 with a shift of −0", () => {
    const layout = { batch: 64, channels: 128, spatial: 1 };
    const x = new Float32Array(8192).fill(-0);
    x[5] = 3;
    expect(channelAffineWasm(x, x, layout, new Float64Array(128).fill(2), new Float64Array(128).fill(-0))).toBe(true);
    expect(Object.is(x[0], -0)).toBe(true);
    expect(x[5]).toBe(6);
  });
});

describe("channelGradSumsWasm and channelGradInputWasm", () => {
  it("agree with the loops within the summation bounds (2·M·u·Σ|term| per sum, propagated to dx)", () => {
    fc.assert(fc.property(cases, fc.boolean(), (c, dyPlaced) => {
      const x = input(c);
      const { batch, channels, spatial } = c.layout;
      const count = batch * spatial;
      const dy = uniform(c.type, x.length, c.seed + 2, dyPlaced);
      const { mean, variance } = momentsLoop(x, c.layout);
      const invStd = variance.map((v) => 1 / Math.sqrt(v + 1e-5));
      const next = seededUniform(c.seed + 3);
      const weight = Float64Array.from({ length: channels }, () => 4 * next() - 2);
      const got = channelGradSumsWasm(dy, x, c.layout, mean, invStd)!;
      const want = gradSumsLoop(dy, x, c.layout, mean, invStd);
      const gamma = 2.01 * count * U;
      for (let ch = 0; ch < channels; ch++) {
        expect(Math.abs(got.sumDy[ch] - want.sumDy[ch])).toBeLessThanOrEqual(gamma * want.absDy[ch]);
        expect(Math.abs(got.sumDyXhat[ch] - want.sumDyXhat[ch])).toBeLessThanOrEqual(gamma * want.absDyXhat[ch]);
      }
      const dx = array(c.type, x.length, c.placed);
      expect(channelGradInputWasm(dy, x, dx, c.layout, mean, invStd, weight, got.sumDy, got.sumDyXhat)).toBe(true);
      // the loop from the loop's sums: dx moves by |k|·(|δΣdy| + |x̂|·|δΣdy·x̂|), plus each side's own float64 roundings
      const reference = array(c.type, x.length, false);
      gradInputLoop(dy, x, reference, c.layout, mean, invStd, weight, want.sumDy, want.sumDyXhat);
      let worst = 0;
      for (let i = 0; i < x.length; i++) {
        const ch = Math.floor(i / spatial) % channels;
        const k = Math.abs((weight[ch] * invStd[ch]) / count);
        const xhat = Math.abs((x[i] - mean[ch]) * invStd[ch]);
        const magnitude = k * (count * Math.abs(dy[i]) + Math.abs(want.sumDy[ch]) + xhat * Math.abs(want.sumDyXhat[ch]));
        const float32Ulp = c.type === "float32" ? 2 ** (Math.floor(Math.log2(Math.max(Math.abs(reference[i]), 2 ** -126))) - 23) : 0;
        const bound = 1.01 * k * (gamma * want.absDy[ch] + xhat * gamma * want.absDyXhat[ch]) + 16 * U * magnitude + float32Ulp;
        worst = Math.max(worst, Math.abs(dx[i] - reference[i]) / bound);
      }
      expect(worst).toBeLessThanOrEqual(1);
    }), { numRuns: 25 });
  });

  it("gives the loop's dx bits when both start from the same sums", () => {
    const c: Case = { type: "float32", layout: { batch: 5, channels: 7, spatial: 300 }, seed: 11, offset: 1, placed: false };
    const x = input(c);
    const dy = uniform("float32", x.length, 12, false);
    const { mean, variance } = momentsLoop(x, c.layout);
    const invStd = variance.map((v) => 1 / Math.sqrt(v));
    const weight = Float64Array.from({ length: 7 }, (_, i) => i - 3);
    const { sumDy, sumDyXhat } = gradSumsLoop(dy, x, c.layout, mean, invStd);
    const got = new Float32Array(x.length);
    const want = new Float32Array(x.length);
    expect(channelGradInputWasm(dy, x, got, c.layout, mean, invStd, weight, sumDy, sumDyXhat)).toBe(true);
    gradInputLoop(dy, x, want, c.layout, mean, invStd, weight, sumDy, sumDyXhat);
    expect(firstDifference(got, want)).toBe(-1);
  });
});

describe("when the TypeScript loops run instead", () => {
  const layout = { batch: 64, channels: 64, spatial: 1 };
  const x = new Float32Array(4096).fill(1);
  const ones = new Float64Array(64).fill(1);

  it("returns null / false with setBackend(\"js\"), and runs again with a wasm backend", () => {
    setBackend("js");
    expect(batchNormWasmActive()).toBe(false);
    expect(channelMomentsWasm(x, layout)).toBeNull();
    expect(channelAffineWasm(x, new Float32Array(4096), layout, ones, ones)).toBe(false);
    expect(channelGradSumsWasm(x, x, layout, ones, ones)).toBeNull();
    expect(channelGradInputWasm(x, x, new Float32Array(4096), layout, ones, ones, null, ones, ones)).toBe(false);
    setBackend("wasm");
    expect(batchNormWasmActive()).toBe(true);
    expect(channelMomentsWasm(x, layout)).not.toBeNull();
  });

  it("returns null for short arrays, rows of 2 or 3 and more than WASM_BATCH_NORM_MAX_CHANNELS channels", () => {
    const short = new Float32Array(WASM_BATCH_NORM_MIN - 1);
    expect(channelMomentsWasm(short, { batch: WASM_BATCH_NORM_MIN - 1, channels: 1, spatial: 1 })).toBeNull();
    expect(channelMomentsWasm(new Float32Array(6000), { batch: 1000, channels: 3, spatial: 2 })).toBeNull();
    expect(channelMomentsWasm(new Float32Array(6000), { batch: 1000, channels: 2, spatial: 3 })).toBeNull();
    const wide = WASM_BATCH_NORM_MAX_CHANNELS + 1;
    expect(channelMomentsWasm(new Float32Array(2 * wide), { batch: 2, channels: wide, spatial: 1 })).toBeNull();
    expect(channelMomentsWasm(new Float32Array(2 * (wide - 1)), { batch: 2, channels: wide - 1, spatial: 1 })).not.toBeNull();
  });
});

describe("argument checks", () => {
  const layout = { batch: 2, channels: 3, spatial: 4 };
  const x = new Float32Array(24);
  const three = [1, 2, 3];

  it("names the argument, its value and what was expected", () => {
    expect(() => channelMomentsWasm([1, 2] as unknown as Float32Array, layout)).toThrow(InvalidArgumentError);
    expect(() => channelMomentsWasm(x, { batch: 2, channels: 3, spatial: 5 })).toThrow(/channelMomentsWasm: layout is .*expected N·C·L = x.length = 24/);
    expect(() => channelMomentsWasm(x, { batch: 2.5, channels: 3, spatial: 4 })).toThrow(/layout.batch is 2.5, expected an integer ≥ 0/);
    expect(() => channelAffineWasm(x, new Float64Array(24), layout, three, three)).toThrow(/channelAffineWasm: out is .*expected a Float32Array of length 24, like x/);
    expect(() => channelAffineWasm(x, new Float32Array(24), layout, [1, 2], three)).toThrow(/scale is .*expected an array of at least 3 numbers/);
    expect(() => channelGradSumsWasm(new Float32Array(23), x, layout, three, three)).toThrow(/channelGradSumsWasm: gradOutput is/);
    expect(() => channelGradInputWasm(x, x, x, layout, three, three, [1], three, three)).toThrow(/channelGradInputWasm: weight is/);
  });
});
