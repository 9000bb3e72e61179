import { describe, expect, it } from "vitest";
import { scheduleTable, schedulesExperiment } from "./schedules";
import { cell, tinyContext } from "./test-support";

describe("schedules experiment (tiny: 64-32-10 MLP, 4 epochs, seed 0)", () => {
  const result = schedulesExperiment.run(tinyContext());
  const table = result.tables[0];

  it("at η₀ near the edge of stability, every annealed schedule ends below the constant rate's validation loss", () => {
    const constant = cell(table, "constant", "final validation loss");
    for (const name of ["linear to 1 %", "cosine", "warm-up + cosine", "one-cycle"]) {
      expect(cell(table, name, "final validation loss")).toBeLessThan(constant);
    }
    expect(result.claims[0].holds).toBe(true);
  });

  it("trains every schedule to a useful classifier", () => {
    expect(table.rows).toHaveLength(8);
    for (const row of table.rows) expect(cell(table, row[0] as string, "test accuracy")).toBeGreaterThan(0.8);
  });
});

describe("scheduleTable", () => {
  const T = 400;
  const eta = 0.15;
  const lr = (name: string, t: number): number => scheduleTable(T, eta).find((s) => s.name === name)!.schedule(t);

  it("follows each schedule's formula", () => {
    // cos(π/2) = 0, so the cosine is at η₀/2 halfway.
    expect(lr("cosine", T / 2)).toBeCloseTo(eta / 2, 12);
    // Linear from η₀ to 0.01·η₀: halfway is 0.505·η₀, and the floor at T.
    expect(lr("linear to 1 %", T / 2)).toBeCloseTo(0.505 * eta, 12);
    expect(lr("linear to 1 %", T)).toBeCloseTo(0.01 * eta, 12);
    // γ^T = 0.01 by construction, and 1/(1 + 9) = 0.1 at T.
    expect(lr("exponential", T)).toBeCloseTo(0.01 * eta, 12);
    expect(lr("1/t", T)).toBeCloseTo(0.1 * eta, 12);
    // Step: three equal stages, ×0.1 at each boundary (stepSize ⌈400/3⌉ = 134).
    expect(lr("step", 133)).toBe(eta);
    expect(lr("step", 134)).toBeCloseTo(0.1 * eta, 12);
    // Warm-up: 0 at the start, η₀ after 10 % of the steps.
    expect(lr("warm-up + cosine", 0)).toBe(0);
    expect(lr("warm-up + cosine", 40)).toBeCloseTo(eta, 12);
    // One-cycle starts at η₀/25 (PyTorch's default divFactor) and peaks at 30 % of the steps.
    expect(lr("one-cycle", 0)).toBeCloseTo(eta / 25, 12);
    expect(Math.max(...Array.from({ length: T }, (_, t) => lr("one-cycle", t)))).toBeCloseTo(eta, 12);
  });
});
