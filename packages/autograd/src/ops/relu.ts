import { reluBackward } from "@descent/tensor";
import type { Tensor } from "@descent/tensor";
import type { Variable } from "../variable";
import { floatVariable, record } from "./record";

/** max(x, 0). d/dx = 1 where x > 0, else 0 (a constant mask: the second derivative is 0). */
export function relu(x: Variable): Variable {
  const input = floatVariable("relu", "x", x);
  const out = input.data.relu();
  return record("relu", [input], out, (g) => [reluGradient(g, out)], [out]);
}

/**
 * g where relu's output is positive, 0 where it is ≤ 0, in one kernel (PyTorch's threshold_backward
 * masks on the output too, which equals x > 0). An infinite g where the output is 0 gives 0, not
 * the NaN of g·mask. Linear in g, so its own gradient is the same masking.
 */
function reluGradient(g: Variable, out: Tensor): Variable {
  return record("reluBackward", [g], reluBackward(g.data, out), (gg) => [reluGradient(gg, out)], [out]);
}
