import { invalidArgument } from "@descent/tensor";
import type { Tensor } from "@descent/tensor";
import { toVariable } from "../ops/record";
import type { Variable } from "../variable";
import { Module } from "./module";

/** Modules applied one after another; registered under the names "0", "1", … as PyTorch's nn.Sequential. */
export class Sequential extends Module {
  private readonly layers: Module[];

  constructor(...layers: Module[]) {
    super();
    layers.forEach((m, i) => {
      if (!(m instanceof Module)) throw invalidArgument("Sequential", `layers[${i}]`, m, "a Module");
      this.registerModule(String(i), m);
    });
    this.layers = layers;
  }

  get length(): number {
    return this.layers.length;
  }

  /** The module at `index` (negative counts from the end). */
  at(index: number): Module {
    const i = index < 0 ? index + this.layers.length : index;
    if (!Number.isInteger(i) || i < 0 || i >= this.layers.length) throw invalidArgument("Sequential.at", "index", index, `an integer in [${-this.layers.length}, ${this.layers.length - 1}]`);
    return this.layers[i];
  }

  override forward(input: Variable | Tensor): Variable {
    let x = toVariable("Sequential.forward", "input", input);
    for (const layer of this.layers) x = layer.forward(x);
    return x;
  }
}
