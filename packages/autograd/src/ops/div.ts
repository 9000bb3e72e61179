import type { Variable } from "../variable";
import { gradientFor } from "./broadcast";
import { mul } from "./mul";
import { neg } from "./neg";
import { binaryOperands, record } from "./record";
import type { Operand } from "./record";

/** a / b element-wise with broadcasting. d/da = 1/b, d/db = −a/b² (PyTorch's `-grad * self / (other * other)`). */
export function div(a: Operand, b: Operand): Variable {
  const [left, right] = binaryOperands("div", a, b);
  if (typeof right === "number") {
    return record("div", [left], left.data.div(right), (g) => [gradientFor(div(g, right), left)]);
  }
  return record(
    "div",
    [left, right],
    left.data.div(right.data),
    (g) => [
      left.requiresGrad ? gradientFor(div(g, right), left) : null,
      right.requiresGrad ? gradientFor(div(mul(neg(g), left), mul(right, right)), right) : null,
    ],
    [left.data, right.data],
  );
}
