import { invalidArgument } from "@descent/tensor";
import type { OptionCheck } from "./option-check";
import { fusedRpropUpdate } from "./fused";
import { Optimizer } from "./optimizer";
import type { ParamGroup } from "./optimizer";
import type { FloatArray } from "./param";
import type { ParamsInput } from "./param-groups";
import type { StateFields } from "./state-fields";
import { fullLike, zerosLike } from "./zeros-like";

export interface RpropOptions {
  lr: number;
  /** [η₋, η₊]: how the step size shrinks when the gradient changes sign and grows when it keeps it. */
  etas: readonly [number, number];
  /** [minimum, maximum] step size. */
  stepSizes: readonly [number, number];
  maximize: boolean;
}

export const rpropDefaults: Readonly<RpropOptions> = Object.freeze({
  lr: 1e-2,
  etas: [0.5, 1.2] as const,
  stepSizes: [1e-6, 50] as const,
  maximize: false,
});

export interface RpropState {
  step: number;
  /** The gradient of the previous step (0 where it changed sign). */
  prev: FloatArray;
  /** Per-element step sizes, starting at lr. */
  stepSize: FloatArray;
}

/**
 * One Rprop step on one parameter, in place (PyTorch's `_single_tensor_rprop`, iRprop−):
 * ```
 * g ← −∇ if maximize else ∇
 * s ← s · η₊ where g · g_prev > 0,   s · η₋ where g · g_prev < 0
 * s ← clamp(s, stepSizes)
 * g ← 0 where g · g_prev < 0
 * θ ← θ − sign(g) · s;   g_prev ← g
 * ```
 * @see https://doi.org/10.1109/ICNN.1993.298623 (Riedmiller & Braun) and Igel & Hüsken 2000 (iRprop−)
 */
export function rpropUpdate(param: FloatArray, grad: FloatArray, state: RpropState, o: RpropOptions): void {
  const [etaMinus, etaPlus] = o.etas;
  const [stepMin, stepMax] = o.stepSizes;
  const { prev, stepSize: s } = state;
  const sign = o.maximize ? -1 : 1;
  for (let i = 0; i < param.length; i++) {
    let g = sign * grad[i];
    const product = g * prev[i];
    const factor = product > 0 ? etaPlus : product < 0 ? etaMinus : 1;
    s[i] = Math.min(Math.max(s[i] * factor, stepMin), stepMax);
    if (factor === etaMinus) g = 0;
    param[i] = param[i] + -1 * Math.sign(g) * s[i];
    prev[i] = g;
  }
}

/** Resilient backpropagation, PyTorch's `torch.optim.Rprop`. */
export class Rprop extends Optimizer<RpropOptions, RpropState> {
  constructor(params: ParamsInput<RpropOptions>, options: Partial<RpropOptions> = {}) {
    super("Rprop", params, rpropDefaults, options);
  }

  protected validateOptions(o: RpropOptions, check: OptionCheck): void {
    check.nonNegative("lr", o.lr);
    check.pair("etas", o.etas, (name, value) => {
      check.finite(name, value);
    });
    check.openInterval("etas[0]", o.etas[0], 0, 1);
    check.openInterval("etas[1]", o.etas[1], 1, Infinity);
    check.pair("stepSizes", o.stepSizes, (name, value) => {
      check.nonNegative(name, value);
    });
    if (o.stepSizes[0] > o.stepSizes[1]) throw invalidArgument(check.fn, `${check.prefix}stepSizes`, o.stepSizes, "[minimum, maximum] with minimum <= maximum");
    check.boolean("maximize", o.maximize);
  }

  protected initState(data: FloatArray, group: ParamGroup<RpropOptions>): RpropState {
    return { step: 0, prev: zerosLike(data), stepSize: fullLike(data, group.lr) };
  }

  protected stateFields(): StateFields<RpropState> {
    return { step: "scalar", prev: "buffer", stepSize: "buffer" };
  }

  protected update(data: FloatArray, grad: FloatArray, state: RpropState, group: ParamGroup<RpropOptions>): void {
    state.step += 1;
    if (!fusedRpropUpdate(data, grad, state, group)) rpropUpdate(data, grad, state, group);
  }
}
