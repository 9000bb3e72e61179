import type { Variable } from "../variable";
import { expand } from "./broadcast";
import { floatVariable, normalizeAxes, record } from "./record";
import { keptShape } from "./reduced-shape";
import { reshape } from "./reshape";

/** Sum over `axes` (all when undefined/null). The gradient is g broadcast back over the summed axes. */
export function sum(x: Variable, axes?: number | readonly number[] | null, keepdim = false): Variable {
  const input = floatVariable("sum", "x", x);
  const list = normalizeAxes("sum", axes, input.ndim);
  const kept = keptShape(input.shape, list);
  return record("sum", [input], input.data.sum(list, keepdim), (g) => [expand(reshape(g, kept), input.shape)]);
}
