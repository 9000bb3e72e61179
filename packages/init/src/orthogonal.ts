import { ShapeError, denseQr } from "@descent/tensor";
import { defineInitializer, writeRowMajor } from "./initializer";
import type { GeneratorOptions } from "./initializer";
import { finiteNumber, generatorOption } from "./validate";

export interface OrthogonalOptions extends GeneratorOptions {
  /** Scale factor, default 1: the result satisfies QQᵀ = gain²·I (or QᵀQ). */
  gain?: number;
}

/**
 * A (semi-)orthogonal matrix (Saxe et al., 2013; PyTorch's `orthogonal_(tensor, gain=1)`): the target is
 * flattened to rows = shape[0] by cols = the product of the rest, filled from a standard normal matrix
 * through QR, and scaled by gain. When rows < cols the normal matrix is transposed first and Q
 * transposed back, so the rows are orthonormal (QQᵀ = I) instead of the columns (QᵀQ = I).
 *
 * Q is multiplied by diag(sign(diag R)): that makes the factorization the unique one with R's diagonal
 * positive, and so Q Haar-distributed (uniform over the orthogonal group). Without it Q's law depends on
 * the QR algorithm's sign convention (Mezzadri, https://arxiv.org/abs/math-ph/0609050).
 * The QR (the tensor package's Householder `denseQr`) runs in float64 whatever the target's dtype.
 * @see https://arxiv.org/abs/1312.6120
 */
export const orthogonal = defineInitializer<OrthogonalOptions>("orthogonal", "float", (target, options) => {
  if (target.ndim < 2) {
    throw new ShapeError(`orthogonal: target shape is ${JSON.stringify(target.shape)}, expected at least 2 dimensions`);
  }
  const gain = finiteNumber("orthogonal", "gain", options.gain, 1);
  const generator = generatorOption("orthogonal", options.generator);
  if (target.size === 0) return;
  const rows = target.shape[0];
  const cols = target.size / rows;
  const transposed = rows < cols;
  const [m, n] = transposed ? [cols, rows] : [rows, cols];
  // Reading the rows×cols draw as m×n when transposed is itself a draw of i.i.d. normals: no copy needed.
  const gaussian = generator.normal([m, n], 0, 1, { dtype: "float64" }).toFlatArray() as Float64Array;
  const { q, r } = denseQr(gaussian, m, n); // reduced: Q is m×n, R is n×n
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      // A zero diagonal (probability 0) keeps its column's sign rather than zeroing the column as torch's sign() would.
      const sign = r[j * n + j] < 0 ? -1 : 1;
      const value = gain * sign * q[i * n + j];
      values[transposed ? j * cols + i : i * cols + j] = value;
    }
  }
  writeRowMajor(target, values);
});
