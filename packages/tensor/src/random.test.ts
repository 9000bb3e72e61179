import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors";
import { Generator, defaultGenerator, manualSeed } from "./random";
import { normalCdf } from "./special/normal";
import { Tensor } from "./tensor";
import { values } from "./testing/reference";

/** Kolmogorov–Smirnov statistic D = sup |F_n(x) - F(x)| of a sample against a CDF. */
function ksStatistic(sample: readonly number[], cdf: (x: number) => number): number {
  const xs = [...sample].sort((a, b) => a - b);
  const n = xs.length;
  let d = 0;
  xs.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  });
  return d;
}

/** Asymptotic KS critical value at significance 0.001: c(α)/√n with c = sqrt(-ln(α/2)/2) = 1.9495. */
const ksCritical = (n: number): number => Math.sqrt(-Math.log(0.001 / 2) / 2) / Math.sqrt(n);

/** Pearson's χ² of observed counts against equal expected counts. */
function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const e = total / counts.length;
  return counts.reduce((s, c) => s + ((c - e) * (c - e)) / e, 0);
}

describe("Generator: the documented algorithm", () => {
  it("matches an independent Python implementation of SplitMix64 seeding + xoshiro128**", () => {
    // Reference values from a separate Python script (64-bit integers, explicit masks).
    const cases: [number | bigint, number[]][] = [
      [0, [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774]],
      [42, [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222]],
      [(1n << 64n) - 1n, [477689756, 2493998634, 555695776, 607808419, 61340979, 301466976]],
    ];
    for (const [seed, expected] of cases) {
      const g = new Generator(seed);
      expect(Array.from({ length: 6 }, () => g.nextUint32())).toEqual(expected);
    }
    // ((1776835114 >>> 5) * 2^26 + (4165204688 >>> 6)) / 2^53
    expect(new Generator(42).nextFloat64()).toBe(0.4137016681565887);
  });

  it("negative seeds wrap mod 2^64 and bigints beyond 2^64 reduce", () => {
    const a = new Generator(-1);
    const b = new Generator((1n << 64n) - 1n);
    expect(a.nextUint32()).toBe(b.nextUint32());
    expect(new Generator(1n << 64n).nextUint32()).toBe(new Generator(0).nextUint32());
    expect(new Generator(5).seed()).toBe(5n);
  });

  it("the same seed gives the same sequence of every kind; manualSeed restarts it", () => {
    const draw = (g: Generator): number[] => [
      ...values(g.uniform([5])),
      ...values(g.normal([5], 1, 2, { dtype: "float64" })),
      ...values(g.truncNormal([5])),
      ...values(g.integers(-3, 9, [5])),
      ...Array.from(g.permutation(7)),
      ...values(g.bernoulli([5], 0.3)),
    ];
    const g = new Generator(123);
    const first = draw(g);
    expect(draw(new Generator(123))).toEqual(first);
    expect(draw(g.manualSeed(123))).toEqual(first);
    expect(draw(new Generator(124))).not.toEqual(first);
  });

  it("getState/setState resume the sequence exactly, including a pending second normal", () => {
    const g = new Generator(9);
    g.nextNormal(); // leaves the pair's second value pending
    const state = g.getState();
    const next = [g.nextNormal(), g.nextNormal(), g.nextFloat64()];
    const h = new Generator(1).setState(state);
    expect([h.nextNormal(), h.nextNormal(), h.nextFloat64()]).toEqual(next);
    expect(h.seed()).toBe(9n);
    expect(() => h.setState({ ...state, words: [0, 0, 0, 0] })).toThrow(InvalidArgumentError);
    expect(() => h.setState({} as never)).toThrow(InvalidArgumentError);
  });

  it("defaultGenerator is reseeded by manualSeed", () => {
    const g = manualSeed(77);
    expect(g).toBe(defaultGenerator);
    const a = defaultGenerator.nextUint32();
    manualSeed(77);
    expect(defaultGenerator.nextUint32()).toBe(a);
    expect(a).toBe(new Generator(77).nextUint32());
  });

  it("rejects non-integer seeds", () => {
    expect(() => new Generator(1.5)).toThrow(InvalidArgumentError);
    expect(() => new Generator(NaN)).toThrow(InvalidArgumentError);
  });
});

