import { Linear, ReLU, Sequential, Tanh } from "@descent/autograd";
import type { Module } from "@descent/autograd";
import { BatchNorm1d } from "@descent/layers-batchnorm";
import type { Generator } from "@descent/tensor";
import type { InitName } from "./initializers";
import { initializeWeight } from "./initializers";

export interface MlpOptions {
  /** Layer widths from the input to the classes, e.g. [64, 128, 10]. */
  sizes: readonly number[];
  activation?: "relu" | "tanh";
  /** A BatchNorm1d between every hidden Linear and its activation (Ioffe & Szegedy's placement). */
  batchNorm?: boolean;
  /** Weight initialization; PyTorch's default U(±1/√fan_in) when left out. */
  init?: InitName;
  generator: Generator;
}

/** Linear → [BatchNorm1d] → activation for every hidden layer, then a last Linear that gives the logits. */
export function mlp(options: MlpOptions): Sequential {
  const { sizes, generator } = options;
  const activation = options.activation ?? "relu";
  const layers: Module[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const last = i + 2 === sizes.length;
    // With batch norm right after it, a Linear's bias is cancelled by the mean subtraction.
    const linear = new Linear(sizes[i], sizes[i + 1], { generator, bias: last || options.batchNorm !== true });
    if (options.init !== undefined) {
      initializeWeight(linear.weight.data, options.init, activation, generator);
      linear.bias?.data.fill(0);
    }
    layers.push(linear);
    if (last) break;
    if (options.batchNorm === true) layers.push(new BatchNorm1d(sizes[i + 1]));
    layers.push(activation === "relu" ? new ReLU() : new Tanh());
  }
  return new Sequential(...layers);
}

/** The Linear layers of a model built by `mlp`, input side first. */
export function linearLayers(model: Sequential): Linear[] {
  const out: Linear[] = [];
  for (let i = 0; i < model.length; i++) {
    const layer = model.at(i);
    if (layer instanceof Linear) out.push(layer);
  }
  return out;
}

export function countParameters(model: Module): number {
  return model.parameters().reduce((n, p) => n + p.data.size, 0);
}
