import { describe, expect, it } from "vitest";
import { batchNormExperiment } from "./batchnorm";
import { tinyContext } from "./test-support";

describe("batchnorm experiment (tiny: 64-32-32-32-10, plain SGD at lr 0.1 and 3)", () => {
  const result = batchNormExperiment.run(tinyContext());
  const [sweep, parts] = result.tables;
  const at = (lr: number) => sweep.rows.find((r) => r[0] === lr)!;

  it("tolerates a learning rate where the plain net fails", () => {
    // lr 3: the plain net's loss blows up or sticks at log 10 ≈ 2.30 (chance), the normalized net trains.
    const [, plainAccuracy, normalizedAccuracy, plainLoss, , plainDiverged, normalizedDiverged] = at(3);
    expect(plainDiverged === true || ((plainLoss as number) > 2 && (plainAccuracy as number) < 0.2)).toBe(true);
    expect(normalizedDiverged).toBe(false);
    expect(normalizedAccuracy as number).toBeGreaterThan(0.5);
    expect(result.claims[0].holds).toBe(true);
  });

  it("trains faster with batch norm at a small learning rate", () => {
    const [, plain, normalized] = at(0.1);
    expect(normalized as number).toBeGreaterThan((plain as number) + 0.2);
  });

  it("counts γ and β as two parameters per hidden unit and trains them far above chance", () => {
    const gammaBeta = parts.rows.find((r) => r[0] === "only γ and β")!;
    // Three hidden layers of 32 units, a γ and a β each: 2 · 3 · 32 = 192.
    expect(gammaBeta[1]).toBe(192);
    expect(gammaBeta[3] as number).toBeGreaterThan(0.3);
    // Training everything still wins.
    expect(parts.rows[0][3] as number).toBeGreaterThan(gammaBeta[3] as number);
  });
});
