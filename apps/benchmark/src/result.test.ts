import { describe, expect, it } from "vitest";
import { ratio, type BenchResult } from "./result";
import { formatRatio, formatValue } from "./report/format";

const base = { section: "tensor", name: "x", unit: "u", peers: { "tfjs-cpu": 2 } } as const;

describe("ratio", () => {
  it("is descent / peer when higher is better and peer / descent when lower is better", () => {
    const faster: BenchResult = { ...base, higherIsBetter: true, descent: 8, peers: { "tfjs-cpu": 2 } };
    const fewer: BenchResult = { ...base, higherIsBetter: false, descent: 8, peers: { "tfjs-cpu": 2 } };
    expect(ratio(faster, "tfjs-cpu")).toBe(4);
    expect(ratio(fewer, "tfjs-cpu")).toBe(0.25);
  });

  it("is null for a missing or non-positive figure", () => {
    expect(ratio({ ...base, higherIsBetter: true, descent: 1, peers: {} }, "tfjs-cpu")).toBeNull();
    expect(ratio({ ...base, higherIsBetter: true, descent: 0, peers: { "tfjs-cpu": 2 } }, "tfjs-cpu")).toBeNull();
  });
});

describe("format", () => {
  it("prints 3 significant digits and switches to exponents outside [1e-3, 1e6)", () => {
    expect(formatValue(3.14159)).toBe("3.14");
    expect(formatValue(42)).toBe("42");
    expect(formatValue(3481.6)).toBe("3482");
    expect(formatValue(0.5)).toBe("0.5");
    expect(formatValue(1234567)).toBe("1.23e+6");
    expect(formatValue(0.0001234)).toBe("1.23e-4");
    expect(formatValue(undefined)).toBe("–");
    expect(formatRatio(4.26)).toBe("4.3×");
    expect(formatRatio(26.4)).toBe("26×");
  });
});
