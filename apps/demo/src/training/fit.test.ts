import { Linear } from "@descent/autograd";
import { SGD } from "@descent/optim";
import { Generator } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { makeDataset } from "../data/dataset";
import { checkpointFromJson, checkpointToJson, restoreCheckpoint, takeCheckpoint } from "./checkpoint";
import { EarlyStopping } from "./early-stopping";
import { countCorrect, evaluate } from "./evaluate";
import { fit } from "./fit";

// Two separable classes on a line: x < 0 → 0, x > 0 → 1.
const xs = Array.from({ length: 40 }, (_, i) => (i - 19.5) / 10);
const data = makeDataset("line", Float32Array.from(xs), Int32Array.from(xs, (x) => (x > 0 ? 1 : 0)), 1, 2);

describe("fit", () => {
  it("learns a separable problem and records one entry per epoch", () => {
    const model = new Linear(1, 2, { generator: new Generator(0) });
    const result = fit(model, new SGD(model.parameters(), { lr: 0.5 }), data, { epochs: 5, batchSize: 8, generator: new Generator(1), validation: data });
    expect(result.history.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(result.steps).toBe(25);
    expect(result.stepLosses).toHaveLength(25);
    expect(evaluate(model, data).accuracy).toBe(1);
    expect(result.diverged).toBe(false);
  });

  it("sets the learning rate of each step from the schedule", () => {
    const model = new Linear(1, 2, { generator: new Generator(0) });
    const optimizer = new SGD(model.parameters(), { lr: 1 });
    const seen: number[] = [];
    fit(model, optimizer, data, {
      epochs: 2,
      batchSize: 20,
      generator: new Generator(1),
      lrSchedule: (t) => 0.1 / (t + 1),
      afterStep: () => seen.push(optimizer.paramGroups[0].lr),
    });
    expect(seen).toEqual([0.1, 0.05, 0.1 / 3, 0.025]);
  });

  it("stops on a diverging loss", () => {
    const model = new Linear(1, 2, { generator: new Generator(0) });
    // Inputs of 1e6 make the logits, and so the cross-entropy, enormous after one step of lr 1e6.
    const huge = makeDataset("huge", Float32Array.from(xs, (x) => x * 1e6), data.labels, 1, 2);
    const result = fit(model, new SGD(model.parameters(), { lr: 1e6 }), huge, { epochs: 5, batchSize: 8, generator: new Generator(1) });
    expect(result.diverged).toBe(true);
    expect(result.steps).toBeLessThan(25);
  });

  it("stops early and restores the weights of the best validation epoch", () => {
    const model = new Linear(1, 2, { generator: new Generator(0) });
    // Validation labels are the opposite of training: every training step makes validation worse after the first epoch or so.
    const flipped = makeDataset("flipped", data.inputs, Int32Array.from(data.labels, (l) => 1 - l), 1, 2);
    const result = fit(model, new SGD(model.parameters(), { lr: 0.5 }), data, {
      epochs: 20,
      batchSize: 8,
      generator: new Generator(1),
      validation: flipped,
      earlyStopping: { patience: 2 },
    });
    expect(result.stoppedEarly).toBe(true);
    const best = Math.min(...result.history.map((r) => r.validationLoss!));
    expect(result.history[result.bestEpoch - 1].validationLoss).toBe(best);
    expect(result.history).toHaveLength(result.bestEpoch + 2);
    expect(evaluate(model, flipped).loss).toBeCloseTo(best, 5);
  });
});

describe("EarlyStopping", () => {
  it("waits `patience` epochs without an improvement larger than minDelta", () => {
    const stopper = new EarlyStopping(2, 0.1);
    expect([stopper.update(1, 1), stopper.update(2, 0.95), stopper.update(3, 0.5), stopper.update(4, 0.45), stopper.update(5, 0.44)]).toEqual([
      "improved",
      "wait",
      "improved",
      "wait",
      "stop",
    ]);
    expect(stopper.bestEpoch).toBe(3);
  });
});

describe("checkpoints", () => {
  it("snapshot the weights and optimizer state and bring them back, also through JSON", () => {
    const model = new Linear(1, 2, { generator: new Generator(0) });
    const optimizer = new SGD(model.parameters(), { lr: 0.5, momentum: 0.9 });
    fit(model, optimizer, data, { epochs: 1, batchSize: 8, generator: new Generator(1) });
    const saved = checkpointFromJson(checkpointToJson(takeCheckpoint(model, optimizer, 1)));
    const weights = Array.from(model.weight.data.toFlatArray());
    const momentum = Array.from(optimizer.state.get(model.weight)!.momentumBuffer!);
    fit(model, optimizer, data, { epochs: 1, batchSize: 8, generator: new Generator(2) });
    expect(Array.from(model.weight.data.toFlatArray())).not.toEqual(weights);
    restoreCheckpoint(saved, model, optimizer);
    expect(Array.from(model.weight.data.toFlatArray())).toEqual(weights);
    expect(Array.from(optimizer.state.get(model.weight)!.momentumBuffer!)).toEqual(momentum);
    expect(saved.epoch).toBe(1);
  });
});

describe("countCorrect", () => {
  it("counts rows whose largest logit is at the label", () => {
    expect(countCorrect([0.1, 0.9, 2, 1, 0.5, 0.5], Int32Array.from([1, 1, 0]), 2)).toBe(2);
  });
});
