import { invalidArgument } from "@descent/tensor";
import type { Variable } from "../variable";
import { add } from "./add";
import { erf, erfScalar } from "./erf";
import { exp } from "./exp";
import { mapElements } from "./map-elements";
import { mul } from "./mul";
import { floatVariable, record } from "./record";
import { sub } from "./sub";
import { tanh } from "./tanh";

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2_OVER_PI = Math.SQRT2 * (2 / Math.sqrt(Math.PI)) * 0.5; // PyTorch's kBeta = M_SQRT2 * M_2_SQRTPI * 0.5
const KAPPA = 0.044715;
const PDF_SCALE = (2 / Math.sqrt(Math.PI)) * SQRT1_2 * 0.5; // 1/√(2π), spelled as PyTorch's M_2_SQRTPI * M_SQRT1_2 * 0.5

export interface GeluOptions {
  /** "none": x·Φ(x) with the exact normal CDF (erf); "tanh": the tanh approximation. */
  approximate?: "none" | "tanh";
}

/**
 * GELU(x) = x·Φ(x) (PyTorch's `x * 0.5 * (1 + erf(x / √2))`), or with `approximate: "tanh"`
 * 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))). Backward as PyTorch's GeluBackward, written with
 * differentiable ops so it can be differentiated again.
 */
export function gelu(x: Variable, options: GeluOptions = {}): Variable {
  const input = floatVariable("gelu", "x", x);
  const approximate: string = options.approximate ?? "none";
  if (approximate === "none") {
    const out = mapElements(input.data, (v) => v * 0.5 * (1 + erfScalar(v * SQRT1_2)));
    return record(
      "gelu",
      [input],
      out,
      (g) => {
        const cdf = mul(add(erf(mul(input, SQRT1_2)), 1), 0.5);
        const pdf = mul(exp(mul(mul(input, input), -0.5)), PDF_SCALE);
        return [mul(g, add(cdf, mul(input, pdf)))];
      },
      [input.data],
    );
  }
  if (approximate !== "tanh") throw invalidArgument("gelu", "approximate", approximate, '"none" or "tanh"');
  const out = mapElements(input.data, (v) => 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + KAPPA * v * v * v))));
  return record(
    "gelu",
    [input],
    out,
    (g) => {
      const xSquared = mul(input, input);
      const tanhInner = tanh(mul(add(input, mul(mul(xSquared, input), KAPPA)), SQRT_2_OVER_PI));
      const leftDerivative = mul(add(tanhInner, 1), 0.5);
      const rightDerivative = mul(mul(mul(input, 0.5), sub(1, mul(tanhInner, tanhInner))), mul(add(mul(xSquared, 3 * KAPPA), 1), SQRT_2_OVER_PI));
      return [mul(g, add(leftDerivative, rightDerivative))];
    },
    [input.data],
  );
}
