import type { Variable } from "../variable";
import { expand } from "./broadcast";
import { exp } from "./exp";
import { mul } from "./mul";
import { floatVariable, normalizeAxes, record } from "./record";
import { keptShape } from "./reduced-shape";
import { reshape } from "./reshape";
import { sub } from "./sub";

/** log Σ eˣ over `axes`, computed stably (max shifted out). d/dx = e^(x − out), the softmax. */
export function logsumexp(x: Variable, axes?: number | readonly number[] | null, keepdim = false): Variable {
  const input = floatVariable("logsumexp", "x", x);
  const list = normalizeAxes("logsumexp", axes, input.ndim);
  const kept = keptShape(input.shape, list);
  const out = input.data.logsumexp(list, keepdim);
  return record(
    "logsumexp",
    [input],
    out,
    (g, y) => [mul(expand(reshape(g, kept), input.shape), exp(sub(input, reshape(y, kept))))],
    [input.data, out],
  );
}
