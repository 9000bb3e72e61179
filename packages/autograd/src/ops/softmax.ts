import type { Variable } from "../variable";
import { mul } from "./mul";
import { floatVariable, normalizeAxis, record } from "./record";
import { sub } from "./sub";
import { sum } from "./sum";

/** eˣ / Σ eˣ along `axis`, computed stably. Backward from the output: y ⊙ (g − Σ g ⊙ y), PyTorch's _softmax_backward_data. */
export function softmax(x: Variable, axis: number): Variable {
  const input = floatVariable("softmax", "x", x);
  const a = normalizeAxis("softmax", axis, input.ndim);
  const out = input.data.softmax(a);
  return record("softmax", [input], out, (g, y) => [mul(y, sub(g, sum(mul(g, y), a, true)))], [out]);
}
