import { describe, expect, it } from "vitest";
import { clipGradNorm, clipGradValue } from "./clip";
import { param } from "./test-support";

describe("clipGradNorm", () => {
  it("returns the total 2-norm and scales by maxNorm/(norm + 1e-6)", () => {
    // ‖[3, 4]‖ = 5, ‖[12]‖ = 12, total √(25 + 144) = 13; scale = 6.5/(13 + 1e-6)
    const a = param([0, 0], [3, 4]);
    const b = param([0], [12]);
    const c = param([0]);
    expect(clipGradNorm([a, b, c], 6.5)).toBe(13);
    const scale = 6.5 / (13 + 1e-6);
    expect(Array.from(a.grad!)).toEqual([3 * scale, 4 * scale]);
    expect(b.grad![0]).toBe(12 * scale);
    expect(c.grad).toBeNull();
  });

  it("leaves gradients whose norm is below maxNorm unchanged (scale clamped to 1)", () => {
    const a = param([0, 0], [3, 4]);
    expect(clipGradNorm(a, 10)).toBe(5);
    expect(Array.from(a.grad!)).toEqual([3, 4]);
  });

  it("supports the infinity norm and other p-norms", () => {
    // ∞-norm: max(|−7|, 2, 5) = 7; 1-norm: 7 + 2 + 5 = 14
    expect(clipGradNorm([param([0, 0], [-7, 2]), param([0], [5])], 100, Infinity)).toBe(7);
    expect(clipGradNorm([param([0, 0], [-7, 2]), param([0], [5])], 100, 1)).toBe(14);
    // 3-norms: ‖[1, 2]‖₃ = 9^(1/3), ‖[2]‖₃ = 2 → total (9 + 8)^(1/3) = 17^(1/3)
    expect(clipGradNorm([param([0, 0], [1, 2]), param([0], [2])], 100, 3)).toBeCloseTo(17 ** (1 / 3), 14);
  });

  it("with errorIfNonfinite throws on NaN or infinite norms before changing anything", () => {
    const a = param([0, 0], [Infinity, 1]);
    expect(() => clipGradNorm(a, 1, 2, { errorIfNonfinite: true })).toThrow("clipGradNorm: the total 2-norm of the gradients is Infinity, expected a finite number");
    expect(Array.from(a.grad!)).toEqual([Infinity, 1]);
  });

  it("rejects invalid arguments and returns 0 without gradients", () => {
    expect(() => clipGradNorm([param([0], [1])], -1)).toThrow("clipGradNorm: maxNorm is -1, expected a finite number >= 0");
    expect(() => clipGradNorm([param([0], [1])], 1, 0)).toThrow("clipGradNorm: normType is 0, expected a number > 0 or Infinity");
    expect(() => clipGradNorm(5 as never, 1)).toThrow("clipGradNorm: params is 5");
    expect(clipGradNorm([param([1])], 1)).toBe(0);
  });
});

describe("clipGradValue", () => {
  it("clamps every element to [−clipValue, clipValue]", () => {
    const a = param([0, 0, 0], [-3, 0.5, 2]);
    clipGradValue([a], 1);
    expect(Array.from(a.grad!)).toEqual([-1, 0.5, 1]);
    expect(() => {
      clipGradValue([a], NaN);
    }).toThrow("clipGradValue: clipValue is NaN, expected a finite number >= 0");
  });
});
