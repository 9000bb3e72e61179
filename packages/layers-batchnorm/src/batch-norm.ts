import { Variable, add, bumpVersion, customOp, isGradEnabled, mean, mul, pow, reshape, sub, sum } from "@descent/autograd";
import { Tensor, invalidArgument } from "@descent/tensor";
import type { DType } from "@descent/tensor";
import { checkBoolean, checkChannelVector, checkEps, checkInput, checkMomentum, checkValuesPerChannel } from "./check-arguments";
import { batchNormBackward } from "./kernels/batch-norm-backward";
import { channelStatistics, inverseStd } from "./kernels/channel-statistics";
import type { ChannelLayout } from "./kernels/layout";
import { valuesPerChannel } from "./kernels/layout";
import { normalizeChannels } from "./kernels/normalize";
import { updateRunningStatistics } from "./kernels/running-statistics";
import { allocate, contiguousValues, tensorOf } from "./tensor-values";

export interface BatchNormOptions {
  /**
   * true: normalize with the batch's statistics and, when running buffers are given, update
   * them. false: normalize with the running buffers (which must then be given). Default false,
   * as PyTorch's `F.batch_norm`.
   */
  training?: boolean;
  /** Weight of the batch in the running averages, in [0, 1] (default 0.1). */
  momentum?: number;
  /** Added to the variance before the square root, > 0 (default 1e-5). */
  eps?: number;
}

export const batchNormDefaults: Readonly<Required<BatchNormOptions>> = Object.freeze({ training: false, momentum: 0.1, eps: 1e-5 });

/**
 * Batch normalization of x (N, C, ...) per channel (Ioffe & Szegedy 2015, Algorithm 1), as PyTorch's
 * `F.batch_norm`: y = (x − μ)/√(σ² + eps) · γ + β, with μ and the biased σ² of the batch when
 * `training` (then the running buffers, if given, move towards the batch mean and the unbiased
 * batch variance by `momentum`), or the running buffers otherwise.
 *
 * One differentiable op: a fused forward and the closed-form backward
 * dx = (γ/σ)/M · (M·dy − Σdy − x̂·Σ(dy·x̂)), dγ = Σ dy·x̂, dβ = Σ dy (M = N·L values per channel).
 * With `createGraph` the backward is instead built from differentiable ops, recomputing μ and σ
 * from x, so the gradient can be differentiated again.
 *
 * @see https://arxiv.org/abs/1502.03167
 */
export function batchNorm(
  x: Variable | Tensor,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  weight: Variable | Tensor | null = null,
  bias: Variable | Tensor | null = null,
  options: BatchNormOptions = {},
): Variable {
  const fn = "batchNorm";
  if (!(x instanceof Variable || x instanceof Tensor)) throw invalidArgument(fn, "x", x, "a Variable or a Tensor");
  const dtype = checkInput(fn, x.shape, x.dtype);
  const shape = x.shape;
  const layout: ChannelLayout = { batch: shape[0], channels: shape[1], spatial: shape.slice(2).reduce((a, b) => a * b, 1) };
  const training = checkBoolean(fn, "training", options.training ?? batchNormDefaults.training);
  const momentum = checkMomentum(fn, options.momentum ?? batchNormDefaults.momentum);
  const eps = checkEps(fn, options.eps ?? batchNormDefaults.eps);
  checkOptional(fn, "runningMean", runningMean, layout.channels, dtype, false);
  checkOptional(fn, "runningVar", runningVar, layout.channels, dtype, false);
  checkOptional(fn, "weight", weight, layout.channels, dtype, true);
  checkOptional(fn, "bias", bias, layout.channels, dtype, true);
  if ((runningMean === null) !== (runningVar === null)) {
    throw invalidArgument(fn, "runningVar", runningVar === null ? null : "a Tensor", `${runningMean === null ? "null" : "a Tensor"} like runningMean (both or neither)`);
  }
  if (training) checkValuesPerChannel(fn, shape);
  // PyTorch's message: normalizing with running statistics needs them.
  if (!training && runningMean === null) throw invalidArgument(fn, "runningMean", null, "a Tensor: running_mean must be defined in evaluation mode");

  const running = runningMean !== null && runningVar !== null ? { mean: runningMean, variance: runningVar } : null;
  // Inputs in a fixed order; the running buffers are inputs (constants) only when the backward reads them,
  // so an in-place change between forward and backward is caught by autograd's version check.
  const inputs: (Variable | Tensor)[] = [x];
  const weightAt = weight === null ? -1 : inputs.push(weight) - 1;
  const biasAt = bias === null ? -1 : inputs.push(bias) - 1;
  if (!training && running !== null) inputs.push(running.mean, running.variance);

  let statistics: { mean: Float64Array; invStd: Float64Array } | null = null;
  return customOp({
    name: fn,
    inputs,
    forward: (...data) => {
      const xs = contiguousValues(data[0]);
      let mu: Float64Array;
      let variance: Float64Array;
      if (training) {
        ({ mean: mu, variance } = channelStatistics(xs, layout));
        if (running !== null) updateRunning(running.mean, running.variance, mu, variance, valuesPerChannel(layout), momentum, dtype);
      } else {
        mu = Float64Array.from(contiguousValues(running!.mean));
        variance = Float64Array.from(contiguousValues(running!.variance));
      }
      statistics = { mean: mu, invStd: inverseStd(variance, eps) };
      const out = allocate(dtype, xs.length);
      const gamma = weightAt < 0 ? null : contiguousValues(data[weightAt]);
      const beta = biasAt < 0 ? null : contiguousValues(data[biasAt]);
      normalizeChannels(xs, out, layout, statistics.mean, statistics.invStd, gamma, beta);
      return new Tensor(out, shape);
    },
    backward: (gradOutput, vars) => {
      const stats = statistics!;
      const xv = vars[0];
      const wv = weightAt < 0 ? null : vars[weightAt];
      const bv = biasAt < 0 ? null : vars[biasAt];
      // Inside backward, recording is on exactly when the caller asked for createGraph.
      const grads = isGradEnabled()
        ? differentiableBackward(gradOutput, xv, wv, layout, training, stats, eps, dtype)
        : fusedBackward(gradOutput, xv, wv, layout, training, stats, dtype);
      const out: (Variable | null)[] = vars.map(() => null);
      out[0] = xv.requiresGrad ? grads.gradInput : null;
      if (wv !== null) out[weightAt] = grads.gradWeight;
      if (bv !== null) out[biasAt] = grads.gradBias;
      return out;
    },
  });
}

