import { Generator } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { lecunNormal, lecunUniform } from "./lecun";
import { moments } from "./test-moments";

describe("lecunUniform and lecunNormal", () => {
  it("have variance 1/fanIn", () => {
    // [400, 250]: variance 1/250 = 0.004; uniform bound √(3/250) = 0.10954451150103323.
    const u = moments(lecunUniform.create([400, 250], { generator: new Generator(1), dtype: "float64" }).toFlatArray());
    expect(u.variance / 0.004).toBeCloseTo(1, 1);
    expect(u.max).toBeLessThanOrEqual(0.10954451150103323 * (1 + 1e-12));
    expect(u.max).toBeGreaterThan(0.109);
    const n = moments(lecunNormal.create([400, 250], { generator: new Generator(2), dtype: "float64" }).toFlatArray());
    expect(n.variance / 0.004).toBeCloseTo(1, 1);
    expect(Math.abs(n.mean)).toBeLessThan(0.001);
  });

  it("use the receptive field: conv [64, 8, 5, 5] has fanIn 8·25 = 200", () => {
    const n = moments(lecunNormal.create([64, 8, 5, 5], { generator: new Generator(3), dtype: "float64" }).toFlatArray());
    expect(n.variance / (1 / 200)).toBeCloseTo(1, 1);
  });
});
