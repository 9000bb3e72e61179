import { Generator } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { makeDataset } from "./dataset";
import { batchCount, minibatches } from "./minibatches";

const data = makeDataset("toy", Float32Array.from({ length: 20 }, (_, i) => i), Int32Array.from({ length: 10 }, (_, i) => i % 3), 2, 3);

describe("minibatches", () => {
  it("visits every row once per epoch in a shuffled order, rows intact", () => {
    const batches = [...minibatches(data, 4, new Generator(1))];
    expect(batches.map((b) => b.size)).toEqual([4, 4, 2]);
    const firsts = batches.flatMap((b) => Array.from(b.inputs.toFlatArray()).filter((_, i) => i % 2 === 0));
    expect([...firsts].sort((a, b) => a - b)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(firsts).not.toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    for (const b of batches) {
      const x = b.inputs.toFlatArray();
      const y = b.labels.toFlatArray();
      for (let i = 0; i < b.size; i++) {
        expect(x[2 * i + 1]).toBe(x[2 * i] + 1);
        expect(y[i]).toBe((x[2 * i] / 2) % 3);
      }
    }
  });

  it("keeps row order without a generator and can drop a short last batch", () => {
    expect([...minibatches(data, 4, null)][0].labels.toFlatArray()).toEqual(Int32Array.from([0, 1, 2, 0]));
    expect([...minibatches(data, 4, null, true)].map((b) => b.size)).toEqual([4, 4]);
    expect(batchCount(10, 4)).toBe(3);
    expect(batchCount(10, 4, true)).toBe(2);
  });
});
