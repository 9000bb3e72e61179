import { ShapeError, concat as concatTensors, invalidArgument } from "@descent/tensor";
import type { Tensor } from "@descent/tensor";
import type { Variable } from "../variable";
import { cast } from "./cast";
import { floatVariable, normalizeAxis, record } from "./record";
import { unsqueeze } from "./reshape";
import { narrow } from "./slice";

/** Joins tensors along an existing axis. Each input's gradient is its stretch of the output's gradient. */
export function concat(xs: readonly (Variable | Tensor)[], axis = 0): Variable {
  if (!Array.isArray(xs) || xs.length === 0) throw invalidArgument("concat", "xs", xs, "a non-empty array of Variables or Tensors");
  const inputs = xs.map((x, i) => floatVariable("concat", `xs[${i}]`, x));
  const first = inputs[0];
  if (first.ndim === 0) throw new ShapeError("concat: the inputs are 0-d, expected at least one dimension (use stack for scalars)");
  const a = normalizeAxis("concat", axis, first.ndim);
  for (const v of inputs) {
    if (v.ndim !== first.ndim || v.shape.some((d, i) => i !== a && d !== first.shape[i])) {
      throw new ShapeError(
        `concat: shapes ${inputs.map((u) => `[${u.shape.join(", ")}]`).join(", ")} differ outside axis ${axis}, expected equal sizes in every other dimension`,
      );
    }
  }
  const dtype = inputs.some((v) => v.dtype === "float64") ? "float64" : "float32";
  const out = concatTensors(
    inputs.map((v) => (v.dtype === dtype ? v.data : v.data.astype(dtype))),
    a,
  );
  return record("concat", inputs, out, (g) => {
    let offset = 0;
    return inputs.map((v) => {
      const piece = narrow(g, a, offset, v.shape[a]);
      offset += v.shape[a];
      return piece.dtype === v.dtype ? piece : cast(piece, v.dtype);
    });
  });
}

/** Joins tensors of one shape along a new axis. */
export function stack(xs: readonly (Variable | Tensor)[], axis = 0): Variable {
  if (!Array.isArray(xs) || xs.length === 0) throw invalidArgument("stack", "xs", xs, "a non-empty array of Variables or Tensors");
  const inputs = xs.map((x, i) => floatVariable("stack", `xs[${i}]`, x));
  const shape = inputs[0].shape;
  if (inputs.some((v) => v.ndim !== shape.length || v.shape.some((d, i) => d !== shape[i]))) {
    throw new ShapeError(`stack: shapes ${inputs.map((u) => `[${u.shape.join(", ")}]`).join(", ")} differ, expected one shape`);
  }
  const a = normalizeAxis("stack", axis, shape.length + 1);
  return concat(
    inputs.map((v) => unsqueeze(v, a)),
    a,
  );
}
