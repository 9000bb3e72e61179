import type { Variable } from "../variable";
import { gradientFor } from "./broadcast";
import { binaryOperands, inputsOf, record, valueOf } from "./record";
import type { Operand } from "./record";

/** a · b element-wise with broadcasting. d/da = b, d/db = a. */
export function mul(a: Operand, b: Operand): Variable {
  const [left, right] = binaryOperands("mul", a, b);
  const saved = typeof right === "number" ? [] : [left.data, right.data];
  return record(
    "mul",
    inputsOf(left, right),
    left.data.mul(valueOf(right)),
    (g) =>
      typeof right === "number"
        ? [gradientFor(mul(g, right), left)]
        : [left.requiresGrad ? gradientFor(mul(g, right), left) : null, right.requiresGrad ? gradientFor(mul(g, left), right) : null],
    saved,
  );
}
