import { invalidArgument } from "@descent/tensor";
import type { Variable } from "../variable";
import { div } from "./div";
import { mean } from "./mean";
import { mul } from "./mul";
import { floatVariable, normalizeAxes } from "./record";
import { reducedCount } from "./reduced-shape";
import { sqrt } from "./sqrt";
import { sub } from "./sub";
import { sum } from "./sum";

export interface VarOptions {
  /** Divide by count − correction: 1 is Bessel's unbiased estimate (PyTorch's default), 0 the population variance. */
  correction?: number;
  keepdim?: boolean;
}

/**
 * Variance over `axes`: Σ(x − mean)² / (count − correction), two passes (no cancellation).
 * Built from differentiable ops, so its gradient 2(x − mean)/(count − correction) and
 * every higher derivative come from the chain rule.
 */
export function variance(x: Variable, axes?: number | readonly number[] | null, options: VarOptions = {}): Variable {
  const input = floatVariable("var", "x", x);
  const list = normalizeAxes("var", axes, input.ndim);
  const correction = options.correction ?? 1;
  if (!Number.isFinite(correction) || correction < 0) throw invalidArgument("var", "correction", correction, "a finite number >= 0");
  const centered = sub(input, mean(input, list, true));
  return div(sum(mul(centered, centered), list, options.keepdim ?? false), Math.max(0, reducedCount(input.shape, list) - correction));
}

/** Standard deviation: √var. */
export function std(x: Variable, axes?: number | readonly number[] | null, options: VarOptions = {}): Variable {
  return sqrt(variance(x, axes, options));
}
