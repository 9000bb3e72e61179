import { ShapeError, Tensor, invalidArgument } from "@descent/tensor";
import { abs } from "../ops/abs";
import { add } from "../ops/add";
import { div } from "../ops/div";
import { exp } from "../ops/exp";
import { gather } from "../ops/gather";
import { log } from "../ops/log";
import { logSoftmax } from "../ops/log-softmax";
import { mean } from "../ops/mean";
import { mul } from "../ops/mul";
import { neg } from "../ops/neg";
import { floatVariable } from "../ops/record";
import { relu } from "../ops/relu";
import { squeeze } from "../ops/reshape";
import { sub } from "../ops/sub";
import { sum } from "../ops/sum";
import { where } from "../ops/where";
import { Variable } from "../variable";

/** How per-element losses are combined: averaged, summed, or returned as they are. */
export type Reduction = "mean" | "sum" | "none";

export interface CrossEntropyOptions {
  reduction?: Reduction;
  /** ε in [0, 1]: the target becomes (1 − ε)·one-hot + ε/C (PyTorch's label_smoothing). */
  labelSmoothing?: number;
  /** Per-class weights, shape (C). */
  weight?: Tensor;
  /** Targets equal to this class index contribute nothing (PyTorch default −100). */
  ignoreIndex?: number;
}

/**
 * PyTorch's F.cross_entropy: log-softmax over the class dimension (1, or 0 for an unbatched
 * (C) input) followed by the negative log likelihood. `target` holds class indices (int32,
 * shape of the input without the class dimension) or class probabilities (float, the input's
 * shape). Label smoothing, class weights and ignoreIndex follow PyTorch 1.13's arithmetic.
 */
export function crossEntropy(input: Variable | Tensor, target: Tensor | Variable, options: CrossEntropyOptions = {}): Variable {
  const logits = floatVariable("crossEntropy", "input", input);
  const classDim = logits.ndim >= 2 ? 1 : 0;
  if (logits.ndim === 0) throw new ShapeError("crossEntropy: input is 0-d, expected (C), (N, C) or (N, C, d1, ...)");
  const reduction = checkReduction("crossEntropy", options.reduction);
  const smoothing = options.labelSmoothing ?? 0;
  if (!(smoothing >= 0 && smoothing <= 1)) throw invalidArgument("crossEntropy", "labelSmoothing", smoothing, "a number in [0, 1]");
  const classes = logits.shape[classDim];
  const weight = checkWeight("crossEntropy", options.weight, classes, logits.dtype);
  const logProbs = logSoftmax(logits, classDim);
  const targetData = target instanceof Variable ? target.data : target;
  if (targetData instanceof Tensor && targetData.dtype !== "int32") {
    if (!sameShape(targetData.shape, logits.shape)) {
      throw new ShapeError(
        `crossEntropy: a ${targetData.dtype} target of shape [${targetData.shape.join(", ")}] must hold class probabilities of the input's shape [${logits.shape.join(", ")}]; ` +
          `class indices must be an int32 tensor (convert with astype("int32"))`,
      );
    }
    return softTargetLoss(logProbs, floatVariable("crossEntropy", "target", target), classDim, classes, smoothing, weight, reduction);
  }
  const nll = negativeLogLikelihood("crossEntropy", logProbs, targetData, reduction, weight, options.ignoreIndex ?? -100);
  if (smoothing === 0) return nll;
  const indices = checkIndices("crossEntropy", targetData, logits.shape, classDim, classes, options.ignoreIndex ?? -100, floatDtype(logits));
  const kept = indices.counted;
  const weighted = weight === null ? logProbs : mul(logProbs, weightAlong(weight, logits.ndim, classDim));
  const smooth = mul(neg(sum(weighted, classDim)), kept);
  let smoothReduced: Variable;
  if (reduction === "none") smoothReduced = smooth;
  else if (reduction === "sum") smoothReduced = sum(smooth);
  else smoothReduced = div(sum(smooth), weight === null ? kept.sum().item() : weight.gather(0, indices.safe.reshape([-1])).mul(kept.reshape([-1])).sum().item());
  return add(mul(nll, 1 - smoothing), mul(smoothReduced, smoothing / classes));
}

export interface NllLossOptions {
  reduction?: Reduction;
  weight?: Tensor;
  ignoreIndex?: number;
}

/**
 * PyTorch's F.nll_loss: −w[y]·input[y] per sample, given log-probabilities and int32 class
 * indices; "mean" divides by the summed weights of the counted samples.
 */
