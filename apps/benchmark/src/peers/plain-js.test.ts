import { adamUpdate, adamDefaults } from "@descent/optim";
import { describe, expect, it } from "vitest";
import { plainAdamStep, plainCopy } from "./plain-js";

describe("plain-js Adam", () => {
  it("moves each parameter by lr·g/(|g| + ε) on the first step", () => {
    // From m = v = 0: m₁ = (1 − β₁)g, v₁ = (1 − β₂)g², and the bias corrections undo both
    // factors, so the step is lr · g / (|g| + ε).
    const p = Float32Array.from([1, -2, 0.5]);
    const g = Float32Array.from([0.3, -4, 1e-3]);
    plainAdamStep(p, g, new Float32Array(3), new Float32Array(3), 1, 0.01);
    const expected = [1 - (0.01 * 0.3) / (0.3 + 1e-8), -2 + (0.01 * 4) / (4 + 1e-8), 0.5 - (0.01 * 1e-3) / (1e-3 + 1e-8)];
    expected.forEach((e, i) => {
      expect(p[i]).toBeCloseTo(e, 6);
    });
  });

  it("follows @descent/optim's adamUpdate step for step (to float32 rounding)", () => {
    const n = 64;
    const p1 = Float32Array.from({ length: n }, (_, i) => Math.sin(i));
    const p2 = p1.slice();
    const state = { step: 0, expAvg: new Float32Array(n), expAvgSq: new Float32Array(n), maxExpAvgSq: null };
    const m = new Float32Array(n);
    const v = new Float32Array(n);
    for (let step = 1; step <= 10; step++) {
      const g = Float32Array.from({ length: n }, (_, i) => Math.cos(i * step));
      adamUpdate(p1, g, state, step, { ...adamDefaults });
      plainAdamStep(p2, g, m, v, step);
    }
    for (let i = 0; i < n; i++) expect(p2[i]).toBeCloseTo(p1[i], 5);
  });

  it("copies", () => {
    const src = Float32Array.from([1, 2, 3]);
    const dst = new Float32Array(3);
    plainCopy(dst, src);
    expect(Array.from(dst)).toEqual([1, 2, 3]);
  });
});
