import type { Rank, Tensor, Variable } from "@tensorflow/tfjs-core";
import type { Tf } from "../peers/tfjs";

/** The same MLP in TF.js: weights (in, out) so that a layer is x·W + b, initialized U(−1/√in, 1/√in) as PyTorch's Linear. */
export interface TfjsMlp {
  variables: Variable[];
  logits(x: Tensor): Tensor;
  /** Mean softmax cross-entropy against one-hot labels. */
  loss(x: Tensor, yOneHot: Tensor): Tensor<Rank.R0>;
  dispose(): void;
}

export function tfjsMlp(tf: Tf, sizes: readonly number[], seed: number): TfjsMlp {
  const weights: Variable[] = [];
  const biases: Variable[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const bound = 1 / Math.sqrt(sizes[i]);
    weights.push(tf.variable(tf.randomUniform([sizes[i], sizes[i + 1]], -bound, bound, "float32", seed + 2 * i)));
    biases.push(tf.variable(tf.randomUniform([sizes[i + 1]], -bound, bound, "float32", seed + 2 * i + 1)));
  }
  const logits = (x: Tensor): Tensor => {
    let h = x;
    for (let i = 0; i < weights.length; i++) {
      h = tf.add(tf.matMul(h, weights[i]), biases[i]);
      if (i + 1 < weights.length) h = tf.relu(h);
    }
    return h;
  };
  return {
    variables: [...weights, ...biases],
    logits,
    loss: (x, yOneHot) => tf.losses.softmaxCrossEntropy<Tensor, Tensor<Rank.R0>>(yOneHot, logits(x)),
    dispose: () => {
      for (const v of [...weights, ...biases]) v.dispose();
    },
  };
}

/** The three workloads of mlp-descent.ts, in TF.js: every intermediate freed by tf.tidy. */
export function tfjsMlpWork(tf: Tf, model: TfjsMlp, x: Tensor, yOneHot: Tensor, lr = 1e-3): { forward: () => void; forwardBackward: () => void; trainStep: () => void; dispose: () => void } {
  const optimizer = tf.train.adam(lr);
  return {
    forward: () => {
      tf.tidy(() => {
        model.logits(x);
      });
    },
    forwardBackward: () => {
      tf.tidy(() => {
        tf.variableGrads(() => model.loss(x, yOneHot), model.variables);
      });
    },
    trainStep: () => {
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => model.loss(x, yOneHot), model.variables);
        optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
      });
    },
    dispose: () => {
      optimizer.dispose();
    },
  };
}
