import type { Variable } from "../variable";
import { expand } from "./broadcast";
import { div } from "./div";
import { floatVariable, normalizeAxes, record } from "./record";
import { keptShape, reducedCount } from "./reduced-shape";
import { reshape } from "./reshape";

/** Mean over `axes` (all when undefined/null). The gradient is g / count broadcast back. */
export function mean(x: Variable, axes?: number | readonly number[] | null, keepdim = false): Variable {
  const input = floatVariable("mean", "x", x);
  const list = normalizeAxes("mean", axes, input.ndim);
  const kept = keptShape(input.shape, list);
  const count = reducedCount(input.shape, list);
  return record("mean", [input], input.data.mean(list, keepdim), (g) => [div(expand(reshape(g, kept), input.shape), count)]);
}
