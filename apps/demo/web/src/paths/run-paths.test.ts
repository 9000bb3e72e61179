import { describe, expect, test } from "vitest";
import { optimizerKind } from "../optimizers/optimizer-kinds";
import { quadratic, saddle } from "../surfaces/test-functions";
import { runPaths } from "./run-paths";

const constant = (): number => 1;

describe("runPaths", () => {
  test("SGD on (x² + κy²)/2 contracts each coordinate by (1 − lr·λ) per step", () => {
    const [path] = runPaths({
      fn: quadratic(4),
      start: [1, 1],
      steps: 10,
      noise: 0,
      seed: 0,
      lrFactor: constant,
      optimizers: [{ kind: optimizerKind("sgd"), hyper: { lr: 0.1 } }],
    });
    // x_t = 0.9^t, y_t = (1 − 0.4)^t = 0.6^t.
    expect(path.length).toBe(11);
    expect(path.xs[10]).toBeCloseTo(0.9 ** 10, 14);
    expect(path.ys[10]).toBeCloseTo(0.6 ** 10, 14);
    expect(path.losses[10]).toBeCloseTo((0.9 ** 20 + 4 * 0.6 ** 20) / 2, 14);
    expect(path.stopped).toBeNull();
  });

  test("the schedule multiplies the learning rate at each step", () => {
    // lr_t = 0.1 · 0.5^t on f = x²/2 (κ = 1): x_{t+1} = (1 − 0.1·0.5^t) x_t.
    const [path] = runPaths({
      fn: quadratic(1),
      start: [1, 0],
      steps: 3,
      noise: 0,
      seed: 0,
      lrFactor: (t) => 0.5 ** t,
      optimizers: [{ kind: optimizerKind("sgd"), hyper: { lr: 0.1 } }],
    });
    expect(path.xs[3]).toBeCloseTo(0.9 * 0.95 * 0.975, 14);
  });

  test("every optimizer sees the same noise, and the noise is reproducible", () => {
    const request = {
      fn: quadratic(1),
      start: [1, 1] as const,
      steps: 20,
      noise: 0.5,
      seed: 3,
      lrFactor: constant,
      optimizers: [
        { kind: optimizerKind("sgd"), hyper: { lr: 0.1 } },
        { kind: optimizerKind("sgd"), hyper: { lr: 0.1 } },
      ],
    };
    const [a, b] = runPaths(request);
    const [again] = runPaths(request);
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
    expect(Array.from(a.xs)).toEqual(Array.from(again.xs));
    // With noise the path differs from the exact 0.9^t.
    expect(a.xs[20]).not.toBeCloseTo(0.9 ** 20, 6);
  });

  test("a diverging path stops and says when", () => {
    // SGD on y⁴ − x⁴ from x = 1 with lr 0.5: x ← x + 2x³ explodes within a few steps.
    const [path] = runPaths({
      fn: saddle,
      start: [1, 0],
      steps: 100,
      noise: 0,
      seed: 0,
      lrFactor: constant,
      optimizers: [{ kind: optimizerKind("sgd"), hyper: { lr: 0.5 } }],
    });
    expect(path.length).toBeLessThan(10);
    expect(path.stopped).toMatch(/^diverged at step \d+$/);
  });

  test("a rejected hyperparameter is reported, not thrown", () => {
    const [path] = runPaths({
      fn: quadratic(1),
      start: [1, 1],
      steps: 5,
      noise: 0,
      seed: 0,
      lrFactor: constant,
      optimizers: [{ kind: optimizerKind("adam"), hyper: { lr: 0.1, beta1: 0.9, beta2: 1 } }],
    });
    expect(path.length).toBe(1);
    expect(path.stopped).toContain("betas[1]");
  });
});
