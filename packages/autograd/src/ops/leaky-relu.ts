import { invalidArgument, where as whereTensor } from "@descent/tensor";
import type { Variable } from "../variable";
import { mul } from "./mul";
import { floatVariable, record } from "./record";

/** x where x > 0, else negativeSlope · x (PyTorch default slope 0.01). d/dx = 1 or negativeSlope. */
export function leakyRelu(x: Variable, negativeSlope = 0.01): Variable {
  const input = floatVariable("leakyRelu", "x", x);
  if (!Number.isFinite(negativeSlope)) throw invalidArgument("leakyRelu", "negativeSlope", negativeSlope, "a finite number");
  const positive = input.data.gt(0);
  const out = whereTensor(positive, input.data, input.data.mul(negativeSlope));
  return record("leakyRelu", [input], out, (g) => [mul(g, whereTensor(positive, 1, negativeSlope).astype(input.dtype))], [input.data]);
}
