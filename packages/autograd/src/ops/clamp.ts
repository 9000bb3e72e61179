import { invalidArgument } from "@descent/tensor";
import type { Variable } from "../variable";
import { mul } from "./mul";
import { floatVariable, record } from "./record";

/**
 * Limits x to [min, max] (either bound may be null). The gradient passes where
 * min ≤ x ≤ max, bounds included, as PyTorch's clamp_backward.
 */
export function clamp(x: Variable, min: number | null = null, max: number | null = null): Variable {
  const input = floatVariable("clamp", "x", x);
  if (min === null && max === null) throw invalidArgument("clamp", "min and max", null, "at least one bound");
  if (min !== null && Number.isNaN(min)) throw invalidArgument("clamp", "min", min, "a number or null");
  if (max !== null && Number.isNaN(max)) throw invalidArgument("clamp", "max", max, "a number or null");
  return record(
    "clamp",
    [input],
    input.data.clamp(min, max),
    (g) => {
      let mask = min === null ? null : input.data.ge(min);
      if (max !== null) mask = mask === null ? input.data.le(max) : mask.mul(input.data.le(max));
      return [mul(g, mask!)];
    },
    [input.data],
  );
}
