import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BadInputError } from "../errors";
import { loadBreastCancer } from "./breast-cancer";
import { loadDigits } from "./digits";
import { loadFashionMnist } from "./fashion-mnist";
import { parseIdx } from "./idx";
import { parseDataChoice } from "./source";

const dir = mkdtempSync(join(tmpdir(), "descent-demo-data-"));

describe("shipped data", () => {
  it("loads the 1797 digits with the UCI class counts", () => {
    const digits = loadDigits();
    expect([digits.size, digits.features, digits.classes]).toEqual([1797, 64, 10]);
    const counts = Array<number>(10).fill(0);
    for (const label of digits.labels) counts[label]++;
    // The class counts given in the UCI description of this set.
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(Math.max(...digits.inputs)).toBe(16);
  });

  it("loads the breast-cancer set: 569 rows, 212 malignant (0) and 357 benign (1)", () => {
    const data = loadBreastCancer();
    expect([data.size, data.features]).toEqual([569, 30]);
    expect(data.labels.reduce((a, b) => a + b, 0)).toBe(357);
  });
});

describe("bad data files", () => {
  it("reports a missing file with the fix", () => {
    expect(() => loadDigits(join(dir, "nope.csv.gz"))).toThrow(BadInputError);
    expect(() => loadDigits(join(dir, "nope.csv.gz"))).toThrow(/cannot read data file .*nope\.csv\.gz \(ENOENT\)/);
  });

  it("reports a file that is not gzip, or gzip of the wrong contents", () => {
    writeFileSync(join(dir, "plain.csv.gz"), "1,2,3\n");
    expect(() => loadDigits(join(dir, "plain.csv.gz"))).toThrow(/not valid gzip/);
    writeFileSync(join(dir, "short.csv.gz"), gzipSync("1,2,3\n"));
    expect(() => loadDigits(join(dir, "short.csv.gz"))).toThrow(/line 1 is not 64 pixel values/);
    writeFileSync(join(dir, "bc.csv"), "569,30,malignant,benign\n1,2\n");
    expect(() => loadBreastCancer(join(dir, "bc.csv"))).toThrow(/announces 569 rows, the file has 1/);
  });

  it("reports a missing Fashion-MNIST folder with the install command", () => {
    const error = (() => {
      try {
        loadFashionMnist(join(dir, "none"));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).message).toMatch(/Fashion-MNIST folder .*none does not exist/);
    expect((error as BadInputError).fix).toMatch(/apt-get install dataset-fashion-mnist/);
    expect(() => parseDataChoice(join(dir, "none"))).toThrow(BadInputError);
  });
});

describe("parseIdx", () => {
  it("reads the header and the values", () => {
    // Magic 00 00 08 02 (uint8, 2 dimensions), dimensions 2 and 3, then six values.
    const bytes = Uint8Array.from([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
    const idx = parseIdx(bytes, "x", "fix");
    expect(idx.shape).toEqual([2, 3]);
    expect(Array.from(idx.values)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("rejects a wrong magic, type or length", () => {
    expect(() => parseIdx(Uint8Array.from([1, 0, 8, 1, 0, 0, 0, 1, 7]), "x", "fix")).toThrow(/magic/);
    expect(() => parseIdx(Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 1, 7]), "x", "fix")).toThrow(/element type 0xd/);
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 3, 7]), "x", "fix")).toThrow(/1 value bytes for shape \[3\]/);
  });
});
