import type { Variable } from "../variable";
import { mul } from "./mul";
import { floatVariable, record } from "./record";

/** max(x, 0). d/dx = 1 where x > 0, else 0 (a constant mask: the second derivative is 0). */
export function relu(x: Variable): Variable {
  const input = floatVariable("relu", "x", x);
  const out = input.data.relu();
  // PyTorch's threshold_backward masks on the output (result > 0), which equals x > 0.
  return record("relu", [input], out, (g) => [mul(g, out.gt(0))], [out]);
}
