import { ShapeError, invalidArgument } from "@descent/tensor";
import { defineInitializer, writeRowMajor } from "./initializer";
import type { GeneratorOptions } from "./initializer";
import { generatorOption, nonNegativeNumber } from "./validate";

export interface SparseOptions extends GeneratorOptions {
  /** Fraction of each column set to zero, in [0, 1]: exactly ⌈sparsity·rows⌉ zeros per column. */
  sparsity: number;
  /** Of the nonzero values, default 0.01. */
  std?: number;
}

/**
 * Martens' sparse initialization (Deep learning via Hessian-free optimization, ICML 2010; PyTorch's
 * `sparse_(tensor, sparsity, std=0.01)`): a 2-D target drawn from N(0, std²), then in each column
 * ⌈sparsity·rows⌉ rows, chosen by a random permutation, set to zero. Each unit thus starts with a few
 * large incoming weights rather than many tiny ones.
 */
export const sparse = defineInitializer<SparseOptions>("sparse", "float", (target, options) => {
  if (target.ndim !== 2) {
    throw new ShapeError(`sparse: target shape is ${JSON.stringify(target.shape)}, expected 2 dimensions`);
  }
  const sparsity = options.sparsity;
  if (typeof sparsity !== "number" || !(sparsity >= 0 && sparsity <= 1)) {
    throw invalidArgument("sparse", "sparsity", sparsity, "a number in [0, 1]");
  }
  const std = nonNegativeNumber("sparse", "std", options.std, 0.01);
  const generator = generatorOption("sparse", options.generator);
  if (target.size === 0) return;
  const [rows, cols] = target.shape;
  // PyTorch's int(math.ceil(sparsity * rows)): the same float product, so the same count.
  const zerosPerColumn = Math.ceil(sparsity * rows);
  const values = generator.normal([rows, cols], 0, std, { dtype: "float64" }).toFlatArray() as Float64Array;
  for (let col = 0; col < cols; col++) {
    const order = generator.permutation(rows);
    for (let k = 0; k < zerosPerColumn; k++) values[order[k] * cols + col] = 0;
  }
  writeRowMajor(target, values);
});
