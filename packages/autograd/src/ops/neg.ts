import type { Variable } from "../variable";
import { floatVariable, record } from "./record";

/** −x. */
export function neg(x: Variable): Variable {
  const input = floatVariable("neg", "x", x);
  return record("neg", [input], input.data.neg(), (g) => [neg(g)]);
}
