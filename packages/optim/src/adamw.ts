import { invalidArgument } from "@descent/tensor";
import { AdamStateful } from "./adam";
import type { AdamOptions, AdamState } from "./adam";
import { fusedAdamUpdate } from "./fused";
import type { ParamGroup } from "./optimizer";
import type { FloatArray } from "./param";
import type { ParamsInput } from "./param-groups";

/** Adam's options; only the default of `weightDecay` differs (1e-2). */
export type AdamWOptions = AdamOptions;

export const adamWDefaults: Readonly<AdamWOptions> = Object.freeze({
  lr: 1e-3,
  betas: [0.9, 0.999] as const,
  eps: 1e-8,
  weightDecay: 1e-2,
  amsgrad: false,
  maximize: false,
});

export type AdamWState = AdamState;

/**
 * One AdamW step on one parameter, in place (PyTorch's `_single_tensor_adamw`). Weight decay
 * shrinks θ directly instead of entering the moments, the only difference from Adam:
 * ```
 * g ← −∇ if maximize else ∇
 * θ ← θ (1 − γ λ)
 * m ← β₁ m + (1 − β₁) g
 * v ← β₂ v + (1 − β₂) g²
 * v̂ ← max(v̂, v) if amsgrad else v
 * θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * ```
 * @see https://arxiv.org/abs/1711.05101 (Loshchilov & Hutter, Decoupled Weight Decay Regularization)
 */
export function adamWUpdate(param: FloatArray, grad: FloatArray, state: AdamWState, step: number, o: AdamWOptions): void {
  const { lr, eps, weightDecay, amsgrad, maximize } = o;
  const [beta1, beta2] = o.betas;
  const { expAvg: m, expAvgSq: v } = state;
  const vMax = amsgrad ? state.maxExpAvgSq : null;
  if (amsgrad && vMax === null) throw invalidArgument("adamWUpdate", "state.maxExpAvgSq", null, "an array when amsgrad is true");
  const sign = maximize ? -1 : 1;
  const decay = 1 - lr * weightDecay;
  const stepSize = lr / (1 - beta1 ** step);
  const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** step);
  for (let i = 0; i < param.length; i++) {
    const g = sign * grad[i];
    const theta = param[i] * decay;
    const mi = m[i] * beta1 + (1 - beta1) * g;
    const vi = v[i] * beta2 + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    let vHat = vi;
    if (vMax !== null) vMax[i] = vHat = Math.max(vMax[i], vi);
    param[i] = theta + (-stepSize * mi) / (Math.sqrt(vHat) / biasCorrection2Sqrt + eps);
  }
}

/** AdamW, PyTorch's `torch.optim.AdamW`: Adam with decoupled weight decay. */
export class AdamW extends AdamStateful {
  constructor(params: ParamsInput<AdamWOptions>, options: Partial<AdamWOptions> = {}) {
    super("AdamW", params, adamWDefaults, options);
  }

  protected rule(data: FloatArray, grad: FloatArray, state: AdamWState, group: ParamGroup<AdamWOptions>): void {
    if (!fusedAdamUpdate(data, grad, state, group, true)) adamWUpdate(data, grad, state, state.step, group);
  }
}
