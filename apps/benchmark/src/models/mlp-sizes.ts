/** The MLP every speed section measures: MNIST-shaped input, two hidden layers, ten classes. */
export const MLP_SIZES = [784, 256, 128, 10] as const;
export const MLP_BATCH = 128;

/** Multiply-adds of one forward pass (×2 flops each), for a sense of scale in the notes. */
export function mlpForwardFlops(sizes: readonly number[], batch: number): number {
  let flops = 0;
  for (let i = 0; i + 1 < sizes.length; i++) flops += 2 * batch * sizes[i] * sizes[i + 1];
  return flops;
}
