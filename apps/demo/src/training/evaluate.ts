import { crossEntropy, noGrad } from "@descent/autograd";
import type { Module } from "@descent/autograd";
import type { Dataset } from "../data/dataset";
import { minibatches } from "../data/minibatches";

export interface Evaluation {
  /** Mean cross-entropy over the rows. */
  loss: number;
  /** Fraction of rows whose largest logit is the label. */
  accuracy: number;
}

/** Loss and accuracy in evaluation mode (running batch-norm statistics), without recording a graph. */
export function evaluate(model: Module, data: Dataset, batchSize = 1024): Evaluation {
  const wasTraining = model.training;
  model.eval();
  let loss = 0;
  let correct = 0;
  noGrad(() => {
    for (const batch of minibatches(data, batchSize, null)) {
      const logits = model.forward(batch.inputs);
      loss += crossEntropy(logits, batch.labels, { reduction: "sum" }).item();
      correct += countCorrect(logits.data.toFlatArray(), batch.labels.data as Int32Array, data.classes);
    }
  });
  model.train(wasTraining);
  return { loss: loss / data.size, accuracy: correct / data.size };
}

/** How many rows of (n, classes) row-major logits have their largest value at the label. */
export function countCorrect(logits: ArrayLike<number>, labels: Int32Array, classes: number): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[i * classes + c] > logits[i * classes + best]) best = c;
    if (best === labels[i]) correct++;
  }
  return correct;
}
