import { describe, expect, it } from "vitest";
import { multiStepDecay, stepDecay } from "./step-decay";

describe("stepDecay", () => {
  // η₀ γ^⌊t/10⌋ with η₀ = 0.1, γ = 0.5: 0.1 for t < 10, 0.05 for 10 ≤ t < 20, 0.025 for 20 ≤ t < 30.
  it("multiplies by γ every stepSize steps", () => {
    const s = stepDecay({ initValue: 0.1, stepSize: 10, gamma: 0.5 });
    expect([s(0), s(9), s(10), s(19), s(25)]).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
  });
  it("defaults γ to PyTorch's 0.1", () => {
    // 1 · 0.1² at t = 14 with stepSize 7
    expect(stepDecay({ initValue: 1, stepSize: 7 })(14)).toBeCloseTo(0.01, 15);
  });
  it("rejects γ <= 0 and a step size that is not a positive integer", () => {
    expect(() => stepDecay({ initValue: 1, stepSize: 5, gamma: 0 })).toThrow("stepDecay: gamma is 0, expected a finite number > 0");
    expect(() => stepDecay({ initValue: 1, stepSize: 5, gamma: -0.5 })).toThrow("gamma is -0.5");
    expect(() => stepDecay({ initValue: 1, stepSize: 0 })).toThrow("stepSize is 0, expected an integer >= 1");
    expect(() => stepDecay({ initValue: 1, stepSize: 2.5 })).toThrow("stepSize is 2.5");
  });
});

describe("multiStepDecay", () => {
  // milestones [10, 10, 20], γ = 0.5: 1 before 10, 0.5² = 0.25 from 10 (listed twice), 0.125 from 20.
  it("applies γ once per listing of a milestone", () => {
    const s = multiStepDecay({ initValue: 1, milestones: [10, 10, 20], gamma: 0.5 });
    expect([s(0), s(9), s(10), s(19), s(20), s(100)]).toEqual([1, 1, 0.25, 0.25, 0.125, 0.125]);
  });
  it("rejects milestones that decrease", () => {
    expect(() => multiStepDecay({ initValue: 1, milestones: [20, 10] })).toThrow(
      "multiStepDecay: milestones is [20,10], expected values in non-decreasing order",
    );
    expect(() => multiStepDecay({ initValue: 1, milestones: [-1] })).toThrow("milestones[0] is -1, expected an integer >= 0");
  });
});
