import type { Variable } from "../variable";
import { mul } from "./mul";
import { floatVariable, record } from "./record";
import { sub } from "./sub";

/** tanh x. d/dx = 1 − tanh²x, from the output (PyTorch's tanh_backward). */
export function tanh(x: Variable): Variable {
  const input = floatVariable("tanh", "x", x);
  const out = input.data.tanh();
  return record("tanh", [input], out, (g, y) => [mul(g, sub(1, mul(y, y)))], [out]);
}
