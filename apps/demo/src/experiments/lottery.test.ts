import { Linear, Parameter, Sequential } from "@descent/autograd";
import { Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { applyMasks, fullMasks, keptFraction, lotteryExperiment, pruneByMagnitude } from "./lottery";
import { tinyContext } from "./test-support";

describe("lottery experiment (tiny: two rounds pruning 70 %)", () => {
  const result = lotteryExperiment.run(tinyContext());
  const rows = result.tables[0].rows;

  it("keeps (1 − 0.7) of the hidden weights per round and 1 − 0.35 of the output layer's", () => {
    // 64-64-32-10: hidden weights 64·64 + 64·32 = 6144, output 32·10 = 320.
    // Round 1: round(0.7·4096) = 2867 and round(0.7·2048) = 1434 pruned, round(0.35·320) = 112.
    const kept1 = (4096 - 2867 + 2048 - 1434 + 320 - 112) / 6464;
    expect(rows[1][0] as number).toBeCloseTo(kept1, 12);
    expect(rows).toHaveLength(3);
  });

  it("has the rewound ticket beat random reinitialization of the same structure", () => {
    for (const row of rows.slice(1)) expect(row[1] as number).toBeGreaterThan(row[2] as number);
    expect(result.claims[1].holds).toBe(true);
  });
});

describe("pruneByMagnitude", () => {
  const layer = (values: number[][]) => {
    const l = new Linear(values[0].length, values.length, { dtype: "float64" });
    l.weight.data.copyFrom(Tensor.from(values, { dtype: "float64" }));
    return l;
  };

  it("removes the smallest |w| of the remaining weights, the output layer at half the rate", () => {
    const model = new Sequential(layer([[0.5, -0.1], [0.3, -0.9]]), layer([[0.2, -0.4, 0.05, 1], [0.7, 0.01, -0.3, 0.6]]));
    const masks = pruneByMagnitude(fullMasks(model), 0.5);
    const [first, second] = [...masks.values()];
    // First layer: drop 2 of 4, the smallest |w| being 0.1 and 0.3.
    expect(Array.from(first)).toEqual([1, 0, 0, 1]);
    // Output layer at rate 0.25: drop 2 of 8, |w| = 0.01 and 0.05.
    expect(Array.from(second)).toEqual([1, 1, 0, 1, 1, 0, 1, 1]);
    expect(keptFraction(masks)).toBeCloseTo(8 / 12, 15);
    // A second round only considers the survivors: 1 of the 2 left in the first layer goes (0.5).
    expect(Array.from([...pruneByMagnitude(masks, 0.5).values()][0])).toEqual([0, 0, 0, 1]);
  });

  it("zeroes the pruned weights when applied", () => {
    const first = layer([[0.5, -0.1], [0.3, -0.9]]);
    const model = new Sequential(first, layer([[1, 2]]));
    const masks = pruneByMagnitude(fullMasks(model), 0.5);
    applyMasks(masks);
    // −0.1 · 0 is −0: add 0 to compare values, not signs of zero.
    expect(Array.from(first.weight.data.toFlatArray(), (v) => v + 0)).toEqual([0.5, 0, 0, -0.9]);
    expect(masks.keys().next().value).toBeInstanceOf(Parameter);
  });
});
