import { Generator } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { makeDataset } from "./dataset";
import { splitDataset } from "./split";

// 100 rows, one feature holding the row number, labels 0 (60 rows) and 1 (40 rows).
const data = makeDataset("toy", Float32Array.from({ length: 100 }, (_, i) => i), Int32Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : 1)), 1, 2);

describe("splitDataset", () => {
  const splits = splitDataset(data, { validation: 0.2, test: 0.1, generator: new Generator(3) });

  it("stratifies: each class is split in the given proportions", () => {
    const count = (d: typeof splits.train, c: number) => Array.from(d.labels).filter((l) => l === c).length;
    // Class 0: round(6) test, round(12) validation, 42 train; class 1: 4, 8, 28.
    expect([count(splits.test, 0), count(splits.validation, 0), count(splits.train, 0)]).toEqual([6, 12, 42]);
    expect([count(splits.test, 1), count(splits.validation, 1), count(splits.train, 1)]).toEqual([4, 8, 28]);
  });

  it("uses every row exactly once and keeps inputs with their labels", () => {
    const rows = [splits.train, splits.validation, splits.test].flatMap((d) => Array.from(d.inputs));
    expect([...rows].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const d of [splits.train, splits.validation, splits.test]) {
      d.inputs.forEach((row, i) => {
        expect(d.labels[i]).toBe(row < 60 ? 0 : 1);
      });
    }
  });

  it("is fixed by the seed", () => {
    const again = splitDataset(data, { validation: 0.2, test: 0.1, generator: new Generator(3) });
    expect(Array.from(again.test.inputs)).toEqual(Array.from(splits.test.inputs));
    const other = splitDataset(data, { validation: 0.2, test: 0.1, generator: new Generator(4) });
    expect(Array.from(other.test.inputs)).not.toEqual(Array.from(splits.test.inputs));
  });
});
