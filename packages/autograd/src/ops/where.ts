import { ShapeError, Tensor, broadcastShapes, where as whereTensor } from "@descent/tensor";
import { Variable } from "../variable";
import { gradientFor } from "./broadcast";
import { floatVariable, record } from "./record";
import type { Operand } from "./record";

/**
 * Picks `a` where `condition` is nonzero, else `b` (all three broadcast). The condition is a
 * constant; the gradient goes to `a` where it was picked and to `b` elsewhere.
 */
export function where(condition: Tensor | Variable, a: Operand, b: Operand): Variable {
  const cond = condition instanceof Variable ? condition.data : condition;
  if (!(cond instanceof Tensor)) throw new ShapeError("where: condition must be a Tensor or a Variable");
  const left = typeof a === "number" ? a : floatVariable("where", "a", a);
  const right = typeof b === "number" ? b : floatVariable("where", "b", b);
  const shapes = [cond.shape, ...[left, right].flatMap((s) => (typeof s === "number" ? [] : [s.shape]))];
  try {
    broadcastShapes(...shapes);
  } catch {
    throw new ShapeError(`where: shapes ${shapes.map((s) => `[${s.join(", ")}]`).join(", ")} (condition, a, b) cannot be broadcast together`);
  }
  const out = whereTensor(cond, typeof left === "number" ? left : left.data, typeof right === "number" ? right : right.data);
  const inputs = [left, right].filter((s): s is Variable => typeof s !== "number");
  return record("where", inputs, out, (g) => {
    const grads: Variable[] = [];
    if (typeof left !== "number") grads.push(gradientFor(where(cond, g, 0), left));
    if (typeof right !== "number") grads.push(gradientFor(where(cond, 0, g), right));
    return grads;
  });
}
