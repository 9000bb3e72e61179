import { crossEntropy, Linear, noGrad, ReLU, Sequential } from "@descent/autograd";
import { Generator, Tensor } from "@descent/tensor";
import { optimizerKind } from "../optimizers/optimizer-kinds";
import type { SteppingOptimizer } from "../optimizers/optimizer-kinds";
import { createOrExplain } from "../paths/run-paths";
import type { DigitsSplit } from "./digits-data";
import { CLASSES, PIXELS } from "./digits-data";
import type { FromWorker, TrainingConfig } from "./messages";

interface Run {
  readonly id: TrainingConfig["optimizers"][number]["id"];
  readonly model: Sequential;
  readonly optimizer: SteppingOptimizer;
}

/** 64 → hidden → 10 with ReLU, PyTorch's default initialization drawn from a generator seeded with `seed`. */
export function digitsMlp(hidden: number, seed: number): Sequential {
  const generator = new Generator(seed);
  return new Sequential(new Linear(PIXELS, hidden, { generator }), new ReLU(), new Linear(hidden, CLASSES, { generator }));
}

function rows(inputs: Float32Array, labels: Int32Array, order: Int32Array, start: number, count: number): { x: Tensor; y: Tensor } {
  const x = new Float32Array(count * PIXELS);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const row = order[start + i];
    x.set(inputs.subarray(row * PIXELS, (row + 1) * PIXELS), i * PIXELS);
    y[i] = labels[row];
  }
  return { x: new Tensor(x, [count, PIXELS]), y: new Tensor(y, [count]) };
}

function evaluate(model: Sequential, data: DigitsSplit): { loss: number; accuracy: number } {
  return noGrad(() => {
    const x = new Tensor(data.validationInputs, [data.validationLabels.length, PIXELS]);
    const y = new Tensor(data.validationLabels, [data.validationLabels.length]);
    const logits = model.forward(x);
    const loss = crossEntropy(logits, y).item();
    const predicted = logits.data.argmax(1).toFlatArray();
    let correct = 0;
    for (let i = 0; i < predicted.length; i++) if (predicted[i] === data.validationLabels[i]) correct++;
    return { loss, accuracy: correct / predicted.length };
  });
}

/**
 * Trains one MLP per optimizer on the same minibatches (one shuffle per epoch from `seed`),
 * taking turns batch by batch so the loss curves grow side by side, and reports every batch's
 * loss and every epoch's validation loss and accuracy through `post`.
 */
export function trainDigits(config: TrainingConfig, data: DigitsSplit, post: (message: FromWorker) => void): void {
  const began = performance.now();
  const runs: Run[] = [];
  for (const { id, lr } of config.optimizers) {
    const model = digitsMlp(config.hidden, config.seed);
    const kind = optimizerKind(id);
    const optimizer = createOrExplain(kind, model.parameters(), { ...kind.defaults, lr });
    if (typeof optimizer === "string") post({ type: "skipped", id, reason: optimizer });
    else runs.push({ id, model, optimizer });
  }
  const parameters = runs.length === 0 ? 0 : runs[0].model.parameters().reduce((n, p) => n + p.data.size, 0);
  const trainRows = data.trainLabels.length;
  post({ type: "loaded", train: trainRows, validation: data.validationLabels.length, parameters });

  const shuffler = new Generator(config.seed + 1);
  let step = 0;
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    const order = shuffler.permutation(trainRows);
    for (let start = 0; start < trainRows; start += config.batchSize) {
      const { x, y } = rows(data.trainInputs, data.trainLabels, order, start, Math.min(config.batchSize, trainRows - start));
      step++;
      for (const run of runs) {
        for (const p of run.model.parameters()) p.grad = null;
        const loss = crossEntropy(run.model.forward(x), y);
        loss.backward();
        run.optimizer.step();
        post({ type: "batch", id: run.id, step, loss: loss.item() });
      }
    }
    for (const run of runs) {
      const { loss, accuracy } = evaluate(run.model, data);
      post({ type: "epoch", id: run.id, epoch, validationLoss: loss, validationAccuracy: accuracy });
    }
  }
  post({ type: "done", seconds: (performance.now() - began) / 1000 });
}
