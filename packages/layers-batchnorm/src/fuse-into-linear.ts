import { Linear } from "@descent/autograd";
import { DTypeError, Generator, InvalidArgumentError, ShapeError, describeValue } from "@descent/tensor";
import { BatchNorm1d } from "./batch-norm-module";
import { contiguousValues, tensorOf } from "./tensor-values";

/**
 * Folds an evaluation-mode batch norm into the Linear before it, for inference: with
 * s = γ/√(runningVar + eps), bn(linear(x)) = x·(s ⊙ W)ᵀ + (s ⊙ (b − runningMean) + β),
 * one matrix product instead of two passes. Returns a new Linear (with a bias, in the layers'
 * dtype) and changes neither argument. The result equals the pair in evaluation mode only:
 * training-mode batch norm depends on the batch and cannot be folded.
 */
export function fuseIntoLinear(linear: Linear, bn: BatchNorm1d): Linear {
  const fn = "fuseIntoLinear";
  if (!(linear instanceof Linear)) throw new InvalidArgumentError(`${fn}: linear is ${kindOf(linear)}, expected a Linear`);
  if (!(bn instanceof BatchNorm1d)) throw new InvalidArgumentError(`${fn}: bn is ${kindOf(bn)}, expected a BatchNorm1d`);
  if (bn.runningMean === null || bn.runningVar === null) {
    throw new InvalidArgumentError(
      `${fn}: bn has trackRunningStats false, expected running statistics (without them batch norm always uses the batch's, which cannot be folded)`,
    );
  }
  if (bn.numFeatures !== linear.outFeatures) {
    throw new ShapeError(`${fn}: bn.numFeatures is ${bn.numFeatures}, expected linear.outFeatures = ${linear.outFeatures}`);
  }
  const dtype = linear.weight.dtype === "float32" ? "float32" : "float64";
  if (bn.runningMean.dtype !== dtype) throw new DTypeError(`${fn}: bn is ${bn.runningMean.dtype}, expected ${dtype} (the Linear's dtype)`);

  const { inFeatures, outFeatures } = linear;
  const weight = contiguousValues(linear.weight.data);
  const bias = linear.bias === null ? null : contiguousValues(linear.bias.data);
  const runningMean = contiguousValues(bn.runningMean);
  const runningVar = contiguousValues(bn.runningVar);
  const gamma = bn.weight === null ? null : contiguousValues(bn.weight.data);
  const beta = bn.bias === null ? null : contiguousValues(bn.bias.data);
  const fusedWeight = new Float64Array(outFeatures * inFeatures);
  const fusedBias = new Float64Array(outFeatures);
  for (let o = 0; o < outFeatures; o++) {
    const scale = (gamma === null ? 1 : gamma[o]) / Math.sqrt(runningVar[o] + bn.eps);
    for (let i = 0; i < inFeatures; i++) fusedWeight[o * inFeatures + i] = weight[o * inFeatures + i] * scale;
    fusedBias[o] = ((bias === null ? 0 : bias[o]) - runningMean[o]) * scale + (beta === null ? 0 : beta[o]);
  }
  // A private generator: the initial values are overwritten, and drawing them must not advance the default one.
  const fused = new Linear(inFeatures, outFeatures, { bias: true, dtype, generator: new Generator(0) });
  fused.weight.data.copyFrom(tensorOf(fusedWeight, [outFeatures, inFeatures], dtype));
  fused.bias!.data.copyFrom(tensorOf(fusedBias, [outFeatures], dtype));
  return fused;
}

/** A module by its class name (its JSON would be long), anything else as the error family prints values. */
function kindOf(value: unknown): string {
  return typeof value === "object" && value !== null ? `a ${value.constructor.name}` : describeValue(value);
}
