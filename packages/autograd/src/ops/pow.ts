import { Tensor } from "@descent/tensor";
import { Variable } from "../variable";
import { add } from "./add";
import { gradientFor } from "./broadcast";
import { log } from "./log";
import { mul } from "./mul";
import { binaryOperands, record } from "./record";
import type { Operand } from "./record";
import { where } from "./where";

/**
 * base ** exponent with broadcasting. d/dbase = exponent · base^(exponent−1) (0 when the
 * exponent is the number 0, as PyTorch); d/dexponent = out · log(base), taken as 0 where
 * base = 0 and exponent ≥ 0 (PyTorch's convention, which avoids 0 · −∞).
 */
export function pow(base: Operand, exponent: Operand): Variable {
  const [left, right] = binaryOperands("pow", base, exponent);
  if (typeof right === "number") {
    return record(
      "pow",
      [left],
      left.data.pow(right),
      (g) => [right === 0 ? new Variable(Tensor.zeros(left.shape, { dtype: left.dtype })) : gradientFor(mul(g, mul(pow(left, right - 1), right)), left)],
      [left.data],
    );
  }
  return record(
    "pow",
    [left, right],
    left.data.pow(right.data),
    (g, out) => {
      const exponentGradient = (): Variable => {
        const zeroBase = left.data.eq(0).mul(right.data.ge(0));
        return gradientFor(mul(g, where(zeroBase, 0, mul(out, log(left)))), right);
      };
      return [left.requiresGrad ? gradientFor(mul(g, mul(right, pow(left, add(right, -1)))), left) : null, right.requiresGrad ? exponentGradient() : null];
    },
    [left.data, right.data],
  );
}
