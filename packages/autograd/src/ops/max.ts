import type { Variable } from "../variable";
import { expand } from "./broadcast";
import { gather } from "./gather";
import { mul } from "./mul";
import { floatVariable, normalizeAxes, normalizeAxis, record } from "./record";
import { keptShape } from "./reduced-shape";
import { reshape } from "./reshape";

/**
 * Largest values. Along one axis this is `torch.max(x, dim).values`: the entry at the argmax,
 * so the gradient goes to that one element. Over all axes (null) or several, it is
 * `torch.amax`: the gradient is shared evenly among tied maxima.
 */
export function max(x: Variable, axes: number | readonly number[] | null = null, keepdim = false): Variable {
  return extreme("max", x, axes, keepdim);
}

/** Smallest values; the mirror of `max`. */
export function min(x: Variable, axes: number | readonly number[] | null = null, keepdim = false): Variable {
  return extreme("min", x, axes, keepdim);
}

function extreme(fn: "max" | "min", x: Variable, axes: number | readonly number[] | null, keepdim: boolean): Variable {
  const input = floatVariable(fn, "x", x);
  if (typeof axes === "number" && input.ndim > 0) {
    const axis = normalizeAxis(fn, axes, input.ndim);
    const index = fn === "max" ? input.data.argmax(axis, true) : input.data.argmin(axis, true);
    const picked = gather(input, axis, index);
    return keepdim ? picked : reshape(picked, input.shape.filter((_, i) => i !== axis));
  }
  const list = normalizeAxes(fn, axes, input.ndim);
  const kept = keptShape(input.shape, list);
  const out = fn === "max" ? input.data.max(list, keepdim) : input.data.min(list, keepdim);
  return record(
    fn,
    [input],
    out,
    (g) => {
      const isExtreme = input.data.eq(out.reshape(kept));
      const share = isExtreme.div(isExtreme.sum(list, true));
      return [mul(expand(reshape(g, kept), input.shape), share)];
    },
    [input.data],
  );
}
