import { invalidArgument } from "@descent/tensor";
import type { OptionCheck } from "./option-check";
import { fusedAdamUpdate } from "./fused";
import { Optimizer } from "./optimizer";
import type { ParamGroup } from "./optimizer";
import type { FloatArray } from "./param";
import type { ParamsInput } from "./param-groups";
import type { StateFields } from "./state-fields";
import { zerosLike } from "./zeros-like";

export interface AdamOptions {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
  maximize: boolean;
}

export const adamDefaults: Readonly<AdamOptions> = Object.freeze({
  lr: 1e-3,
  betas: [0.9, 0.999] as const,
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
  maximize: false,
});

export interface AdamState {
  step: number;
  expAvg: FloatArray;
  expAvgSq: FloatArray;
  /** The running maximum of `expAvgSq` (AMSGrad); null without amsgrad. */
  maxExpAvgSq: FloatArray | null;
}

/**
 * One Adam step on one parameter, in place (PyTorch's `_single_tensor_adam`; the
 * lecture's Algorithm 8.7 with s = m, r = v, δ = ε):
 * ```
 * g ← −∇ if maximize else ∇;   g ← g + λ θ
 * m ← β₁ m + (1 − β₁) g
 * v ← β₂ v + (1 − β₂) g²
 * v̂ ← max(v̂, v) if amsgrad else v
 * θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * ```
 * `step` is t after incrementing. Bias corrections are `1 − β ** t`, as PyTorch computes them.
 * @see https://arxiv.org/abs/1412.6980 (Kingma & Ba) and https://openreview.net/forum?id=ryQu7f-RZ (AMSGrad)
 */
export function adamUpdate(param: FloatArray, grad: FloatArray, state: AdamState, step: number, o: AdamOptions): void {
  const { lr, eps, weightDecay, amsgrad, maximize } = o;
  const [beta1, beta2] = o.betas;
  const { expAvg: m, expAvgSq: v } = state;
  const vMax = amsgrad ? state.maxExpAvgSq : null;
  if (amsgrad && vMax === null) throw invalidArgument("adamUpdate", "state.maxExpAvgSq", null, "an array when amsgrad is true");
  const sign = maximize ? -1 : 1;
  const stepSize = lr / (1 - beta1 ** step);
  const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** step);
  // λθ is added even when λ = 0 (the same bits for finite θ) and maximize is a sign: no branch
  // in the loop, which V8 runs about 1.4× faster. Values are carried in locals, not re-read.
  for (let i = 0; i < param.length; i++) {
    const theta = param[i];
    const g = sign * grad[i] + weightDecay * theta;
    const mi = m[i] * beta1 + (1 - beta1) * g;
    const vi = v[i] * beta2 + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    let vHat = vi;
    if (vMax !== null) vMax[i] = vHat = Math.max(vMax[i], vi);
    param[i] = theta + (-stepSize * mi) / (Math.sqrt(vHat) / biasCorrection2Sqrt + eps);
  }
}

/**
 * What Adam and AdamW share besides their options: validation, the moment buffers (plus the
 * AMSGrad maximum) and the step counter. Only the update rule differs, so each class names its own.
 */
export abstract class AdamStateful extends Optimizer<AdamOptions, AdamState> {
  protected abstract rule(data: FloatArray, grad: FloatArray, state: AdamState, group: ParamGroup<AdamOptions>): void;

  protected validateOptions(o: AdamOptions, check: OptionCheck): void {
    validateAdamFamily(o, check);
    check.boolean("amsgrad", o.amsgrad);
    check.boolean("maximize", o.maximize);
  }

  protected initState(data: FloatArray, group: ParamGroup<AdamOptions>): AdamState {
    return { step: 0, expAvg: zerosLike(data), expAvgSq: zerosLike(data), maxExpAvgSq: group.amsgrad ? zerosLike(data) : null };
  }

  protected stateFields(group: ParamGroup<AdamOptions>): StateFields<AdamState> {
    return { step: "scalar", expAvg: "buffer", expAvgSq: "buffer", maxExpAvgSq: group.amsgrad ? "buffer" : "buffer?" };
  }

  protected update(data: FloatArray, grad: FloatArray, state: AdamState, group: ParamGroup<AdamOptions>): void {
    // amsgrad may be switched on after the state was made; start its maximum at zero then.
    if (group.amsgrad && state.maxExpAvgSq === null) state.maxExpAvgSq = zerosLike(data);
    state.step += 1;
    this.rule(data, grad, state, group);
  }
}

/** Adam, PyTorch's `torch.optim.Adam` (L2 weight decay added to the gradient; see AdamW for decoupled decay). */
export class Adam extends AdamStateful {
  constructor(params: ParamsInput<AdamOptions>, options: Partial<AdamOptions> = {}) {
    super("Adam", params, adamDefaults, options);
  }

  protected rule(data: FloatArray, grad: FloatArray, state: AdamState, group: ParamGroup<AdamOptions>): void {
    if (!fusedAdamUpdate(data, grad, state, group, false)) adamUpdate(data, grad, state, state.step, group);
  }
}

/** The checks every Adam-like optimizer shares: lr, betas, eps, weightDecay (PyTorch's, plus finiteness). */
export function validateAdamFamily(o: { lr: number; betas: readonly [number, number]; eps: number; weightDecay: number }, check: OptionCheck): void {
  check.nonNegative("lr", o.lr);
  check.pair("betas", o.betas, (name, value) => {
    check.unitInterval(name, value);
  });
  check.nonNegative("eps", o.eps);
  check.nonNegative("weightDecay", o.weightDecay);
}