export function nllLoss(input: Variable | Tensor, target: Tensor | Variable, options: NllLossOptions = {}): Variable {
  const logProbs = floatVariable("nllLoss", "input", input);
  if (logProbs.ndim === 0) throw new ShapeError("nllLoss: input is 0-d, expected (C), (N, C) or (N, C, d1, ...)");
  const reduction = checkReduction("nllLoss", options.reduction);
  const classes = logProbs.shape[logProbs.ndim >= 2 ? 1 : 0];
  const weight = checkWeight("nllLoss", options.weight, classes, logProbs.dtype);
  return negativeLogLikelihood("nllLoss", logProbs, target instanceof Variable ? target.data : target, reduction, weight, options.ignoreIndex ?? -100);
}

function negativeLogLikelihood(fn: string, logProbs: Variable, target: unknown, reduction: Reduction, weight: Tensor | null, ignoreIndex: number): Variable {
  const classDim = logProbs.ndim >= 2 ? 1 : 0;
  const classes = logProbs.shape[classDim];
  const { safe, counted } = checkIndices(fn, target, logProbs.shape, classDim, classes, ignoreIndex, floatDtype(logProbs));
  const picked = squeeze(gather(logProbs, classDim, safe.reshape(keepClassDim(safe.shape, classDim))), classDim);
  const sampleWeight = weight === null ? counted : weight.gather(0, safe.reshape([-1])).reshape(safe.shape).mul(counted);
  const losses = mul(neg(picked), sampleWeight);
  if (reduction === "none") return losses;
  if (reduction === "sum") return sum(losses);
  return div(sum(losses), sampleWeight.sum().item());
}

export interface RegressionLossOptions {
  reduction?: Reduction;
}

/** Mean squared error (input − target)², both differentiable. Shapes must match. */
export function mseLoss(input: Variable | Tensor, target: Variable | Tensor, options: RegressionLossOptions = {}): Variable {
  const [x, y] = pairOf("mseLoss", input, target);
  const d = sub(x, y);
  return reduce(mul(d, d), checkReduction("mseLoss", options.reduction));
}

/** Mean absolute error |input − target|. */
export function l1Loss(input: Variable | Tensor, target: Variable | Tensor, options: RegressionLossOptions = {}): Variable {
  const [x, y] = pairOf("l1Loss", input, target);
  return reduce(abs(sub(x, y)), checkReduction("l1Loss", options.reduction));
}

/** Huber loss: ½d² where |d| < delta, else delta·(|d| − ½delta) (PyTorch's huber_loss, default delta 1). */
export function huberLoss(input: Variable | Tensor, target: Variable | Tensor, options: RegressionLossOptions & { delta?: number } = {}): Variable {
  const [x, y] = pairOf("huberLoss", input, target);
  const delta = options.delta ?? 1;
  if (!(delta > 0)) throw invalidArgument("huberLoss", "delta", delta, "a number > 0");
  const d = sub(x, y);
  const size = abs(d);
  const quadratic = mul(mul(d, d), 0.5);
  const linearPart = mul(sub(size, 0.5 * delta), delta);
  return reduce(where(size.data.lt(delta), quadratic, linearPart), checkReduction("huberLoss", options.reduction));
}

export interface BinaryCrossEntropyWithLogitsOptions {
  reduction?: Reduction;
  /** Per-element weight, broadcast against the loss. */
  weight?: Tensor;
  /** Weight of the positive class, broadcast along the last dimension (PyTorch's pos_weight). */
  posWeight?: Tensor;
}

/**
 * PyTorch's F.binary_cross_entropy_with_logits, in its stable form
 * (1 − y)·x + m + log(e^(−m) + e^(−x−m)) with m = max(−x, 0), which is (1 − y)·x + log(1 + e^(−x))
 * without overflow; with posWeight the log term is scaled by (posWeight − 1)·y + 1.
 */
export function binaryCrossEntropyWithLogits(
  input: Variable | Tensor,
  target: Variable | Tensor,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): Variable {
  const [x, y] = pairOf("binaryCrossEntropyWithLogits", input, target);
  const reduction = checkReduction("binaryCrossEntropyWithLogits", options.reduction);
  const m = relu(neg(x));
  const logTerm = add(log(add(exp(neg(m)), exp(sub(neg(x), m)))), m);
  const oneMinusTarget = sub(1, y);
  let loss: Variable;
  if (options.posWeight === undefined) {
    loss = add(mul(oneMinusTarget, x), logTerm);
  } else {
    const logWeight = add(mul(y, options.posWeight.sub(1)), 1);
    loss = add(mul(oneMinusTarget, x), mul(logWeight, logTerm));
  }
  if (options.weight !== undefined) loss = mul(loss, options.weight);
  return reduce(loss, reduction);
}

