import { describe, expect, it } from "vitest";
import { Generator } from "../random";
import { portableExp, portableLog } from "./portable-math";

describe("portable log/exp (fdlibm in plain arithmetic)", () => {
  it("agree with the engine's Math.log / Math.exp to within one ulp on many random inputs", () => {
    // V8 implements Math.log/exp with fdlibm too, so here they agree bit for bit; another engine
    // may differ by an ulp, which is why the generator does not use Math.log.
    const g = new Generator(1);
    let worstLog = 0;
    let worstExp = 0;
    for (let i = 0; i < 50000; i++) {
      const x = Math.exp((g.nextFloat64() - 0.5) * 1400);
      worstLog = Math.max(worstLog, Math.abs(portableLog(x) - Math.log(x)) / Math.abs(Math.log(x) || 1));
      const y = (g.nextFloat64() - 0.5) * 1480;
      const e = Math.exp(y);
      if (e > 0 && Number.isFinite(e)) worstExp = Math.max(worstExp, Math.abs(portableExp(y) - e) / e);
    }
    expect(worstLog).toBeLessThanOrEqual(2.3e-16);
    expect(worstExp).toBeLessThanOrEqual(2.3e-16);
  });

  it("special values", () => {
    expect(portableLog(1)).toBe(0);
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(Infinity)).toBe(Infinity);
    expect(portableLog(5e-324)).toBeCloseTo(-744.4400719213812, 12);
    expect(portableLog(Math.E)).toBe(1);
    expect(portableExp(0)).toBe(1);
    expect(portableExp(1)).toBe(Math.E);
    expect(portableExp(-Infinity)).toBe(0);
    expect(portableExp(Infinity)).toBe(Infinity);
    expect(portableExp(710)).toBe(Infinity);
    expect(portableExp(-746)).toBe(0);
    expect(portableExp(NaN)).toBeNaN();
    expect(portableExp(Math.LN2)).toBe(2);
  });
});
