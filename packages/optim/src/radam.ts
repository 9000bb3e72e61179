import { validateAdamFamily } from "./adam";
import { fusedRadamUpdate } from "./fused";
import type { OptionCheck } from "./option-check";
import { Optimizer } from "./optimizer";
import type { ParamGroup } from "./optimizer";
import type { FloatArray } from "./param";
import type { ParamsInput } from "./param-groups";
import type { StateFields } from "./state-fields";
import { zerosLike } from "./zeros-like";

/** RAdam's options (torch 1.13 has no `maximize` for RAdam). */
export interface RAdamOptions {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weightDecay: number;
}

export const radamDefaults: Readonly<RAdamOptions> = Object.freeze({
  lr: 1e-3,
  betas: [0.9, 0.999] as const,
  eps: 1e-8,
  weightDecay: 0,
});

export interface RAdamState {
  step: number;
  expAvg: FloatArray;
  expAvgSq: FloatArray;
}

/** What step t applies besides the options: the bias corrections and, when ρₜ > 5, the rectification rₜ. */
export interface RAdamCoefficients {
  /** 1 − β₁ᵗ. */
  biasCorrection1: number;
  /** √(1 − β₂ᵗ). */
  biasCorrection2Sqrt: number;
  /** rₜ when ρₜ > 5 (an adaptive step); null for the plain momentum step. */
  rectification: number | null;
}

/**
 * One RAdam step on one parameter, in place (PyTorch's `_single_tensor_radam`):
 * ```
 * g ← g + λ θ
 * m ← β₁ m + (1 − β₁) g;   v ← β₂ v + (1 − β₂) g²
 * ρ∞ ← 2 / (1 − β₂) − 1;   ρₜ ← ρ∞ − 2 t β₂ᵗ / (1 − β₂ᵗ)
 * if ρₜ > 5:  rₜ ← √((ρₜ − 4)(ρₜ − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρₜ))
 *             θ ← θ − γ · m / (1 − β₁ᵗ) · √(1 − β₂ᵗ) / (√v + ε) · rₜ
 * else:       θ ← θ − γ · m / (1 − β₁ᵗ)
 * ```
 * @see https://arxiv.org/abs/1908.03265 (Liu et al., On the Variance of the Adaptive Learning Rate and Beyond)
 */
export function radamUpdate(param: FloatArray, grad: FloatArray, state: RAdamState, step: number, o: RAdamOptions): void {
  applyRadam(param, grad, state, o, radamCoefficients(step, o));
}

/** Step t's bias corrections and rectification, in float64 (the fused update takes them as they are). */
function radamCoefficients(step: number, o: RAdamOptions): RAdamCoefficients {
  const [beta1, beta2] = o.betas;
  const biasCorrection2 = 1 - beta2 ** step;
  const rhoInf = 2 / (1 - beta2) - 1;
  const rhoT = rhoInf - (2 * step * beta2 ** step) / biasCorrection2;
  return {
    biasCorrection1: 1 - beta1 ** step,
    biasCorrection2Sqrt: Math.sqrt(biasCorrection2),
    rectification: rhoT > 5 ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : null,
  };
}

/** The loop of radamUpdate, with the step's coefficients already computed. */
function applyRadam(param: FloatArray, grad: FloatArray, state: RAdamState, o: RAdamOptions, c: RAdamCoefficients): void {
  const { lr, eps, weightDecay } = o;
  const [beta1, beta2] = o.betas;
  const { expAvg: m, expAvgSq: v } = state;
  const { biasCorrection1, biasCorrection2Sqrt, rectification } = c;
  const rectified = rectification !== null;
  const rect = rectification ?? 1;
  // λθ is added even when λ = 0 (the same bits for finite θ): no branch in the loop.
  for (let i = 0; i < param.length; i++) {
    const theta = param[i];
    const g = grad[i] + weightDecay * theta;
    const mi = m[i] * beta1 + (1 - beta1) * g;
    const vi = v[i] * beta2 + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    const correctedAvg = mi / biasCorrection1;
    const delta = rectified ? correctedAvg * lr * (biasCorrection2Sqrt / (Math.sqrt(vi) + eps)) * rect : correctedAvg * lr;
    param[i] = theta + -1 * delta;
  }
}

/** RAdam (rectified Adam), PyTorch's `torch.optim.RAdam`. */
export class RAdam extends Optimizer<RAdamOptions, RAdamState> {
  constructor(params: ParamsInput<RAdamOptions>, options: Partial<RAdamOptions> = {}) {
    super("RAdam", params, radamDefaults, options);
  }

  protected validateOptions(o: RAdamOptions, check: OptionCheck): void {
    validateAdamFamily(o, check);
  }

  protected initState(data: FloatArray): RAdamState {
    return { step: 0, expAvg: zerosLike(data), expAvgSq: zerosLike(data) };
  }

  protected stateFields(): StateFields<RAdamState> {
    return { step: "scalar", expAvg: "buffer", expAvgSq: "buffer" };
  }

  protected update(data: FloatArray, grad: FloatArray, state: RAdamState, group: ParamGroup<RAdamOptions>): void {
    state.step += 1;
    const coefficients = radamCoefficients(state.step, group);
    if (!fusedRadamUpdate(data, grad, state, group, coefficients)) applyRadam(data, grad, state, group, coefficients);
  }
}
