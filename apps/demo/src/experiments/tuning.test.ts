import { describe, expect, it } from "vitest";
import { tinyContext } from "./test-support";
import { tuningExperiment } from "./tuning";

describe("tuning experiment (tiny: 2×2 grid vs 4 random draws, 2-fold CV on 600 rows)", () => {
  const result = tuningExperiment.run(tinyContext());
  const [summary, trials] = result.tables;

  it("chooses, in each search, the trial with the best cross-validated accuracy", () => {
    for (const search of ["grid", "random"]) {
      const own = trials.rows.filter((r) => r[0] === search);
      expect(own).toHaveLength(4);
      const best = Math.max(...own.map((r) => r[3] as number));
      const chosen = summary.rows.find((r) => r[0] === search)!;
      expect(chosen[3]).toBe(best);
      // The fold accuracies average to the reported CV accuracy (two folds).
      for (const row of own) {
        const folds = (row[4] as string).split(" / ").map(Number);
        expect((folds[0] + folds[1]) / 2).toBeCloseTo(100 * (row[3] as number), 0);
      }
    }
  });

  it("spaces the grid's learning rates logarithmically over [1e-3, 0.3] and draws random ones inside it", () => {
    const lrs = (search: string) => [...new Set(trials.rows.filter((r) => r[0] === search).map((r) => r[1] as number))].sort((a, b) => a - b);
    expect(lrs("grid")).toEqual([0.001, 0.3]);
    expect(lrs("random")).toHaveLength(4);
    for (const lr of lrs("random")) {
      expect(lr).toBeGreaterThanOrEqual(1e-3);
      expect(lr).toBeLessThanOrEqual(0.3);
    }
  });

  it("evaluates the chosen settings on the test set to a useful accuracy", () => {
    for (const row of summary.rows) expect(row[5] as number).toBeGreaterThan(0.6);
    expect(result.claims[1].holds).toBe(true);
  });
});
