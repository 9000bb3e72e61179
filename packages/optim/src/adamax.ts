import { validateAdamFamily } from "./adam";
import { fusedAdamaxUpdate } from "./fused";
import type { OptionCheck } from "./option-check";
import { Optimizer } from "./optimizer";
import type { ParamGroup } from "./optimizer";
import type { FloatArray } from "./param";
import type { ParamsInput } from "./param-groups";
import type { StateFields } from "./state-fields";
import { zerosLike } from "./zeros-like";

export interface AdamaxOptions {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weightDecay: number;
  maximize: boolean;
}

export const adamaxDefaults: Readonly<AdamaxOptions> = Object.freeze({
  lr: 2e-3,
  betas: [0.9, 0.999] as const,
  eps: 1e-8,
  weightDecay: 0,
  maximize: false,
});

export interface AdamaxState {
  step: number;
  expAvg: FloatArray;
  /** The exponentially weighted infinity norm u. */
  expInf: FloatArray;
}

/**
 * One Adamax step on one parameter, in place (PyTorch's `_single_tensor_adamax`):
 * ```
 * g ← −∇ if maximize else ∇;   g ← g + λ θ
 * m ← β₁ m + (1 − β₁) g
 * u ← max(β₂ u, |g| + ε)
 * θ ← θ − (γ / (1 − β₁ᵗ)) · m / u
 * ```
 * PyTorch adds ε inside the max rather than to the denominator as the lecture writes
 * (`θ − γ/(δ + u) ŝ`); PyTorch's form is implemented.
 * @see https://arxiv.org/abs/1412.6980 (Kingma & Ba, section 7.1)
 */
export function adamaxUpdate(param: FloatArray, grad: FloatArray, state: AdamaxState, step: number, o: AdamaxOptions): void {
  const { lr, eps, weightDecay, maximize } = o;
  const [beta1, beta2] = o.betas;
  const { expAvg: m, expInf: u } = state;
  const sign = maximize ? -1 : 1;
  const clr = lr / (1 - beta1 ** step);
  // λθ is added even when λ = 0 (the same bits for finite θ) and maximize is a sign: no branch
  // in the loop, which V8 runs about 1.4× faster. Values are carried in locals, not re-read.
  for (let i = 0; i < param.length; i++) {
    const theta = param[i];
    const g = sign * grad[i] + weightDecay * theta;
    const mi = m[i] * beta1 + (1 - beta1) * g;
    const ui = Math.max(u[i] * beta2, Math.abs(g) + eps);
    m[i] = mi;
    u[i] = ui;
    param[i] = theta + (-clr * mi) / ui;
  }
}

/** Adamax (Adam with an infinity norm), PyTorch's `torch.optim.Adamax`. */
export class Adamax extends Optimizer<AdamaxOptions, AdamaxState> {
  constructor(params: ParamsInput<AdamaxOptions>, options: Partial<AdamaxOptions> = {}) {
    super("Adamax", params, adamaxDefaults, options);
  }

  protected validateOptions(o: AdamaxOptions, check: OptionCheck): void {
    validateAdamFamily(o, check);
    check.boolean("maximize", o.maximize);
  }

  protected initState(data: FloatArray): AdamaxState {
    return { step: 0, expAvg: zerosLike(data), expInf: zerosLike(data) };
  }

  protected stateFields(): StateFields<AdamaxState> {
    return { step: "scalar", expAvg: "buffer", expInf: "buffer" };
  }

  protected update(data: FloatArray, grad: FloatArray, state: AdamaxState, group: ParamGroup<AdamaxOptions>): void {
    state.step += 1;
    if (!fusedAdamaxUpdate(data, grad, state, group)) adamaxUpdate(data, grad, state, state.step, group);
  }
}
