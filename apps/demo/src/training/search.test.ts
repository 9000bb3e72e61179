import { Generator } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { gridSearchConfigs, randomSearchConfigs, runSearch } from "./search";

describe("gridSearchConfigs", () => {
  it("lists the cartesian product, the first key varying slowest", () => {
    expect(gridSearchConfigs({ a: [1, 2], b: [10, 20, 30] })).toEqual([
      { a: 1, b: 10 },
      { a: 1, b: 20 },
      { a: 1, b: 30 },
      { a: 2, b: 10 },
      { a: 2, b: 20 },
      { a: 2, b: 30 },
    ]);
  });
});

describe("randomSearchConfigs", () => {
  it("draws inside each range, log-uniform draws spread evenly over the decades", () => {
    const configs = randomSearchConfigs(
      { lr: { kind: "logUniform", low: 1e-4, high: 1 }, width: { kind: "intUniform", low: 2, high: 4 }, act: { kind: "choice", values: [7, 9] } },
      4000,
      new Generator(0),
    );
    const decades = [0, 0, 0, 0];
    for (const c of configs) {
      expect(c.lr).toBeGreaterThanOrEqual(1e-4);
      expect(c.lr).toBeLessThan(1);
      expect([2, 3, 4]).toContain(c.width);
      expect([7, 9]).toContain(c.act);
      decades[Math.floor(Math.log10(c.lr) + 4)]++;
    }
    // 1000 expected per decade; a binomial standard deviation is √(4000·¼·¾) ≈ 27, so ±150 is over 5σ.
    for (const n of decades) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
});

describe("runSearch", () => {
  it("scores every configuration and sorts the best first", () => {
    const trials = runSearch([{ x: 1 }, { x: 3 }, { x: 2 }], (c) => ({ score: -((c.x - 2.5) ** 2), detail: c.x }));
    expect(trials.map((t) => t.config.x)).toEqual([3, 2, 1]);
    expect(trials[0].score).toBe(-0.25);
  });
});
