import { invalidArgument } from "@descent/tensor";
import type { Variable } from "../variable";
import { mapElements } from "./map-elements";
import { mul } from "./mul";
import { floatVariable, record } from "./record";
import { sigmoid } from "./sigmoid";
import { where } from "./where";

export interface SoftplusOptions {
  beta?: number;
  /** Above beta·x > threshold the function is taken as linear (PyTorch default 20). */
  threshold?: number;
}

/**
 * softplus(x) = log(1 + e^(βx)) / β, and x itself where βx > threshold (PyTorch's
 * reversion to the identity for numerical stability). d/dx = σ(βx), or 1 past the threshold.
 */
export function softplus(x: Variable, options: SoftplusOptions = {}): Variable {
  const input = floatVariable("softplus", "x", x);
  const beta = options.beta ?? 1;
  const threshold = options.threshold ?? 20;
  if (!Number.isFinite(beta) || beta === 0) throw invalidArgument("softplus", "beta", beta, "a finite nonzero number");
  if (Number.isNaN(threshold)) throw invalidArgument("softplus", "threshold", threshold, "a number");
  const out = mapElements(input.data, (v) => (v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta));
  return record(
    "softplus",
    [input],
    out,
    (g) => {
      const linear = input.data.mul(beta).gt(threshold);
      return [where(linear, g, mul(g, sigmoid(mul(input, beta))))];
    },
    [input.data],
  );
}
