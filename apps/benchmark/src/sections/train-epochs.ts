import { crossEntropy, noGrad } from "@descent/autograd";
import { Adam } from "@descent/optim";
import { Generator, Tensor } from "@descent/tensor";
import { gatherLabels, gatherRows, type Dataset } from "../data/dataset";
import { descentMlp } from "../models/mlp-descent";
import { tfjsMlp } from "../models/mlp-tfjs";
import type { Tf } from "../peers/tfjs";

/** A training run to repeat in every implementation: same data, same batch order, same model shape and Adam settings. */
export interface EpochPlan {
  dataset: Dataset;
  sizes: readonly number[];
  batch: number;
  lr: number;
  /** One permutation of the training rows per epoch. */
  orders: Int32Array[];
}

export interface EpochRun {
  epochMs: number[];
  /** Test accuracy after the last epoch, in [0, 1]. */
  accuracy: number;
}

export function epochPlan(dataset: Dataset, sizes: readonly number[], batch: number, lr: number, epochs: number, seed: number): EpochPlan {
  const generator = new Generator(seed);
  const trainCount = dataset.yTrain.length;
  return { dataset, sizes, batch, lr, orders: Array.from({ length: epochs }, () => generator.permutation(trainCount)) };
}

function accuracyOf(predicted: Int32Array | Float32Array, labels: Int32Array): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
  return right / labels.length;
}

export function descentEpochs(plan: EpochPlan, seed: number): EpochRun {
  const { dataset: d, batch } = plan;
  const model = descentMlp(plan.sizes, new Generator(seed));
  const optimizer = new Adam(model.parameters(), { lr: plan.lr });
  const epochMs: number[] = [];
  for (const order of plan.orders) {
    const t0 = performance.now();
    for (let start = 0; start < order.length; start += batch) {
      const end = Math.min(start + batch, order.length);
      const x = new Tensor(gatherRows(d.xTrain, d.features, order, start, end), [end - start, d.features]);
      const y = new Tensor(gatherLabels(d.yTrain, order, start, end), [end - start]);
      optimizer.zeroGrad();
      crossEntropy(model.forward(x), y).backward();
      optimizer.step();
    }
    epochMs.push(performance.now() - t0);
  }
  const predicted = noGrad(() => model.forward(new Tensor(d.xTest, [d.yTest.length, d.features])).data.argmax(1));
  return { epochMs, accuracy: accuracyOf(predicted.data as Int32Array, d.yTest) };
}

export function tfjsEpochs(tf: Tf, plan: EpochPlan, seed: number): EpochRun {
  const { dataset: d, batch } = plan;
  const model = tfjsMlp(tf, plan.sizes, seed);
  const optimizer = tf.train.adam(plan.lr);
  const xTrain = tf.tensor2d(d.xTrain, [d.yTrain.length, d.features]);
  const yTrain = tf.tensor1d(d.yTrain, "int32");
  const epochMs: number[] = [];
  for (const order of plan.orders) {
    const t0 = performance.now();
    for (let start = 0; start < order.length; start += batch) {
      const end = Math.min(start + batch, order.length);
      tf.tidy(() => {
        const idx = tf.tensor1d(order.subarray(start, end), "int32");
        const x = tf.gather(xTrain, idx);
        const y = tf.oneHot(tf.gather(yTrain, idx), d.classes);
        const { grads } = tf.variableGrads(() => model.loss(x, y), model.variables);
        optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
      });
    }
    epochMs.push(performance.now() - t0);
  }
  const predicted = tf.tidy(() => tf.argMax(model.logits(tf.tensor2d(d.xTest, [d.yTest.length, d.features])), 1));
  const accuracy = accuracyOf(predicted.dataSync() as Int32Array, d.yTest);
  predicted.dispose();
  xTrain.dispose();
  yTrain.dispose();
  optimizer.dispose();
  model.dispose();
  return { epochMs, accuracy };
}
