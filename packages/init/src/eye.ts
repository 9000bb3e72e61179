import { ShapeError } from "@descent/tensor";
import { defineInitializer } from "./initializer";
import type { NoOptions } from "./constant";

/**
 * The identity on a 2-D target, ones on the main diagonal of a rectangle too (PyTorch's `eye_`):
 * a Linear layer initialized so keeps as many of its inputs as it can.
 */
export const eye = defineInitializer<NoOptions>("eye", "any", (target) => {
  if (target.ndim !== 2) {
    throw new ShapeError(`eye: target shape is ${JSON.stringify(target.shape)}, expected 2 dimensions`);
  }
  target.fill(0);
  const [rows, cols] = target.shape;
  const diagonalStride = target.strides[0] + target.strides[1];
  for (let i = 0; i < Math.min(rows, cols); i++) target.data[target.offset + i * diagonalStride] = 1;
});
