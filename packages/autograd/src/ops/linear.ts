import { ShapeError, addmm } from "@descent/tensor";
import { GRADIENT_IN_SINK } from "../variable";
import type { GradientSink, InputGradient, Variable } from "../variable";
import { gradientFor } from "./broadcast";
import { matmul } from "./matmul";
import { transpose } from "./permute";
import { floatVariable, record } from "./record";
import { reshape } from "./reshape";

/**
 * PyTorch's F.linear: y = x·Wᵀ + b, with W of shape (out, in) and x of shape (..., in).
 * One node instead of transpose + matmul + add, so the weight's gradient comes out of one
 * matmul already in W's layout: dW = dYᵀ·X (rows of every batch dimension flattened),
 * dX = dY·W, db = dY summed over all but the last dimension. Given W's gradient sink, dW goes
 * straight into W's gradient (one addmm: no fresh product to allocate, then copy or add).
 */
export function linear(x: Variable, weight: Variable, bias: Variable | null = null): Variable {
  const input = floatVariable("linear", "x", x);
  const w = floatVariable("linear", "weight", weight);
  const b = bias === null ? null : floatVariable("linear", "bias", bias);
  if (w.ndim !== 2 || input.ndim === 0 || input.shape[input.ndim - 1] !== w.shape[1]) {
    throw new ShapeError(
      `linear: input of shape [${input.shape.join(", ")}] and weight of shape [${w.shape.join(", ")}] do not fit (expected weight (out, in) with in = the input's last dimension)`,
    );
  }
  const outFeatures = w.shape[0];
  if (b !== null && (b.ndim !== 1 || b.shape[0] !== outFeatures)) {
    throw new ShapeError(`linear: bias has shape [${b.shape.join(", ")}], expected [${outFeatures}] for weight of shape [${w.shape.join(", ")}]`);
  }
  // With a bias, addmm adds it inside the matmul kernel (its output starts as the bias), as PyTorch's addmm.
  const y = b === null
    ? input.data.matmul(w.data.transpose())
    : addmm(b.data, input.data.reshape([-1, w.shape[1]]), w.data.transpose()).reshape([...input.shape.slice(0, -1), outFeatures]);
  const inputs = b === null ? [input, w] : [input, w, b];
  return record(
    "linear",
    inputs,
    y,
    (g, _output, sinks) => {
      // Inputs that need no gradient (the data batch, usually) cost no matmul.
      const rows = reshape(g, [-1, outFeatures]);
      const gradients: InputGradient[] = [
        input.requiresGrad ? gradientFor(matmul(g, w), input) : null,
        w.requiresGrad ? weightGradient(rows, reshape(input, [-1, w.shape[1]]), w, sinks?.[1] ?? null) : null,
      ];
      if (b !== null) gradients.push(b.requiresGrad ? gradientFor(rows, b) : null);
      return gradients;
    },
    [input.data, w.data],
  );
}

/** dW = dYᵀ·X over the flattened rows: into W's gradient sink when the engine gives one (one addmm, no fresh product), else returned. */
function weightGradient(rows: Variable, inputRows: Variable, w: Variable, sink: GradientSink | null): InputGradient {
  if (sink === null) return gradientFor(matmul(transpose(rows), inputRows), w);
  const into = sink.into();
  addmm(into, rows.data.transpose(), inputRows.data, { out: into, beta: sink.add ? 1 : 0 });
  return GRADIENT_IN_SINK;
}
