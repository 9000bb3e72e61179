import { Linear } from "@descent/autograd";
import { Generator, Tensor, defaultGenerator, manualSeed } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { BatchNorm1d, BatchNorm2d } from "./batch-norm-module";
import { fuseIntoLinear } from "./fuse-into-linear";
import { flat, maxRelativeError, randn } from "./test-utils";

/** A Linear and a BatchNorm1d whose running statistics and γ/β are far from their initial values. */
function trainedPair(options: { linearBias?: boolean; affine?: boolean } = {}): [Linear, BatchNorm1d] {
  const linear = new Linear(4, 3, { dtype: "float64", generator: new Generator(1), bias: options.linearBias ?? true });
  const bn = new BatchNorm1d(3, { dtype: "float64", affine: options.affine ?? true, momentum: 0.5 });
  if (bn.weight !== null && bn.bias !== null) {
    bn.weight.data.copyFrom(Tensor.from([1.7, -0.4, 0.9], { dtype: "float64" }));
    bn.bias.data.copyFrom(Tensor.from([0.3, 2, -1.1], { dtype: "float64" }));
  }
  for (let seed = 0; seed < 3; seed++) bn.forward(linear.forward(randn([8, 4], 10 + seed, 2, 3)));
  return [linear, bn];
}

describe("fuseIntoLinear", () => {
  it.each([
    ["with biases and γ/β", {}],
    ["a Linear without bias", { linearBias: false }],
    ["a batch norm without γ/β", { affine: false }],
  ])("matches evaluation-mode linear → batch norm to 1e-12 in float64 (%s)", (_name, options) => {
    const [linear, bn] = trainedPair(options);
    bn.eval();
    const x = randn([6, 4], 20, 0, 2);
    const want = bn.forward(linear.forward(x));
    const fused = fuseIntoLinear(linear, bn);
    expect(fused.bias).not.toBeNull();
    expect(maxRelativeError(flat(fused.forward(x).data), flat(want.data))).toBeLessThan(1e-12);
  });

  it("folds the running statistics even while the batch norm is in training mode, and changes neither layer", () => {
    const [linear, bn] = trainedPair();
    const before = [flat(linear.weight.data), flat(bn.runningMean!), flat(bn.runningVar!), bn.numBatchesTracked!.item()];
    const fused = fuseIntoLinear(linear, bn);
    expect([flat(linear.weight.data), flat(bn.runningMean!), flat(bn.runningVar!), bn.numBatchesTracked!.item()]).toEqual(before);
    const x = randn([5, 4], 21);
    const want = bn.eval().forward(linear.forward(x));
    expect(maxRelativeError(flat(fused.forward(x).data), flat(want.data))).toBeLessThan(1e-12);
  });

  it("does not advance the default generator", () => {
    const [linear, bn] = trainedPair();
    manualSeed(5);
    const expected = defaultGenerator.nextUint32();
    manualSeed(5);
    fuseIntoLinear(linear, bn);
    expect(defaultGenerator.nextUint32()).toBe(expected);
  });

  it("rejects what cannot be folded", () => {
    const linear = new Linear(4, 3, { dtype: "float64", generator: new Generator(2) });
    expect(() => fuseIntoLinear(linear, new BatchNorm1d(3, { dtype: "float64", trackRunningStats: false }))).toThrow(/trackRunningStats false/);
    expect(() => fuseIntoLinear(linear, new BatchNorm1d(2, { dtype: "float64" }))).toThrow(/bn.numFeatures is 2, expected linear.outFeatures = 3/);
    expect(() => fuseIntoLinear(linear, new BatchNorm1d(3))).toThrow(/bn is float32, expected float64/);
    expect(() => fuseIntoLinear(linear, new BatchNorm2d(3, { dtype: "float64" }) as unknown as BatchNorm1d)).toThrow(/bn is .*expected a BatchNorm1d/);
  });
});
