import type { Variable } from "../variable";
import { mul } from "./mul";
import { floatVariable, record } from "./record";

/** eˣ. d/dx = eˣ, the output itself. */
export function exp(x: Variable): Variable {
  const input = floatVariable("exp", "x", x);
  const out = input.data.exp();
  return record("exp", [input], out, (g, y) => [mul(g, y)], [out]);
}
