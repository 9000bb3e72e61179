import type { Variable } from "../variable";
import { gradientFor } from "./broadcast";
import { binaryOperands, inputsOf, record, valueOf } from "./record";
import type { Operand } from "./record";

/** a + b with NumPy broadcasting. d/da = d/db = 1, summed back over broadcast dimensions. */
export function add(a: Operand, b: Operand): Variable {
  const [left, right] = binaryOperands("add", a, b);
  return record("add", inputsOf(left, right), left.data.add(valueOf(right)), (g) =>
    typeof right === "number" ? [gradientFor(g, left)] : [left.requiresGrad ? gradientFor(g, left) : null, right.requiresGrad ? gradientFor(g, right) : null],
  );
}
