import { describe, expect, it } from "vitest";
import { batchSizeExperiment } from "./batch-size";
import { cell, tinyContext } from "./test-support";

describe("batch-size experiment (tiny: batches 16 and 128, 3 epochs)", () => {
  const result = batchSizeExperiment.run(tinyContext());
  const table = result.tables[0];
  const value = (batch: number, column: string): number => cell(table, String(batch), column);

  it("takes 8 times fewer steps at batch 128 than at batch 16", () => {
    // 1079 training rows: ⌈1079/16⌉ = 68 and ⌈1079/128⌉ = 9 batches per epoch, 3 epochs.
    expect(value(16, "steps")).toBe(3 * 68);
    expect(value(128, "steps")).toBe(3 * 9);
  });

  it("loses accuracy at batch 128 with the learning rate fixed, and recovers it with the linear scaling rule", () => {
    const base = value(16, "test accuracy, lr scaled");
    expect(value(128, "scaled lr = 0.02·B/16")).toBeCloseTo(0.16, 12);
    expect(value(128, "test accuracy, lr fixed at 0.02")).toBeLessThan(base - 0.2);
    expect(value(128, "test accuracy, lr scaled")).toBeGreaterThan(base - 0.05);
    for (const claim of result.claims) expect(claim.holds, claim.text).toBe(true);
  });
});
