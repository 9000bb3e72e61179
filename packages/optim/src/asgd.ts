import type { OptionCheck } from "./option-check";
import { fusedAsgdUpdate } from "./fused";
import { Optimizer } from "./optimizer";
import type { ParamGroup } from "./optimizer";
import type { FloatArray, ParamLike } from "./param";
import type { ParamsInput } from "./param-groups";
import type { StateFields } from "./state-fields";
import { zerosLike } from "./zeros-like";

export interface ASGDOptions {
  lr: number;
  /** Decay term λ. */
  lambd: number;
  /** Power α of the η schedule. */
  alpha: number;
  /** The step after which averaging starts. */
  t0: number;
  weightDecay: number;
  maximize: boolean;
}

export const asgdDefaults: Readonly<ASGDOptions> = Object.freeze({
  lr: 1e-2,
  lambd: 1e-4,
  alpha: 0.75,
  t0: 1e6,
  weightDecay: 0,
  maximize: false,
});

export interface ASGDState {
  step: number;
  /** The step size η for the next step (starts at lr). */
  eta: number;
  /** The averaging weight μ for the next step (starts at 1). */
  mu: number;
  /** The averaged iterate θ̄, PyTorch's `state['ax']`: use it as the final parameters. */
  ax: FloatArray;
}

/**
 * One ASGD step on one parameter, in place (PyTorch 1.13's `_single_tensor_asgd`; its docs give
 * no formula). `step` is t after incrementing; η and μ in `state` are those of step t − 1:
 * ```
 * g ← −∇ if maximize else ∇;   g ← g + λ_wd θ
 * θ ← θ (1 − λ η)
 * θ ← θ − η g
 * θ̄ ← θ if μ = 1 else θ̄ + μ (θ − θ̄)
 * η ← γ / (1 + λ γ t)^α;   μ ← 1 / max(1, t − t0)
 * ```
 * @see https://doi.org/10.1137/0330046 (Polyak & Juditsky, Acceleration of Stochastic Approximation by Averaging)
 */
export function asgdUpdate(param: FloatArray, grad: FloatArray, state: ASGDState, step: number, o: ASGDOptions): void {
  applyAsgd(param, grad, state, o);
  advanceAsgd(state, step, o);
}

/** The loop of asgdUpdate, with η and μ of the previous step (the fused update does the same). */
function applyAsgd(param: FloatArray, grad: FloatArray, state: ASGDState, o: ASGDOptions): void {
  const { lambd, weightDecay, maximize } = o;
  const { eta, mu, ax } = state;
  const sign = maximize ? -1 : 1;
  const decay = 1 - lambd * eta;
  // λθ is added even when λ = 0 (the same bits for finite θ) and maximize is a sign: no branch
  // in the loop, which V8 runs about 1.4× faster. Values are carried in locals, not re-read.
  for (let i = 0; i < param.length; i++) {
    const g = sign * grad[i] + weightDecay * param[i];
    // Two steps, as PyTorch's mul_ and add_ round in between.
    const decayed = param[i] * decay;
    const theta = decayed + -eta * g;
    param[i] = theta;
    ax[i] = mu === 1 ? theta : ax[i] + (theta - ax[i]) * mu;
  }
}

/** η and μ for the step after step t (the last line of asgdUpdate's box). */
function advanceAsgd(state: ASGDState, step: number, o: ASGDOptions): void {
  const { lr, lambd, alpha, t0 } = o;
  state.eta = lr / (1 + lambd * lr * step) ** alpha;
  state.mu = 1 / Math.max(1, step - t0);
}

/** Averaged SGD, PyTorch's `torch.optim.ASGD`; the average is `optimizer.state.get(param).ax`. */
export class ASGD extends Optimizer<ASGDOptions, ASGDState> {
  constructor(params: ParamsInput<ASGDOptions>, options: Partial<ASGDOptions> = {}) {
    super("ASGD", params, asgdDefaults, options);
  }

  protected validateOptions(o: ASGDOptions, check: OptionCheck): void {
    check.nonNegative("lr", o.lr);
    check.nonNegative("lambd", o.lambd);
    check.nonNegative("alpha", o.alpha);
    check.nonNegative("t0", o.t0);
    check.nonNegative("weightDecay", o.weightDecay);
    check.boolean("maximize", o.maximize);
  }

  protected initState(data: FloatArray, group: ParamGroup<ASGDOptions>): ASGDState {
    return { step: 0, eta: group.lr, mu: 1, ax: zerosLike(data) };
  }

  protected stateFields(): StateFields<ASGDState> {
    return { step: "scalar", eta: "scalar", mu: "scalar", ax: "buffer" };
  }

  protected update(data: FloatArray, grad: FloatArray, state: ASGDState, group: ParamGroup<ASGDOptions>): void {
    state.step += 1;
    if (!fusedAsgdUpdate(data, grad, state, group)) applyAsgd(data, grad, state, group);
    advanceAsgd(state, state.step, group);
  }

  /** The averaged iterate of `param` (PyTorch's `state['ax']`), or undefined before its first step. */
  averaged(param: ParamLike): FloatArray | undefined {
    return this.state.get(param)?.ax;
  }
}
