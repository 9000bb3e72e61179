import type { Variable } from "../variable";
import { gradientFor } from "./broadcast";
import { neg } from "./neg";
import { binaryOperands, inputsOf, record, valueOf } from "./record";
import type { Operand } from "./record";

/** a − b with broadcasting. d/da = 1, d/db = −1. */
export function sub(a: Operand, b: Operand): Variable {
  const [left, right] = binaryOperands("sub", a, b);
  return record("sub", inputsOf(left, right), left.data.sub(valueOf(right)), (g) =>
    typeof right === "number" ? [gradientFor(g, left)] : [left.requiresGrad ? gradientFor(g, left) : null, right.requiresGrad ? gradientFor(neg(g), right) : null],
  );
}
