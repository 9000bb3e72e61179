import type { Variable } from "../variable";
import { div } from "./div";
import { floatVariable, record } from "./record";

/** Natural logarithm. d/dx = 1/x. */
export function log(x: Variable): Variable {
  const input = floatVariable("log", "x", x);
  return record("log", [input], input.data.log(), (g) => [div(g, input)], [input.data]);
}
