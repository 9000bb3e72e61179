import { DTypeError, ShapeError, invalidArgument } from "@descent/tensor";
import type { DType } from "@descent/tensor";

/** eps is added to the variance under the square root: it must keep 1/√(var + eps) finite for a constant channel. */
export function checkEps(fn: string, eps: unknown): number {
  if (typeof eps !== "number" || !Number.isFinite(eps) || eps <= 0) throw invalidArgument(fn, "eps", eps, "a finite number > 0");
  return eps;
}

/** The running-average factor: the weight of the newest batch, in [0, 1]. */
export function checkMomentum(fn: string, momentum: unknown): number {
  if (typeof momentum !== "number" || !(momentum >= 0 && momentum <= 1)) throw invalidArgument(fn, "momentum", momentum, "a number in [0, 1]");
  return momentum;
}

export function checkBoolean(fn: string, argument: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw invalidArgument(fn, argument, value, "true or false");
  return value;
}

/** x must be a float tensor with a channel axis: (N, C, ...). Returns its dtype. */
export function checkInput(fn: string, shape: readonly number[], dtype: DType): DType {
  if (shape.length < 2) throw new ShapeError(`${fn}: input has shape [${shape.join(", ")}], expected at least 2 dimensions (N, C, ...)`);
  if (dtype === "int32") throw new DTypeError(`${fn}: input is int32, expected float32 or float64`);
  return dtype;
}

/** A per-channel vector (γ, β, running mean or variance): shape [C] in the input's dtype, or null where allowed. */
export function checkChannelVector(fn: string, argument: string, value: { shape: readonly number[]; dtype: DType }, channels: number, dtype: DType): void {
  if (value.shape.length !== 1 || value.shape[0] !== channels) {
    throw new ShapeError(`${fn}: ${argument} has shape [${value.shape.join(", ")}], expected [${channels}] (one value per channel of the input)`);
  }
  if (value.dtype !== dtype) throw new DTypeError(`${fn}: ${argument} is ${value.dtype}, expected ${dtype} (the input's dtype)`);
}

/** PyTorch's `_verify_batch_size`: batch statistics need at least two values per channel. */
export function checkValuesPerChannel(fn: string, shape: readonly number[]): void {
  const count = shape[0] * shape.slice(2).reduce((a, b) => a * b, 1);
  if (count < 2) {
    throw new ShapeError(`${fn}: Expected more than 1 value per channel when training, got input size [${shape.join(", ")}] (${count} value(s) per channel)`);
  }
}
