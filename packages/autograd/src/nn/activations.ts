import type { Tensor } from "@descent/tensor";
import { gelu } from "../ops/gelu";
import type { GeluOptions } from "../ops/gelu";
import { leakyRelu } from "../ops/leaky-relu";
import { toVariable } from "../ops/record";
import { relu } from "../ops/relu";
import { flatten } from "../ops/reshape";
import { sigmoid } from "../ops/sigmoid";
import { softplus } from "../ops/softplus";
import type { SoftplusOptions } from "../ops/softplus";
import { tanh } from "../ops/tanh";
import type { Variable } from "../variable";
import { Module } from "./module";

/** The activation functions as modules, for Sequential; each is the op of the same name. */
export class ReLU extends Module {
  override forward(input: Variable | Tensor): Variable {
    return relu(toVariable("ReLU.forward", "input", input));
  }
}

export class Tanh extends Module {
  override forward(input: Variable | Tensor): Variable {
    return tanh(toVariable("Tanh.forward", "input", input));
  }
}

export class Sigmoid extends Module {
  override forward(input: Variable | Tensor): Variable {
    return sigmoid(toVariable("Sigmoid.forward", "input", input));
  }
}

export class LeakyReLU extends Module {
  constructor(readonly negativeSlope = 0.01) {
    super();
  }

  override forward(input: Variable | Tensor): Variable {
    return leakyRelu(toVariable("LeakyReLU.forward", "input", input), this.negativeSlope);
  }
}

export class GELU extends Module {
  constructor(readonly options: GeluOptions = {}) {
    super();
  }

  override forward(input: Variable | Tensor): Variable {
    return gelu(toVariable("GELU.forward", "input", input), this.options);
  }
}

export class Softplus extends Module {
  constructor(readonly options: SoftplusOptions = {}) {
    super();
  }

  override forward(input: Variable | Tensor): Variable {
    return softplus(toVariable("Softplus.forward", "input", input), this.options);
  }
}

/** Flattens dimensions startDim..endDim (default 1..−1: everything but the batch). */
export class Flatten extends Module {
  constructor(
    readonly startDim = 1,
    readonly endDim = -1,
  ) {
    super();
  }

  override forward(input: Variable | Tensor): Variable {
    return flatten(toVariable("Flatten.forward", "input", input), this.startDim, this.endDim);
  }
}
