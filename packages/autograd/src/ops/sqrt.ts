import type { Variable } from "../variable";
import { div } from "./div";
import { mul } from "./mul";
import { floatVariable, record } from "./record";

/** √x. d/dx = 1 / (2√x), PyTorch's `grad / (2 * result)`. */
export function sqrt(x: Variable): Variable {
  const input = floatVariable("sqrt", "x", x);
  const out = input.data.sqrt();
  return record("sqrt", [input], out, (g, y) => [div(g, mul(y, 2))], [out]);
}
