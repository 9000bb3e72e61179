import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../errors";
import { constantSchedule } from "./constant";

describe("constantSchedule", () => {
  it("is the value at every step", () => {
    const s = constantSchedule({ value: 0.1 });
    expect([s(0), s(7), s(1_000_000)]).toEqual([0.1, 0.1, 0.1]);
  });
  it("rejects a non-positive or non-finite value, naming it", () => {
    expect(() => constantSchedule({ value: 0 })).toThrow("constantSchedule: value is 0, expected a finite number > 0");
    expect(() => constantSchedule({ value: -1 })).toThrow(InvalidArgumentError);
    expect(() => constantSchedule({ value: Infinity })).toThrow("value is Infinity");
    expect(() => constantSchedule({ value: Number.NaN })).toThrow("value is NaN");
  });
  it("rejects a step that is not an integer >= 0", () => {
    const s = constantSchedule({ value: 1 });
    expect(() => s(-1)).toThrow("constantSchedule schedule: step is -1, expected an integer >= 0");
    expect(() => s(0.5)).toThrow("step is 0.5");
  });
});
