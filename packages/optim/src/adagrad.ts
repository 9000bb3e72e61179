import type { OptionCheck } from "./option-check";
import { fusedAdagradUpdate } from "./fused";
import { Optimizer } from "./optimizer";
import type { ParamGroup } from "./optimizer";
import type { FloatArray } from "./param";
import type { ParamsInput } from "./param-groups";
import type { StateFields } from "./state-fields";
import { fullLike } from "./zeros-like";

export interface AdagradOptions {
  lr: number;
  lrDecay: number;
  weightDecay: number;
  initialAccumulatorValue: number;
  eps: number;
  maximize: boolean;
}

export const adagradDefaults: Readonly<AdagradOptions> = Object.freeze({
  lr: 1e-2,
  lrDecay: 0,
  weightDecay: 0,
  initialAccumulatorValue: 0,
  eps: 1e-10,
  maximize: false,
});

export interface AdagradState {
  step: number;
  /** The accumulated squared gradients r, starting at `initialAccumulatorValue`. */
  sum: FloatArray;
}

/**
 * One Adagrad step on one parameter, in place (PyTorch's `_single_tensor_adagrad`; the
 * lecture's Algorithm 8.4 with δ = ε and a decaying rate):
 * ```
 * g ← −∇ if maximize else ∇;   g ← g + λ θ
 * γ̃ ← γ / (1 + (t − 1) η)                (lrDecay η)
 * r ← r + g²
 * θ ← θ − γ̃ g / (√r + ε)
 * ```
 * @see https://jmlr.org/papers/v12/duchi11a.html (Duchi, Hazan & Singer)
 */
export function adagradUpdate(param: FloatArray, grad: FloatArray, state: AdagradState, step: number, o: AdagradOptions): void {
  const { lr, lrDecay, weightDecay, eps, maximize } = o;
  const r = state.sum;
  const sign = maximize ? -1 : 1;
  const clr = lr / (1 + (step - 1) * lrDecay);
  // λθ is added even when λ = 0 (the same bits for finite θ) and maximize is a sign: no branch
  // in the loop, which V8 runs about 1.4× faster. Values are carried in locals, not re-read.
  for (let i = 0; i < param.length; i++) {
    const theta = param[i];
    const g = sign * grad[i] + weightDecay * theta;
    const ri = r[i] + g * g;
    r[i] = ri;
    param[i] = theta + (-clr * g) / (Math.sqrt(ri) + eps);
  }
}

/** Adagrad, PyTorch's `torch.optim.Adagrad`. */
export class Adagrad extends Optimizer<AdagradOptions, AdagradState> {
  constructor(params: ParamsInput<AdagradOptions>, options: Partial<AdagradOptions> = {}) {
    super("Adagrad", params, adagradDefaults, options);
  }

  protected validateOptions(o: AdagradOptions, check: OptionCheck): void {
    check.nonNegative("lr", o.lr);
    check.nonNegative("lrDecay", o.lrDecay);
    check.nonNegative("weightDecay", o.weightDecay);
    check.nonNegative("initialAccumulatorValue", o.initialAccumulatorValue);
    check.nonNegative("eps", o.eps);
    check.boolean("maximize", o.maximize);
  }

  protected initState(data: FloatArray): AdagradState {
    // torch 1.13 fills every accumulator at construction from the constructor's value;
    // a group's own initialAccumulatorValue is kept in the group but never read.
    return { step: 0, sum: fullLike(data, this.defaults.initialAccumulatorValue) };
  }

  protected stateFields(): StateFields<AdagradState> {
    return { step: "scalar", sum: "buffer" };
  }

  protected update(data: FloatArray, grad: FloatArray, state: AdagradState, group: ParamGroup<AdagradOptions>): void {
    state.step += 1;
    if (!fusedAdagradUpdate(data, grad, state, group)) adagradUpdate(data, grad, state, state.step, group);
  }
}
