import { validateAdamFamily } from "./adam";
import { fusedNadamUpdate } from "./fused";
import type { OptionCheck } from "./option-check";
import { Optimizer } from "./optimizer";
import type { ParamGroup } from "./optimizer";
import type { FloatArray } from "./param";
import type { ParamsInput } from "./param-groups";
import type { StateFields } from "./state-fields";
import { zerosLike } from "./zeros-like";

/** NAdam's options (torch 1.13 has no `maximize` for NAdam). */
export interface NAdamOptions {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weightDecay: number;
  momentumDecay: number;
}

export const nadamDefaults: Readonly<NAdamOptions> = Object.freeze({
  lr: 2e-3,
  betas: [0.9, 0.999] as const,
  eps: 1e-8,
  weightDecay: 0,
  momentumDecay: 4e-3,
});

export interface NAdamState {
  step: number;
  /** Π_{i≤t} μᵢ, a running product as PyTorch keeps it. */
  muProduct: number;
  expAvg: FloatArray;
  expAvgSq: FloatArray;
}

/** What step t applies besides the options: the bias correction and the two step sizes, from the μ schedule. */
export interface NAdamCoefficients {
  /** 1 − β₂ᵗ. */
  biasCorrection2: number;
  /** −γ(1 − μₜ) / (1 − Πμ), the coefficient of g / d. */
  gradStep: number;
  /** −γμₜ₊₁ / (1 − Πμ·μₜ₊₁), the coefficient of m / d. */
  momentumStep: number;
}

/** μₜ = β₁ (1 − ½ · 0.96^(t ψ)), the momentum schedule of Dozat's NAdam (ψ = momentumDecay). */
function nadamMomentum(beta1: number, step: number, momentumDecay: number): number {
  return beta1 * (1 - 0.5 * 0.96 ** (step * momentumDecay));
}

/**
 * One NAdam step on one parameter, in place (PyTorch's `_single_tensor_nadam` as fixed in 2.0):
 * ```
 * g ← g + λ θ
 * Πμ ← Πμ · μₜ                                   (state.muProduct)
 * m ← β₁ m + (1 − β₁) g
 * v ← β₂ v + (1 − β₂) g²
 * d ← √(v / (1 − β₂ᵗ)) + ε
 * θ ← θ − γ (1 − μₜ) / (1 − Πμ) · g / d
 * θ ← θ − γ μₜ₊₁ / (1 − Πμ · μₜ₊₁) · m / d
 * ```
 * torch 1.13 multiplied μₜ into the last product twice; the 2.0 fix (Dozat's algorithm) is implemented.
 * @see https://openreview.net/forum?id=OM0jvwB8jIp57ZJjtNEZ (Dozat, Incorporating Nesterov Momentum into Adam)
 */
export function nadamUpdate(param: FloatArray, grad: FloatArray, state: NAdamState, step: number, o: NAdamOptions): void {
  applyNadam(param, grad, state, o, nadamCoefficients(state, step, o));
}

/**
 * Step t's coefficients, in float64 (the fused update takes them as they are). Multiplies μₜ into
 * state.muProduct, so it is called exactly once per step.
 */
function nadamCoefficients(state: NAdamState, step: number, o: NAdamOptions): NAdamCoefficients {
  const { lr, momentumDecay } = o;
  const [beta1, beta2] = o.betas;
  const mu = nadamMomentum(beta1, step, momentumDecay);
  const muNext = nadamMomentum(beta1, step + 1, momentumDecay);
  const muProduct = (state.muProduct *= mu);
  return {
    biasCorrection2: 1 - beta2 ** step,
    gradStep: (-lr * (1 - mu)) / (1 - muProduct),
    momentumStep: (-lr * muNext) / (1 - muProduct * muNext),
  };
}

/** The loop of nadamUpdate, with the step's coefficients already computed. */
function applyNadam(param: FloatArray, grad: FloatArray, state: NAdamState, o: NAdamOptions, c: NAdamCoefficients): void {
  const { eps, weightDecay } = o;
  const [beta1, beta2] = o.betas;
  const { expAvg: m, expAvgSq: v } = state;
  const { biasCorrection2, gradStep, momentumStep } = c;
  // λθ is added even when λ = 0 (the same bits for finite θ): no branch in the loop.
  for (let i = 0; i < param.length; i++) {
    const theta = param[i];
    const g = grad[i] + weightDecay * theta;
    const mi = m[i] * beta1 + (1 - beta1) * g;
    const vi = v[i] * beta2 + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    const denom = Math.sqrt(vi / biasCorrection2) + eps;
    // Two additions, as PyTorch's two addcdiv_ calls round in between.
    const half = theta + (gradStep * g) / denom;
    param[i] = half + (momentumStep * mi) / denom;
  }
}

/** NAdam (Adam with Nesterov momentum), PyTorch's `torch.optim.NAdam`. */
export class NAdam extends Optimizer<NAdamOptions, NAdamState> {
  constructor(params: ParamsInput<NAdamOptions>, options: Partial<NAdamOptions> = {}) {
    super("NAdam", params, nadamDefaults, options);
  }

  protected validateOptions(o: NAdamOptions, check: OptionCheck): void {
    validateAdamFamily(o, check);
    check.nonNegative("momentumDecay", o.momentumDecay);
  }

  protected initState(data: FloatArray): NAdamState {
    return { step: 0, muProduct: 1, expAvg: zerosLike(data), expAvgSq: zerosLike(data) };
  }

  protected stateFields(): StateFields<NAdamState> {
    return { step: "scalar", muProduct: "scalar", expAvg: "buffer", expAvgSq: "buffer" };
  }

  protected update(data: FloatArray, grad: FloatArray, state: NAdamState, group: ParamGroup<NAdamOptions>): void {
    state.step += 1;
    const coefficients = nadamCoefficients(state, state.step, group);
    if (!fusedNadamUpdate(data, grad, state, group, coefficients)) applyNadam(data, grad, state, group, coefficients);
  }
}
