import type { Variable } from "../variable";
import { exp } from "./exp";
import { mul } from "./mul";
import { floatVariable, normalizeAxis, record } from "./record";
import { sub } from "./sub";
import { sum } from "./sum";

/** x − logsumexp(x) along `axis`, computed stably. Backward from the output: g − e^y ⊙ Σ g (PyTorch's _log_softmax_backward_data). */
export function logSoftmax(x: Variable, axis: number): Variable {
  const input = floatVariable("logSoftmax", "x", x);
  const a = normalizeAxis("logSoftmax", axis, input.ndim);
  const out = input.data.logSoftmax(a);
  return record("logSoftmax", [input], out, (g, y) => [sub(g, mul(exp(y), sum(g, a, true)))], [out]);
}
