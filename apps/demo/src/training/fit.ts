import { crossEntropy } from "@descent/autograd";
import type { Module } from "@descent/autograd";
import type { Generator } from "@descent/tensor";
import type { Dataset } from "../data/dataset";
import { minibatches } from "../data/minibatches";
import { restoreCheckpoint, takeCheckpoint } from "./checkpoint";
import type { Checkpoint } from "./checkpoint";
import { EarlyStopping } from "./early-stopping";
import { countCorrect, evaluate } from "./evaluate";
import type { TrainingOptimizer } from "./training-optimizer";

export interface FitOptions {
  epochs: number;
  batchSize: number;
  /** Draws each epoch's order of the training rows. */
  generator: Generator;
  /** Evaluated after every epoch (needed for early stopping). */
  validation?: Dataset;
  /** The learning rate of every group at each optimizer step (0, 1, …), set before the step. */
  lrSchedule?: (step: number) => number;
  /** Stop after `patience` epochs without a better validation loss, and go back to the best weights. */
  earlyStopping?: { patience: number; minDelta?: number };
  /** Called after every optimizer step (the lottery experiment re-applies its pruning mask here). */
  afterStep?: () => void;
  /** Called after every epoch, for progress and logs. */
  onEpoch?: (record: EpochRecord) => void;
  /** Drop a last, smaller batch (batch norm cannot normalize a batch of one row). */
  dropLast?: boolean;
  /** A training loss above this (or not finite) ends the run as diverged. Default 1e3. */
  divergenceLoss?: number;
}

export interface EpochRecord {
  /** 1-based. */
  epoch: number;
  /** Mean of the minibatch losses and accuracy over the epoch, as they were computed while training. */
  trainLoss: number;
  trainAccuracy: number;
  validationLoss: number | null;
  validationAccuracy: number | null;
  /** Learning rate of the first group at the epoch's last step. */
  lr: number;
  /** Wall time of the epoch's training steps and its evaluation. */
  seconds: number;
}

export interface FitResult {
  history: EpochRecord[];
  /** Every minibatch loss, in order. */
  stepLosses: number[];
  diverged: boolean;
  stoppedEarly: boolean;
  /** Epoch of the lowest validation loss (−1 without validation), whose weights the model holds after early stopping. */
  bestEpoch: number;
  steps: number;
  seconds: number;
}

/**
 * Minibatch training with cross-entropy: shuffled batches each epoch, an optional per-step
 * learning-rate schedule, validation after each epoch, early stopping with the best weights
 * restored, and a stop as soon as the loss blows up.
 */
export function fit(model: Module, optimizer: TrainingOptimizer, train: Dataset, options: FitOptions): FitResult {
  const divergenceLoss = options.divergenceLoss ?? 1e3;
  const stopper = options.earlyStopping === undefined ? null : new EarlyStopping(options.earlyStopping.patience, options.earlyStopping.minDelta);
  if (stopper !== null && options.validation === undefined) throw new Error("fit: earlyStopping needs a validation set");
  let best: Checkpoint | null = null;
  const history: EpochRecord[] = [];
  const stepLosses: number[] = [];
  let step = 0;
  let diverged = false;
  let stoppedEarly = false;
  let bestEpoch = -1;
  let bestValidation = Infinity;
  const start = performance.now();
  model.train();
  for (let epoch = 1; epoch <= options.epochs && !diverged && !stoppedEarly; epoch++) {
    const epochStart = performance.now();
    let lossSum = 0;
    let correct = 0;
    let rows = 0;
    for (const batch of minibatches(train, options.batchSize, options.generator, options.dropLast ?? false)) {
      if (options.lrSchedule !== undefined) {
        const lr = options.lrSchedule(step);
        for (const group of optimizer.paramGroups) group.lr = lr;
      }
      const logits = model.forward(batch.inputs);
      const loss = crossEntropy(logits, batch.labels);
      const value = loss.item();
      stepLosses.push(value);
      if (!Number.isFinite(value) || value > divergenceLoss) {
        diverged = true;
        break;
      }
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
      options.afterStep?.();
      step++;
      lossSum += value * batch.size;
      rows += batch.size;
      correct += countCorrect(logits.data.toFlatArray(), batch.labels.data as Int32Array, train.classes);
    }
    const validation = options.validation === undefined || diverged ? null : evaluate(model, options.validation);
    const record: EpochRecord = {
      epoch,
      trainLoss: rows > 0 ? lossSum / rows : NaN,
      trainAccuracy: rows > 0 ? correct / rows : NaN,
      validationLoss: validation?.loss ?? null,
      validationAccuracy: validation?.accuracy ?? null,
      lr: optimizer.paramGroups[0].lr,
      seconds: (performance.now() - epochStart) / 1000,
    };
    if (validation !== null && !Number.isFinite(validation.loss)) diverged = true;
    history.push(record);
    options.onEpoch?.(record);
    if (validation !== null && validation.loss < bestValidation) {
      bestValidation = validation.loss;
      bestEpoch = epoch;
    }
    if (stopper !== null && validation !== null && !diverged) {
      const verdict = stopper.update(epoch, validation.loss);
      if (verdict === "improved") best = takeCheckpoint(model, null, epoch);
      if (verdict === "stop") stoppedEarly = true;
    }
  }
  if (best !== null) restoreCheckpoint(best, model);
  return { history, stepLosses, diverged, stoppedEarly, bestEpoch, steps: step, seconds: (performance.now() - start) / 1000 };
}
