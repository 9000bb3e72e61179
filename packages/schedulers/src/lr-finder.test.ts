import { describe, expect, it } from "vitest";
import { lrFinder } from "./lr-finder";
import { expectAllClose, sgd } from "./test-util";

/**
 * f(x) = a x²/2 minimized by plain gradient descent, x ← x − lr · a x = (1 − lr a) x, from x = 1.
 * The iteration converges exactly when |1 − lr a| < 1, i.e. for 0 < lr < 2/a, and each step
 * multiplies the loss by (1 − lr a)², which exceeds 1 once lr > 2/a.
 */
function quadratic(a: number) {
  const optimizer = sgd([0.123]);
  let x = 1;
  const step = (): number => {
    x -= optimizer.paramGroups[0].lr * a * x;
    return (a * x * x) / 2;
  };
  return { optimizer, step };
}

describe("lrFinder", () => {
  it("on a quadratic suggests an lr inside the stable range (0, 2/a) and stops once the lr passes 2/a", () => {
    for (const a of [4, 100]) {
      const { optimizer, step } = quadratic(a);
      const result = lrFinder({ optimizer, step });
      expect(result.diverged).toBe(true);
      expect(result.lrs.length).toBeLessThan(200);
      expect(result.lrs.at(-1)).toBeGreaterThan(2 / a);
      expect(result.suggestedLr).toBeLessThan(2 / a);
      // and where the loss actually moves: below lr ≈ 0.01/a a step changes it by under 2%
      expect(result.suggestedLr).toBeGreaterThan(0.01 / a);
      expect(optimizer.paramGroups[0].lr).toBe(0.123);
    }
  });

  it("the suggestion scales with the curvature: a 25× stiffer problem gets a 25× smaller lr (within one grid step)", () => {
    const soft = lrFinder(quadratic(4));
    const stiff = lrFinder(quadratic(100));
    const gridRatio = 1e8 ** (1 / 199); // the lr grows by this factor per step
    const ratio = soft.suggestedLr! / stiff.suggestedLr!;
    expect(ratio).toBeGreaterThan(25 / gridRatio ** 1.01);
    expect(ratio).toBeLessThan(25 * gridRatio ** 1.01);
  });

  it("sweeps geometrically from startLr to endLr", () => {
    const result = lrFinder({ optimizer: sgd([1]), step: () => 1, startLr: 1e-4, endLr: 1, numSteps: 5 });
    expectAllClose(result.lrs, [1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(result.diverged).toBe(false);
  });

  it("smooths with a bias-corrected moving average", () => {
    const losses = [1, 2, 3];
    const result = lrFinder({ optimizer: sgd([1]), step: (i) => losses[i], numSteps: 3, smoothing: 0.5 });
    // m = 0.5, 1.25, 2.125 over 1 − 0.5^k = 0.5, 0.75, 0.875: 1, 5/3, 17/7
    expectAllClose(result.smoothedLosses, [1, 5 / 3, 17 / 7]);
    expect(result.losses).toEqual(losses);
  });

  it("suggests the steepest point of a known curve", () => {
    // loss_i = 10 − 5 tanh((i − 50)/5) falls fastest at i = 50, where lr = 1e-5 · (1e4)^(50/100) = 1e-3
    const result = lrFinder({
      optimizer: sgd([1]),
      step: (i) => 10 - 5 * Math.tanh((i - 50) / 5),
      startLr: 1e-5,
      endLr: 1e-1,
      numSteps: 101,
      smoothing: 0,
    });
    expect(result.suggestedLr).toBeCloseTo(1e-3, 15);
  });

  it("stops at a non-finite loss and at a blow-up of the smoothed loss", () => {
    const nan = lrFinder({ optimizer: sgd([1]), step: (i) => (i === 30 ? Number.NaN : 1), numSteps: 100 });
    expect(nan).toMatchObject({ diverged: true });
    expect(nan.lrs.length).toBe(30);
    // with no smoothing, the first loss above 4 × the best (1) ends the sweep
    const blowUp = lrFinder({ optimizer: sgd([1]), step: (i) => (i < 20 ? 1 : 5), numSteps: 100, smoothing: 0 });
    expect(blowUp.diverged).toBe(true);
    expect(blowUp.lrs.length).toBe(21);
  });

  it("validates its options and the loss", () => {
    const optimizer = sgd([1]);
    expect(() => lrFinder({ optimizer, step: () => 1, startLr: 1, endLr: 0.5 })).toThrow("lrFinder: endLr is 0.5, expected a finite number > 1");
    expect(() => lrFinder({ optimizer, step: () => 1, numSteps: 1 })).toThrow("lrFinder: numSteps is 1, expected an integer >= 2");
    expect(() => lrFinder({ optimizer, step: () => 1, smoothing: 1 })).toThrow("lrFinder: smoothing is 1, expected a finite number in [0, 1)");
    expect(() => lrFinder({ optimizer, step: 3 as never })).toThrow("lrFinder: step is 3, expected a function");
    expect(() => lrFinder({ optimizer, step: () => "1" as never })).toThrow('lrFinder: step(0) result is "1", expected a number (the loss)');
    expect(optimizer.paramGroups[0].lr).toBe(1);
  });
});