function reduce(loss: Variable, reduction: Reduction): Variable {
  if (reduction === "none") return loss;
  return reduction === "sum" ? sum(loss) : mean(loss);
}

function checkReduction(fn: string, reduction: Reduction | undefined): Reduction {
  // Callers from plain JavaScript can pass anything: check the value, not just the type.
  const r: string = reduction ?? "mean";
  if (r !== "mean" && r !== "sum" && r !== "none") throw invalidArgument(fn, "reduction", r, '"mean", "sum" or "none"');
  return r;
}

function pairOf(fn: string, input: Variable | Tensor, target: Variable | Tensor): [Variable, Variable] {
  const x = floatVariable(fn, "input", input);
  const y = floatVariable(fn, "target", target);
  if (!sameShape(x.shape, y.shape)) throw new ShapeError(`${fn}: input has shape [${x.shape.join(", ")}] and target [${y.shape.join(", ")}], expected the same shape`);
  return [x, y];
}

function checkWeight(fn: string, weight: Tensor | undefined, classes: number, dtype: "float32" | "float64" | "int32"): Tensor | null {
  if (weight === undefined) return null;
  if (!(weight instanceof Tensor) || weight.ndim !== 1 || weight.shape[0] !== classes) {
    throw invalidArgument(fn, "weight", weight instanceof Tensor ? `shape [${weight.shape.join(", ")}]` : weight, `a Tensor of shape [${classes}] (one weight per class)`);
  }
  return weight.dtype === dtype ? weight : weight.astype(dtype);
}

/**
 * Checks class indices (int32, the input's shape without the class dimension, each in
 * [0, C) or equal to ignoreIndex) and returns them with ignored entries replaced by 0 (safe to
 * gather) plus a mask `counted` that is 0 at ignored entries and 1 elsewhere.
 */
function checkIndices(
  fn: string,
  target: unknown,
  inputShape: readonly number[],
  classDim: number,
  classes: number,
  ignoreIndex: number,
  dtype: "float32" | "float64",
): { safe: Tensor; counted: Tensor } {
  const expected = inputShape.filter((_, i) => i !== classDim);
  if (!(target instanceof Tensor) || target.dtype !== "int32") {
    throw invalidArgument(fn, "target", target instanceof Tensor ? target.dtype : target, `an int32 Tensor of class indices with shape [${expected.join(", ")}]`);
  }
  if (!sameShape(target.shape, expected)) {
    throw new ShapeError(`${fn}: target has shape [${target.shape.join(", ")}], expected [${expected.join(", ")}] for input of shape [${inputShape.join(", ")}]`);
  }
  const values = target.toFlatArray();
  const safe = new Int32Array(values.length);
  const mask = dtype === "float32" ? new Float32Array(values.length) : new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = values[i];
    if (c === ignoreIndex) continue;
    if (c < 0 || c >= classes) throw invalidArgument(fn, `target[${i}]`, c, `a class index in [0, ${classes}) or ignoreIndex ${ignoreIndex}`);
    safe[i] = c;
    mask[i] = 1;
  }
  return { safe: Tensor.from(safe, { shape: expected, dtype: "int32" }), counted: Tensor.from(mask, { shape: expected, dtype }) };
}

function softTargetLoss(
  logProbs: Variable,
  target: Variable,
  classDim: number,
  classes: number,
  smoothing: number,
  weight: Tensor | null,
  reduction: Reduction,
): Variable {
  const smoothed = smoothing === 0 ? target : add(mul(target, 1 - smoothing), smoothing / classes);
  const weighted = weight === null ? logProbs : mul(logProbs, weightAlong(weight, logProbs.ndim, classDim));
  const losses = neg(sum(mul(weighted, smoothed), classDim));
  if (reduction === "none") return losses;
  if (reduction === "sum") return sum(losses);
  // PyTorch divides by the number of samples here, whatever the weights.
  return div(sum(losses), logProbs.ndim >= 2 ? logProbs.size / classes : 1);
}

/** Per-class weights shaped to broadcast along the class dimension. */
function weightAlong(weight: Tensor, ndim: number, classDim: number): Tensor {
  return weight.reshape(Array.from({ length: ndim }, (_, i) => (i === classDim ? weight.shape[0] : 1)));
}

function keepClassDim(shape: readonly number[], classDim: number): number[] {
  return [...shape.slice(0, classDim), 1, ...shape.slice(classDim)];
}

function floatDtype(v: Variable): "float32" | "float64" {
  return v.dtype === "float64" ? "float64" : "float32";
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

