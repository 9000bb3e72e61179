import { describe, expect, it } from "vitest";
import { normalCdf, standardNormalCdf, truncNormalCdf, uniformCdf } from "./distributions";
import { kolmogorovSurvival, ksPValue, ksStatistic, marsagliaTsangWangCdf } from "./ks-test";

// Reference values: SciPy 1.17 `scipy.stats.kstwo` (exact finite-n distribution), `kstwobign`
// (the Kolmogorov limit), `norm` and `truncnorm`.

describe("marsagliaTsangWangCdf", () => {
  it("reproduces the paper's example and SciPy's exact kstwo.cdf", () => {
    // Marsaglia, Tsang & Wang (2003): K(10, 0.274) = 0.6284796154565043.
    expect(marsagliaTsangWangCdf(10, 0.274)).toBeCloseTo(0.6284796154565043, 12);
    expect(marsagliaTsangWangCdf(5, 0.3)).toBeCloseTo(0.336, 12);
    expect(marsagliaTsangWangCdf(20, 0.1)).toBeCloseTo(0.023744905407845036, 12);
    expect(marsagliaTsangWangCdf(100, 0.05)).toBeCloseTo(0.0467840289364275, 12);
    // n = 1000: an 81×81 matrix to the 1000th power; rounding leaves ~6e-9, plenty for a 1e-3 test.
    expect(marsagliaTsangWangCdf(1000, 0.04)).toBeCloseTo(0.9206604394099978, 7);
  });
});

describe("ksPValue", () => {
  it("is SciPy's kstwo.sf, exact up to n = 1000", () => {
    expect(ksPValue(10, 0.274)).toBeCloseTo(0.3715203845434957, 12);
    expect(ksPValue(1000, 0.04)).toBeCloseTo(0.07933956059000224, 7);
    // In the quick-tail region of the paper (n·d² > 3.76, n > 99): within 1% of the exact value.
    expect(ksPValue(100, 0.2) / 0.0005551927327988775).toBeCloseTo(1, 2);
    expect(ksPValue(600, 0.08) / 0.0008688069881132108).toBeCloseTo(1, 2);
    expect(ksPValue(600, 0.06)).toBeCloseTo(0.025508315250604485, 6);
  });

  it("is within 3% of the exact p-value above n = 1000 (Stephens' corrected asymptotics)", () => {
    for (const [n, d, exact] of [
      [1152, 0.05, 0.006082734881813875],
      [5000, 0.02, 0.03613941395325637],
      [18432, 0.012, 0.009819598792968122],
    ]) {
      expect(Math.abs(ksPValue(n, d) / exact - 1)).toBeLessThan(0.03);
    }
  });

  it("is 1 at d = 0 and 0 at d = 1", () => {
    expect(ksPValue(50, 0)).toBe(1);
    expect(ksPValue(50, 1)).toBe(0);
  });
});

describe("kolmogorovSurvival", () => {
  it("is SciPy's kstwobign.sf on both branches", () => {
    const cases: [number, number][] = [
      [0.3, 0.9999906941986655],
      [0.5, 0.9639452436648751],
      [1.0, 0.26999967167735456],
      [1.2, 0.11224966667072497],
      [1.5, 0.022217962616525127],
      [2.0, 0.0006709252557796953],
    ];
    for (const [lambda, expected] of cases) expect(kolmogorovSurvival(lambda)).toBeCloseTo(expected, 12);
  });
});

describe("ksStatistic", () => {
  it("is the largest gap between the empirical and the stated CDF, worked by hand", () => {
    // Sample {0.1, 0.2, 0.9} against U(0, 1): gaps i/n − x: 1/3 − 0.1, 2/3 − 0.2 = 0.4667, 1 − 0.9;
    // x − (i−1)/n: 0.1, 0.2 − 1/3, 0.9 − 2/3. The largest is 2/3 − 0.2 = 0.46667.
    expect(ksStatistic([0.9, 0.1, 0.2], uniformCdf(0, 1))).toBeCloseTo(2 / 3 - 0.2, 15);
  });

  it("rejects a sample from the wrong distribution and keeps the right one", () => {
    // A deterministic, evenly spread 'sample' of U(0, 1): quantiles (i + 0.5)/n, D = 0.5/n.
    const n = 400;
    const even = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    expect(ksStatistic(even, uniformCdf(0, 1))).toBeCloseTo(0.5 / n, 15);
    expect(ksPValue(n, ksStatistic(even, uniformCdf(0, 1)))).toBeGreaterThan(0.99);
    // The same points against U(0, 1.2): D = 1/6 at x = 1, far beyond any 1e-3 critical value.
    expect(ksPValue(n, ksStatistic(even, uniformCdf(0, 1.2)))).toBeLessThan(1e-6);
  });
});

describe("distributions", () => {
  it("normal CDF within 1e-7 of SciPy's norm.cdf, relative in the tails", () => {
    expect(standardNormalCdf(0.5)).toBeCloseTo(0.6914624612740131, 7);
    expect(standardNormalCdf(-3) / 0.0013498980316300933).toBeCloseTo(1, 6);
    expect(standardNormalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 6);
    expect(normalCdf(1, 2)(1)).toBeCloseTo(0.5, 7);
  });

  it("truncated normal CDF matches SciPy's truncnorm.cdf", () => {
    // truncnorm(a=-2.5, b=2.5, loc=0.5, scale=0.2): the window [0, 1]; cdf(0.3) = 0.1543626696401989.
    const cdf = truncNormalCdf(0.5, 0.2, 0, 1);
    expect(cdf(0.3)).toBeCloseTo(0.1543626696401989, 6);
    expect(cdf(0)).toBe(0);
    expect(cdf(1)).toBe(1);
    expect(cdf(0.5)).toBeCloseTo(0.5, 7);
  });

  it("truncated normal CDF stays accurate for a window deep in the upper tail", () => {
    // N(0, 1) on [8, 9]: mass Φ(−8) − Φ(−9) ≈ 6.2e-16, invisible to 1 − Φ. Median ≈ 8 + ln 2 / 8 ≈ 8.085
    // (the tail is ~ e^(−8·t) near 8), so the CDF there is about 0.5.
    const cdf = truncNormalCdf(0, 1, 8, 9);
    expect(cdf(8 + Math.log(2) / 8)).toBeCloseTo(0.5, 1);
    expect(cdf(8.5)).toBeGreaterThan(0.97);
  });
});
