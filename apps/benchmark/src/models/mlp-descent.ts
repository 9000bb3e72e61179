import { Adam } from "@descent/optim";
import { Linear, ReLU, Sequential, crossEntropy, noGrad } from "@descent/autograd";
import type { Generator, Tensor } from "@descent/tensor";

/** Linear layers of `sizes` with ReLU between them, float32, PyTorch's default initialization. */
export function descentMlp(sizes: readonly number[], generator: Generator): Sequential {
  const layers = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    layers.push(new Linear(sizes[i], sizes[i + 1], { generator }));
    if (i + 2 < sizes.length) layers.push(new ReLU());
  }
  return new Sequential(...layers);
}

/** A random batch: inputs N(0, 1) and int32 class labels, the same for every implementation. */
export function syntheticBatch(generator: Generator, batch: number, inputs: number, classes: number): { x: Tensor; y: Tensor } {
  return { x: generator.normal([batch, inputs]), y: generator.integers(0, classes, [batch]) };
}

/** The three workloads measured on an MLP: inference, forward + backward, and a full Adam step. */
export function descentMlpWork(model: Sequential, x: Tensor, y: Tensor, lr = 1e-3): { forward: () => void; forwardBackward: () => void; trainStep: () => void } {
  const optimizer = new Adam(model.parameters(), { lr });
  return {
    forward: () => noGrad(() => model.forward(x)),
    forwardBackward: () => {
      model.zeroGrad();
      crossEntropy(model.forward(x), y).backward();
    },
    trainStep: () => {
      optimizer.zeroGrad();
      crossEntropy(model.forward(x), y).backward();
      optimizer.step();
    },
  };
}
