import type { Variable } from "../variable";
import { mul } from "./mul";
import { floatVariable, record } from "./record";

/** |x|. d/dx = sign(x) (0 at 0, as PyTorch), a constant, so the second derivative is 0. */
export function abs(x: Variable): Variable {
  const input = floatVariable("abs", "x", x);
  return record("abs", [input], input.data.abs(), (g) => [mul(g, input.data.sign())], [input.data]);
}