interface Gradients {
  gradInput: Variable | null;
  gradWeight: Variable;
  gradBias: Variable;
}

/** The closed form over typed arrays: the path of every ordinary backward. */
function fusedBackward(
  gradOutput: Variable,
  xv: Variable,
  wv: Variable | null,
  layout: ChannelLayout,
  training: boolean,
  stats: { mean: Float64Array; invStd: Float64Array },
  dtype: DType,
): Gradients {
  const shape = xv.shape;
  const gradInput = xv.requiresGrad ? allocate(dtype, xv.size) : null;
  const gamma = wv === null ? null : contiguousValues(wv.data);
  const { gradWeight, gradBias } = batchNormBackward(
    contiguousValues(gradOutput.data), contiguousValues(xv.data), gradInput, layout, stats.mean, stats.invStd, gamma, training,
  );
  const channelShape = [layout.channels];
  return {
    gradInput: gradInput === null ? null : new Variable(new Tensor(gradInput, shape)),
    gradWeight: new Variable(tensorOf(gradWeight, channelShape, dtype)),
    gradBias: new Variable(tensorOf(gradBias, channelShape, dtype)),
  };
}

/**
 * The same closed form written with differentiable ops on an (N, C, L) view, so that under
 * createGraph the gradient is a graph too. With batch statistics μ and 1/σ are recomputed
 * from x here (not taken from the forward), which is what carries their dependence on x into
 * the second derivatives; with running statistics they are constants.
 */
function differentiableBackward(
  gradOutput: Variable,
  xv: Variable,
  wv: Variable | null,
  layout: ChannelLayout,
  training: boolean,
  stats: { mean: Float64Array; invStd: Float64Array },
  eps: number,
  dtype: DType,
): Gradients {
  const { batch, channels, spatial } = layout;
  const count = valuesPerChannel(layout);
  const perChannel = [1, channels, 1];
  const axes = [0, 2];
  const x3 = reshape(xv, [batch, channels, spatial]);
  const g3 = reshape(gradOutput, [batch, channels, spatial]);
  let centered: Variable;
  let invStd: Variable;
  if (training) {
    centered = sub(x3, mean(x3, axes, true));
    invStd = pow(add(mean(mul(centered, centered), axes, true), eps), -0.5);
  } else {
    centered = sub(x3, tensorOf(stats.mean, perChannel, dtype));
    invStd = new Variable(tensorOf(stats.invStd, perChannel, dtype));
  }
  const xhat = mul(centered, invStd);
  const sumDy = sum(g3, axes, true);
  const sumDyXhat = sum(mul(g3, xhat), axes, true);
  const scale = wv === null ? invStd : mul(reshape(wv, perChannel), invStd);
  const gradInput = training
    ? mul(mul(scale, 1 / count), sub(sub(mul(g3, count), sumDy), mul(xhat, sumDyXhat)))
    : mul(g3, scale);
  return {
    gradInput: xv.requiresGrad ? reshape(gradInput, xv.shape) : null,
    gradWeight: reshape(sumDyXhat, [channels]),
    gradBias: reshape(sumDy, [channels]),
  };
}

function checkOptional(
  fn: string,
  argument: string,
  value: unknown,
  channels: number,
  dtype: DType,
  variableAllowed: boolean,
): void {
  if (value === null) return;
  if (!(value instanceof Tensor || (variableAllowed && value instanceof Variable))) {
    throw invalidArgument(fn, argument, value, variableAllowed ? "a Variable, a Tensor or null" : "a Tensor or null");
  }
  checkChannelVector(fn, argument, value, channels, dtype);
}

/** Moves the running buffers (any layout) towards the batch statistics and records the in-place change. */
function updateRunning(
  runningMean: Tensor,
  runningVar: Tensor,
  mu: Float64Array,
  variance: Float64Array,
  count: number,
  momentum: number,
  dtype: DType,
): void {
  const meanValues = Float64Array.from(contiguousValues(runningMean));
  const varValues = Float64Array.from(contiguousValues(runningVar));
  updateRunningStatistics(meanValues, varValues, mu, variance, count, momentum);
  runningMean.copyFrom(tensorOf(meanValues, runningMean.shape, dtype));
  runningVar.copyFrom(tensorOf(varValues, runningVar.shape, dtype));
  bumpVersion(runningMean);
  bumpVersion(runningVar);
}
