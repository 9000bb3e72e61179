import { describe, expect, it } from "vitest";
import { denseInv } from "./inv";
import { matmul, relativeError, seededUniform, wellConditioned } from "./test-matrices";

describe("denseInv", () => {
  it("inverts a 2×2 by the adjugate", () => {
    // [[4, 7], [2, 6]]: det 10, inverse [[0.6, −0.7], [−0.2, 0.4]].
    const inv = denseInv(Float64Array.from([4, 7, 2, 6]), 2);
    expect(relativeError(inv, [0.6, -0.7, -0.2, 0.4])).toBeLessThan(1e-15);
  });

  it("gives A·A⁻¹ = I to 1e-12 on a random 60×60", () => {
    const n = 60;
    const a = wellConditioned(seededUniform(9), n);
    const identity = new Float64Array(n * n);
    for (let i = 0; i < n; i++) identity[i * n + i] = 1;
    expect(relativeError(matmul(a, denseInv(a, n), n, n, n), identity)).toBeLessThan(1e-12);
  });
});
