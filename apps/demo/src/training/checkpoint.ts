import type { Module } from "@descent/autograd";
import type { OptimizerStateDict } from "@descent/optim";
import { Tensor } from "@descent/tensor";
import type { DType } from "@descent/tensor";
import type { TrainingOptimizer } from "./training-optimizer";

/** A snapshot of a model's state dict (copied, so later training does not change it) and optionally its optimizer's. */
export interface Checkpoint {
  readonly epoch: number;
  readonly model: Record<string, Tensor>;
  readonly optimizer: OptimizerStateDict | null;
}

export function takeCheckpoint(model: Module, optimizer: TrainingOptimizer | null = null, epoch = 0): Checkpoint {
  const state: Record<string, Tensor> = {};
  for (const [name, tensor] of Object.entries(model.stateDict())) state[name] = tensor.clone();
  // The optimizer's state dict is JSON-ready (typed arrays as base64), so a structured clone is a deep copy.
  return { epoch, model: state, optimizer: optimizer === null ? null : structuredClone(optimizer.stateDict()) };
}

/** Puts the weights (and optimizer state, when both have one) back; the module checks names and shapes first. */
export function restoreCheckpoint(checkpoint: Checkpoint, model: Module, optimizer: TrainingOptimizer | null = null): void {
  model.loadStateDict(checkpoint.model);
  if (optimizer !== null && checkpoint.optimizer !== null) optimizer.loadStateDict(checkpoint.optimizer);
}

interface SavedTensor {
  dtype: DType;
  shape: number[];
  values: number[];
}

/** A checkpoint as JSON text (tensor values as plain numbers, the optimizer state as its own JSON form). */
export function checkpointToJson(checkpoint: Checkpoint): string {
  const model: Record<string, SavedTensor> = {};
  for (const [name, t] of Object.entries(checkpoint.model)) model[name] = { dtype: t.dtype, shape: [...t.shape], values: Array.from(t.toFlatArray()) };
  return JSON.stringify({ format: "descent-demo-checkpoint/1", epoch: checkpoint.epoch, model, optimizer: checkpoint.optimizer });
}

export function checkpointFromJson(text: string): Checkpoint {
  const parsed = JSON.parse(text) as { format?: unknown; epoch: number; model: Record<string, SavedTensor>; optimizer: OptimizerStateDict | null };
  if (parsed.format !== "descent-demo-checkpoint/1") throw new Error(`checkpointFromJson: format ${String(parsed.format)}, expected descent-demo-checkpoint/1`);
  const model: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(parsed.model)) model[name] = Tensor.from(t.values, { dtype: t.dtype, shape: t.shape });
  return { epoch: parsed.epoch, model, optimizer: parsed.optimizer };
}
