import { ShapeError } from "@descent/tensor";
import type { Variable } from "../variable";
import { gradientFor } from "./broadcast";
import { transpose } from "./permute";
import { checkBroadcastable, floatVariable, record } from "./record";
import { reshape } from "./reshape";

/**
 * torch.matmul: 1-D·1-D is a dot product, 2-D·2-D a matrix product, and higher ranks are
 * batches of matrices whose batch dimensions broadcast. For C = A·B the gradients are
 * dA = dC·Bᵀ and dB = Aᵀ·dC, computed with the tensor's matmul on transposed views
 * (no copies) and summed back over broadcast batch dimensions.
 */
export function matmul(a: Variable, b: Variable): Variable {
  const left = floatVariable("matmul", "a", a);
  const right = floatVariable("matmul", "b", b);
  if (left.ndim === 0 || right.ndim === 0) {
    throw new ShapeError(`matmul: shapes [${left.shape.join(", ")}] and [${right.shape.join(", ")}]: both operands need at least one dimension`);
  }
  const inner = left.shape[left.ndim - 1];
  const innerRight = right.ndim === 1 ? right.shape[0] : right.shape[right.ndim - 2];
  if (inner !== innerRight) {
    throw new ShapeError(
      `matmul: shapes [${left.shape.join(", ")}] and [${right.shape.join(", ")}] do not fit (the last dimension of a, ${inner}, must equal ${right.ndim === 1 ? "the length of b" : "the second-to-last of b"}, ${innerRight})`,
    );
  }
  // Vectors become 1×n / n×1 matrices, and the added dimension is dropped afterwards (torch's rule).
  if (left.ndim === 1 || right.ndim === 1) {
    const a2 = left.ndim === 1 ? reshape(left, [1, inner]) : left;
    const b2 = right.ndim === 1 ? reshape(right, [inner, 1]) : right;
    const product = matmul(a2, b2);
    const shape = product.shape.slice(0, product.ndim - 2);
    if (left.ndim !== 1) shape.push(product.shape[product.ndim - 2]);
    if (right.ndim !== 1) shape.push(product.shape[product.ndim - 1]);
    return reshape(product, shape);
  }
  checkBroadcastable("matmul", left.shape.slice(0, -2), right.shape.slice(0, -2));
  return record(
    "matmul",
    [left, right],
    left.data.matmul(right.data),
    // An operand that needs no gradient (a constant data batch) costs no matmul.
    (g) => [
      left.requiresGrad ? gradientFor(matmul(g, transpose(right, -1, -2)), left) : null,
      right.requiresGrad ? gradientFor(matmul(transpose(left, -1, -2), g), right) : null,
    ],
    [left.data, right.data],
  );
}
