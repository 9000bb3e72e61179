import { describe, expect, it } from "vitest";
import { optimizersExperiment } from "./optimizers";
import { cell, tinyContext } from "./test-support";

describe("optimizers experiment (tiny: 64-32-10 MLP, 600 digits, 5 epochs)", () => {
  const result = optimizersExperiment.run(tinyContext());
  const table = result.tables[0];

  it("trains all ten optimizers from the same start", () => {
    expect(table.rows).toHaveLength(10);
    // Ten classes: an untrained net scores about 10 %, so every optimizer has learned something.
    for (const row of table.rows) expect(cell(table, row[0] as string, "test accuracy")).toBeGreaterThan(0.3);
  });

  it("Adam and momentum beat plain SGD at the same epoch budget", () => {
    const sgd = cell(table, "SGD", "test accuracy");
    expect(cell(table, "Adam", "test accuracy")).toBeGreaterThan(sgd + 0.05);
    expect(cell(table, "SGD + momentum 0.9", "test accuracy")).toBeGreaterThan(sgd + 0.05);
    // Momentum 0.9 takes steps about 1/(1 − 0.9) = 10 times larger once the velocity builds
    // up, so plain SGD's training loss must still be well above momentum's.
    expect(cell(table, "SGD", "final train loss")).toBeGreaterThan(2 * cell(table, "SGD + momentum 0.9", "final train loss"));
    expect(result.claims.every((c) => c.holds)).toBe(true);
  });

  it("draws one curve per optimizer", () => {
    for (const figure of result.figures) {
      expect(figure.kind).toBe("line");
      if (figure.kind === "line") expect(figure.series.map((s) => s.points.length)).toEqual(Array(10).fill(5));
    }
  });

  it("runs only the optimizers asked for", () => {
    const only = optimizersExperiment.run(tinyContext({ optimizers: ["adam"], epochs: 1 }));
    expect(only.tables[0].rows.map((r) => r[0])).toEqual(["Adam"]);
  });
});
