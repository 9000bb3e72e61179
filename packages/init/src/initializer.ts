import { DTypeError, InvalidArgumentError, ShapeError, Tensor } from "@descent/tensor";
import type { DType, Generator } from "@descent/tensor";
import { checkShape } from "./fans";
import { describeArgument, optionsObject } from "./validate";

/** Every random initializer draws from this generator (default: the tensor package's `defaultGenerator`). */
export interface GeneratorOptions {
  generator?: Generator;
}

/** `create` allocates: dtype float32 unless given, as `Tensor.zeros`. */
export interface CreateOptions {
  dtype?: DType;
}

/** Options may be left out only when every option has a default. */
type OptionsArgument<O> = Partial<O> extends O ? [options?: O] : [options: O];

/**
 * An initializer fills the tensor it is given and returns it (PyTorch's `kaiming_uniform_(w)`),
 * or, through `create`, allocates a tensor of a shape and fills that.
 */
export interface Initializer<O extends object> {
  (target: Tensor, ...options: OptionsArgument<O>): Tensor;
  create(shape: readonly number[], ...options: OptionsArgument<O & CreateOptions>): Tensor;
}

/**
 * Which targets an initializer accepts: random draws need a float dtype, while constants and
 * identity structures (eye, dirac) make sense for int32 too.
 */
export type TargetDTypes = "float" | "any";

/**
 * Makes an initializer from its fill. `fill` must validate every option before it writes anything,
 * so a rejected call leaves the target untouched; the target itself is checked here first.
 */
export function defineInitializer<O extends object>(
  name: string,
  dtypes: TargetDTypes,
  fill: (target: Tensor, options: Record<string, unknown>) => void,
): Initializer<O> {
  const initialize = (target: Tensor, options?: O): Tensor => {
    checkTarget(name, target, dtypes);
    fill(target, optionsObject(name, options));
    return target;
  };
  const create = (shape: readonly number[], options?: O & CreateOptions): Tensor => {
    checkShape(name, shape);
    const { dtype = "float32", ...rest } = optionsObject(name, options);
    if (dtype !== "float32" && dtype !== "float64" && dtype !== "int32") {
      throw new DTypeError(`${name}: dtype is ${describeArgument(dtype)}, expected "float32", "float64" or "int32"`);
    }
    return initialize(Tensor.zeros(shape, { dtype }), rest as O);
  };
  return Object.assign(initialize, { create });
}

/** The target must be a tensor that owns its elements; random fills need a float dtype. */
function checkTarget(fn: string, target: unknown, dtypes: TargetDTypes): asserts target is Tensor {
  if (!(target instanceof Tensor)) {
    throw new InvalidArgumentError(`${fn}: target is ${describeArgument(target)}, expected a Tensor`);
  }
  if (dtypes === "float" && target.dtype !== "float32" && target.dtype !== "float64") {
    throw new DTypeError(`${fn}: target dtype is "${target.dtype}", expected "float32" or "float64"`);
  }
  for (let axis = 0; axis < target.ndim; axis++) {
    // Writing through a stride-0 axis would give every broadcast copy the last value written.
    if (target.strides[axis] === 0 && target.shape[axis] > 1) {
      throw new ShapeError(`${fn}: target is a broadcast view (stride 0 on axis ${axis} of shape ${JSON.stringify(target.shape)}), expected a tensor that owns its elements`);
    }
  }
}

/** Uniform draws on [low, high); an empty target draws nothing (its fans, and so its bounds, may be infinite). */
export function drawUniform(target: Tensor, low: number, high: number, generator: Generator): void {
  if (target.size > 0) generator.fillUniform(target, low, high);
}

/** Normal draws; an empty target draws nothing. */
export function drawNormal(target: Tensor, mean: number, std: number, generator: Generator): void {
  if (target.size > 0) generator.fillNormal(target, mean, std);
}

/** Writes row-major float64 values into the target, whatever its strides and float dtype. */
export function writeRowMajor(target: Tensor, values: Float64Array): void {
  target.copyFrom(Tensor.from(values, { shape: target.shape, dtype: "float64" }));
}
