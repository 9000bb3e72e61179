import type { Variable } from "../variable";
import { mul } from "./mul";
import { floatVariable, record } from "./record";
import { sub } from "./sub";

/** σ(x) = 1 / (1 + e⁻ˣ). d/dx = σ(1 − σ), from the output (PyTorch's sigmoid_backward). */
export function sigmoid(x: Variable): Variable {
  const input = floatVariable("sigmoid", "x", x);
  const out = input.data.sigmoid();
  return record("sigmoid", [input], out, (g, y) => [mul(mul(g, sub(1, y)), y)], [out]);
}
