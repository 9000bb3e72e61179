import { invalidArgument } from "@descent/tensor";

/** The nonlinearities of PyTorch's `calculate_gain`, in camelCase (`leaky_relu` → `leakyRelu`). */
export type Nonlinearity =
  | "linear"
  | "conv1d"
  | "conv2d"
  | "conv3d"
  | "convTranspose1d"
  | "convTranspose2d"
  | "convTranspose3d"
  | "sigmoid"
  | "tanh"
  | "relu"
  | "leakyRelu"
  | "selu";

/** Every accepted name, for validation and for error messages. */
export const nonlinearities: readonly Nonlinearity[] = [
  "linear",
  "conv1d",
  "conv2d",
  "conv3d",
  "convTranspose1d",
  "convTranspose2d",
  "convTranspose3d",
  "sigmoid",
  "tanh",
  "relu",
  "leakyRelu",
  "selu",
];

/** PyTorch's default negative slope of leaky ReLU when no `param` is given. */
const defaultNegativeSlope = 0.01;

/**
 * The gain that keeps activations at unit scale through the nonlinearity, PyTorch 1.13's table:
 *
 * | nonlinearity                                 | gain                     |
 * |----------------------------------------------|--------------------------|
 * | linear, conv{1,2,3}d, convTranspose{1,2,3}d  | 1                        |
 * | sigmoid                                      | 1                        |
 * | tanh                                         | 5/3                      |
 * | relu                                         | √2                       |
 * | leakyRelu                                    | √(2 / (1 + slope²)), slope = `param` ?? 0.01 |
 * | selu                                         | 3/4                      |
 *
 * `param` is read only by leakyRelu (as PyTorch). The arithmetic is PyTorch's, operation for operation,
 * so the results agree to the last bit.
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number | null): number {
  return gainOf("calculateGain", nonlinearity, param);
}

/** calculateGain with the caller's name in the error message. */
export function gainOf(fn: string, nonlinearity: unknown, param?: unknown): number {
  switch (nonlinearity) {
    case "linear":
    case "conv1d":
    case "conv2d":
    case "conv3d":
    case "convTranspose1d":
    case "convTranspose2d":
    case "convTranspose3d":
    case "sigmoid":
      return 1;
    case "tanh":
      return 5.0 / 3;
    case "relu":
      return Math.sqrt(2.0);
    case "leakyRelu": {
      if (param !== undefined && param !== null && !(typeof param === "number" && Number.isFinite(param))) {
        throw invalidArgument(fn, "param (the negative slope of leakyRelu)", param, "a finite number, or undefined for 0.01");
      }
      const negativeSlope = typeof param === "number" ? param : defaultNegativeSlope;
      return Math.sqrt(2.0 / (1 + negativeSlope ** 2));
    }
    case "selu":
      // PyTorch's value: with SELU's own scale, 3/4 keeps the forward variance near 1 (torch.nn.init docs).
      return 3.0 / 4;
    default:
      throw invalidArgument(fn, "nonlinearity", nonlinearity, `one of ${nonlinearities.map((n) => `"${n}"`).join(", ")}`);
  }
}
