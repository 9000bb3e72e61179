import { describe, expect, it } from "vitest";
import { ReduceLROnPlateau } from "./reduce-lr-on-plateau";
import { expectAllClose, sgd } from "./test-util";

function run(scheduler: ReduceLROnPlateau, metrics: readonly number[]): number[][] {
  return metrics.map((m) => {
    scheduler.step(m);
    return scheduler.optimizer.paramGroups.map((g) => g.lr);
  });
}

describe("ReduceLROnPlateau", () => {
  it("mode min: reduces after more than `patience` epochs without improvement", () => {
    const scheduler = new ReduceLROnPlateau(sgd([1]), { factor: 0.5, patience: 2 });
    // 1 improves on +∞; three 1s without improvement: the third is bad epoch 3 > 2, so × 0.5.
    // 0.5 improves; three more bad epochs: × 0.5 again.
    const lrs = run(scheduler, [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5]).map((r) => r[0]);
    expect(lrs).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25]);
  });

  it("mode max with an absolute threshold and a cooldown", () => {
    const scheduler = new ReduceLROnPlateau(sgd([1]), { mode: "max", patience: 0, threshold: 0.1, thresholdMode: "abs", cooldown: 2 });
    // 1: best. 1.05 is not > 1.1: bad → × 0.1, cooldown 2. 1.2 > 1.1: best, cooldown 1.
    // 1.2 not > 1.3: bad, but in cooldown (→ 0), ignored. 1.2: bad, cooldown over → × 0.1. 1.2: in cooldown.
    const lrs = run(scheduler, [1, 1.05, 1.2, 1.2, 1.2, 1.2]).map((r) => r[0]);
    expectAllClose(lrs, [1, 0.1, 0.1, 0.1, 0.01, 0.01]);
  });

  it("a relative threshold: in mode min, better means below best · (1 − threshold)", () => {
    const scheduler = new ReduceLROnPlateau(sgd([1]), { patience: 0, threshold: 0.1 });
    // 0.95 is not below 1 · 0.9: bad → reduce; 0.8 is below 0.9: no reduction
    expectAllClose(run(scheduler, [1, 0.95, 0.8]).map((r) => r[0]), [1, 0.1, 0.1]);
    expect(scheduler.best).toBe(0.8);
  });

  it("keeps each group above its minLr and skips changes smaller than eps", () => {
    const scheduler = new ReduceLROnPlateau(sgd([1, 0.001]), { factor: 0.5, patience: 0, minLr: [0.3, 0.001] });
    // group 0: 1 → 0.5 → max(0.25, 0.3) = 0.3 → 0.3; group 1 is at its floor throughout
    expect(run(scheduler, [1, 1, 1, 1])).toEqual([
      [1, 0.001],
      [0.5, 0.001],
      [0.3, 0.001],
      [0.3, 0.001],
    ]);
    const tiny = new ReduceLROnPlateau(sgd([1e-7]), { factor: 0.5, patience: 0, eps: 1e-7 });
    // 1e-7 − 5e-8 = 5e-8 is not > eps: unchanged
    expect(run(tiny, [1, 1]).map((r) => r[0])).toEqual([1e-7, 1e-7]);
  });

  it("rejects factor >= 1, unknown modes and a minLr list of the wrong length", () => {
    expect(() => new ReduceLROnPlateau(sgd([1]), { factor: 1 })).toThrow("ReduceLROnPlateau: factor is 1, expected a finite number in (0, 1)");
    expect(() => new ReduceLROnPlateau(sgd([1]), { mode: "minimum" as never })).toThrow('mode is "minimum", expected one of "min", "max"');
    expect(() => new ReduceLROnPlateau(sgd([1]), { thresholdMode: "relative" as never })).toThrow('thresholdMode is "relative"');
    expect(() => new ReduceLROnPlateau(sgd([1, 1]), { minLr: [0, 0, 0] })).toThrow("minLr is [0,0,0], expected a number or a list of 2 numbers");
    expect(() => { new ReduceLROnPlateau(sgd([1])).step("0.5" as never); }).toThrow('ReduceLROnPlateau.step: metric is "0.5", expected a number');
  });

  it("saves and restores its state", () => {
    const metrics = [1, 0.9, 0.95, 0.95, 0.95, 0.95, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6];
    const a = new ReduceLROnPlateau(sgd([1]), { factor: 0.5, patience: 1, cooldown: 1 });
    run(a, metrics.slice(0, 5));
    const saved = structuredClone(a.stateDict());
    const optimizer = sgd([a.optimizer.paramGroups[0].lr]);
    const b = new ReduceLROnPlateau(optimizer);
    b.loadStateDict(saved);
    expect(b.stateDict()).toEqual(a.stateDict());
    expect(() => { b.loadStateDict({ ...saved, numBadEpochs: -1 }); }).toThrow("ReduceLROnPlateau.loadStateDict: state.numBadEpochs is -1");
    expect(b.stateDict()).toEqual(a.stateDict());
    expect(run(b, metrics.slice(5))).toEqual(run(a, metrics.slice(5)));
  });
});
