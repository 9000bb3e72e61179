import type { DType } from "@descent/tensor";
import { invalidArgument } from "@descent/tensor";
import type { Variable } from "../variable";
import { floatVariable, record } from "./record";

/** Converts to another float dtype; the gradient converts back (float32 ⇄ float64). */
export function cast(x: Variable, dtype: DType): Variable {
  const input = floatVariable("cast", "x", x);
  if (dtype !== "float32" && dtype !== "float64") throw invalidArgument("cast", "dtype", dtype, '"float32" or "float64"');
  if (input.dtype === dtype) return input;
  return record("cast", [input], input.data.astype(dtype), (g) => [cast(g, input.dtype)]);
}