describe("Generator: distributions (Kolmogorov–Smirnov at α = 0.001)", () => {
  const n = 20000;

  it("uniform on [low, high)", () => {
    for (const seed of [1, 2]) {
      const x = values(new Generator(seed).uniform([n], -3, 5, { dtype: "float64" }));
      expect(Math.min(...x)).toBeGreaterThanOrEqual(-3);
      expect(Math.max(...x)).toBeLessThan(5);
      expect(ksStatistic(x, (v) => (v + 3) / 8)).toBeLessThan(ksCritical(n));
    }
  });

  it("normal(mean, std)", () => {
    for (const seed of [3, 4]) {
      const x = values(new Generator(seed).normal([n], 1.5, 0.5, { dtype: "float64" }));
      expect(ksStatistic(x, (v) => normalCdf((v - 1.5) / 0.5))).toBeLessThan(ksCritical(n));
    }
    const f32 = new Generator(5).normal([3]);
    expect(f32.dtype).toBe("float32");
  });

  it("truncNormal stays in [a, b] and follows the truncated normal CDF, in either tail", () => {
    const cases: [number, number, number, number][] = [
      [0, 1, -2, 2],
      [0, 1, 1, 3], // upper tail: sampled by mirroring
      [0, 1, -Infinity, -1],
      [2, 3, -1, 0.5],
      [0, 1, 5, 6], // deep upper tail, probability ~3e-7
      [0, 0.02, -0.04, 0.04],
    ];
    cases.forEach(([mean, std, a, b], k) => {
      const x = values(new Generator(10 + k).truncNormal([n], mean, std, a, b, { dtype: "float64" }));
      expect(Math.min(...x)).toBeGreaterThanOrEqual(a);
      expect(Math.max(...x)).toBeLessThanOrEqual(b);
      // the truncated CDF, evaluated through the upper tail where that is more accurate
      const za = (a - mean) / std;
      const zb = (b - mean) / std;
      const cdf =
        za > 0
          ? (v: number): number => (normalCdf(-za) - normalCdf(-(v - mean) / std)) / (normalCdf(-za) - normalCdf(-zb))
          : (v: number): number => (normalCdf((v - mean) / std) - normalCdf(za)) / (normalCdf(zb) - normalCdf(za));
      expect(ksStatistic(x, cdf)).toBeLessThan(ksCritical(n));
    });
  });

  it("truncNormal validates its interval", () => {
    const g = new Generator(1);
    expect(() => g.truncNormal([2], 0, 1, 1, 1)).toThrow(InvalidArgumentError);
    expect(() => g.truncNormal([2], 0, 0)).toThrow(InvalidArgumentError);
    expect(() => g.truncNormal([2], 0, 1, 50, 60)).toThrow(InvalidArgumentError);
  });

  it("integers are uniform on [low, high) (χ², 9 degrees of freedom, 0.999 quantile 27.88)", () => {
    const x = values(new Generator(6).integers(-5, 5, [n]));
    const counts = new Array<number>(10).fill(0);
    for (const v of x) counts[v + 5]++;
    expect(Math.min(...x)).toBe(-5);
    expect(Math.max(...x)).toBe(4);
    expect(chiSquare(counts)).toBeLessThan(27.88);
    expect(new Generator(6).integers(0, 1, [3]).toArray()).toEqual([0, 0, 0]);
    expect(() => new Generator(6).integers(2, 2, [3])).toThrow(InvalidArgumentError);
    expect(() => new Generator(6).integers(0, 2 ** 32, [1])).toThrow(InvalidArgumentError);
  });

  it("permutation is a permutation, and all 6 orders of 3 are equally likely (χ², 5 dof, 0.999 quantile 20.52)", () => {
    const g = new Generator(7);
    const p = Array.from(g.permutation(50));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = Array.from(g.permutation(3)).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    expect(chiSquare([...counts.values()])).toBeLessThan(20.52);
    expect(g.permutation(0).length).toBe(0);
  });

  it("bernoulli has mean p (within 4 standard errors)", () => {
    const x = values(new Generator(8).bernoulli([n], 0.3));
    const mean = x.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(mean - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    expect(new Set(x)).toEqual(new Set([0, 1]));
    expect(values(new Generator(8).bernoulli([10], 0))).toEqual(new Array<number>(10).fill(0));
    expect(() => new Generator(8).bernoulli([1], 1.5)).toThrow(InvalidArgumentError);
  });
});

describe("Generator: in-place fills", () => {
  it("fill into a strided view writes only the viewed elements, in row-major order", () => {
    const base = Tensor.zeros([3, 4], { dtype: "float64" });
    const view = base.slice(null, [0, 4, 2]);
    new Generator(3).fillUniform(view, 1, 2);
    const expected = values(new Generator(3).uniform([3, 2], 1, 2, { dtype: "float64" }));
    expect(values(view)).toEqual(expected);
    expect(values(base.slice(null, [1, 4, 2]))).toEqual(new Array<number>(6).fill(0));
  });

  it("fill methods return the tensor and validate", () => {
    const t = Tensor.zeros([4]);
    const g = new Generator(1);
    expect(g.fillNormal(t, 0, 1)).toBe(t);
    expect(g.fillTruncNormal(t, 0, 1, -1, 1)).toBe(t);
    expect(() => g.fillNormal(t, 0, -1)).toThrow(InvalidArgumentError);
    expect(() => g.fillUniform(t, 1, 0)).toThrow(InvalidArgumentError);
    expect(() => g.fillUniform(Tensor.zeros([2], { dtype: "int32" }), 0, 1)).toThrow(InvalidArgumentError);
    expect(() => g.uniform([-1])).toThrow(InvalidArgumentError);
  });
});
