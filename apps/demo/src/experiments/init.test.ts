import { Generator } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { head } from "../data/dataset";
import { mlp } from "../model/mlp";
import { initExperiment, layerStatistics } from "./init";
import { tinyContext } from "./test-support";

describe("init experiment (tiny: 5 hidden layers of 32, 2 epochs)", () => {
  const result = initExperiment.run(tinyContext());
  const table = result.tables[0];
  const row = (init: string, activation: string) => table.rows.find((r) => (r[0] as string).startsWith(init) && r[1] === activation)!;
  const lastOverFirst = (init: string, activation: string): number => (row(init, activation)[3] as number) / (row(init, activation)[2] as number);

  it("shows N(0, 0.01²) collapsing the activations and He keeping ReLU's steady", () => {
    // Each layer multiplies the variance by about fan_in · 0.01² · (gain²) = 32e-4 · O(1), so over four
    // layers it falls by about (3.2e-3)⁴ ≈ 1e-10: far below 1e-6 for both activations.
    expect(lastOverFirst("N(0, 0.01²)", "tanh")).toBeLessThan(1e-6);
    expect(lastOverFirst("N(0, 0.01²)", "relu")).toBeLessThan(1e-6);
    // He: Var(W) = 2/fan_in exactly compensates the half that a ReLU zeroes.
    expect(lastOverFirst("He", "relu")).toBeGreaterThan(0.25);
    expect(lastOverFirst("He", "relu")).toBeLessThan(4);
  });

  it("trains with Xavier (tanh), He and orthogonal (ReLU), not with zero or N(0, 0.01²) weights", () => {
    const accuracy = (init: string, activation: string): number => row(init, activation)[7] as number;
    expect(accuracy("Xavier", "tanh")).toBeGreaterThan(0.5);
    expect(accuracy("He", "relu")).toBeGreaterThan(0.5);
    expect(accuracy("orthogonal", "relu")).toBeGreaterThan(0.5);
    for (const activation of ["tanh", "relu"]) {
      // Chance level on ten balanced classes is 10 %.
      expect(accuracy("zero", activation)).toBeLessThan(0.2);
      expect(accuracy("N(0, 0.01²)", activation)).toBeLessThan(0.2);
    }
    for (const claim of result.claims) expect(claim.holds, claim.text).toBe(true);
  });
});

describe("layerStatistics", () => {
  const batch = head(tinyContext().splits().train, 64);

  it("gives all-zero activations and gradients for zero weights and biases", () => {
    const stats = layerStatistics(mlp({ sizes: [64, 16, 16, 10], init: "zero", generator: new Generator(0) }), batch);
    expect(stats.activationVariance).toEqual([0, 0]);
    expect(stats.gradientVariance).toEqual([0, 0]);
  });

  it("measures one value per hidden layer", () => {
    const stats = layerStatistics(mlp({ sizes: [64, 16, 16, 16, 10], activation: "tanh", init: "xavier", generator: new Generator(0) }), batch);
    expect(stats.activationVariance).toHaveLength(3);
    // tanh outputs lie in (−1, 1), so their variance is below 1; it is positive for random weights.
    for (const v of stats.activationVariance) expect(v).toBeGreaterThan(0);
    for (const v of stats.activationVariance) expect(v).toBeLessThan(1);
  });
});
