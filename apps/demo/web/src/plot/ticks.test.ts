import { expect, test } from "vitest";
import { formatTick, logTicks, niceTicks } from "./ticks";

test("ticks fall on multiples of 1, 2 or 5 × 10^k", () => {
  expect(niceTicks(0, 2000, 5)).toEqual([0, 500, 1000, 1500, 2000]);
  expect(niceTicks(-0.3, 0.9, 6)).toEqual([-0.2, 0, 0.2, 0.4, 0.6, 0.8]);
  expect(niceTicks(-10, -2, 4)).toEqual([-10, -8, -6, -4, -2]);
  expect(niceTicks(1, 1)).toEqual([1]);
});

test("a log axis gets 1-2-5 ticks when it spans under three decades, whole decades otherwise", () => {
  // [log10 0.3, log10 3]: 0.5, 1, 2 fall inside (0.3 and 3 themselves are not 1-2-5 values).
  expect(logTicks(Math.log10(0.3), Math.log10(3)).map((t) => Number((10 ** t).toPrecision(6)))).toEqual([0.5, 1, 2]);
  expect(logTicks(-10.5, 2.2)).toEqual([-10, -5, 0]);
});

test("tick labels are short", () => {
  expect([0, 0.25, 1500, 1e5, 1e-5].map(formatTick)).toEqual(["0", "0.25", "1500", "1e5", "1e-5"]);
});
