import { describe, expect, it } from "vitest";
import { digitsDataset, readDigits } from "./digits";

describe("digits", () => {
  it("reads the 1797 rows of 64 pixels the description lists, scaled by 1/16", () => {
    const { x, y, count } = readDigits();
    expect(count).toBe(1797);
    // The first line of the file: 0,0,5,13,9,1,0,0,… with label 0.
    expect(Array.from(x.subarray(0, 4))).toEqual([0, 0, 5 / 16, 13 / 16]);
    expect(y[0]).toBe(0);
    expect(Math.min(...y)).toBe(0);
    expect(Math.max(...y)).toBe(9);
    expect(Math.max(...x)).toBe(1);
  });

  it("splits 80/20 without overlap, the same way for the same seed", () => {
    const a = digitsDataset(7);
    const b = digitsDataset(7);
    expect(a.test.length).toBe(359); // round(0.2 · 1797)
    expect(a.train.length).toBe(1797 - 359);
    expect(new Set([...a.train, ...a.test]).size).toBe(1797);
    expect(Array.from(b.test)).toEqual(Array.from(a.test));
    expect(a.xTrain.length).toBe(a.train.length * 64);
  });
});
