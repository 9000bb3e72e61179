/**
 * The fused WebAssembly updates of @descent/tensor (SGD, Adam, AdamW, Adamax, NAdam, RAdam, RMSprop, Adagrad, Adadelta,
 * ASGD, Rprop), taken in place of the JavaScript rules
 * wherever they run (`getBackend().optimizer` is "wasm"; `setBackend("js")` turns them off).
 * The rules stay the reference: with float64 parameters the fused updates give their exact
 * bits; with float32 parameters they compute in float32 as PyTorch does, where the JavaScript
 * rules compute in float64 and round on store (the last bits differ). Arrays placed in the
 * kernel memory (`kernelMemoryArray`) are updated in place, others streamed through it.
 * Per-step scalars (NAdam's μ schedule, RAdam's rectification, ASGD's η and μ) are computed by
 * the rule's own file, once, and passed in here, so both paths take the same float64 values.
 */
import {
  adadeltaUpdateWasm, adagradUpdateWasm, adamaxUpdateWasm, adamUpdateWasm, asgdUpdateWasm, fusedUpdatesActive, nadamUpdateWasm, radamUpdateWasm,
  rmspropUpdateWasm, rpropUpdateWasm, sgdUpdateWasm,
} from "@descent/tensor";
import type { AdadeltaOptions, AdadeltaState } from "./adadelta";
import type { AdagradOptions, AdagradState } from "./adagrad";
import type { AdamOptions, AdamState } from "./adam";
import type { AdamaxOptions, AdamaxState } from "./adamax";
import type { ASGDOptions, ASGDState } from "./asgd";
import type { NAdamCoefficients, NAdamOptions, NAdamState } from "./nadam";
import type { FloatArray } from "./param";
import type { RAdamCoefficients, RAdamOptions, RAdamState } from "./radam";
import type { RMSpropOptions, RMSpropState } from "./rmsprop";
import type { RpropOptions, RpropState } from "./rprop";
import type { SGDOptions, SGDState } from "./sgd";
import { zerosLike } from "./zeros-like";

/** True when the fused kernels run here and every array has the parameter's type (a loaded state dict may mix). */
function fusable(data: FloatArray, arrays: (FloatArray | null)[]): boolean {
  return fusedUpdatesActive() && arrays.every((array) => array === null || array.constructor === data.constructor);
}

/** One Adam (decoupled: AdamW) step by the fused kernel; false (nothing done) where it does not apply. */
export function fusedAdamUpdate(data: FloatArray, grad: FloatArray, state: AdamState, o: AdamOptions, decoupled: boolean): boolean {
  const maxExpAvgSq = o.amsgrad ? state.maxExpAvgSq : null;
  if (!fusable(data, [grad, state.expAvg, state.expAvgSq, maxExpAvgSq])) return false;
  adamUpdateWasm(data, grad, state.expAvg, state.expAvgSq, {
    lr: o.lr, beta1: o.betas[0], beta2: o.betas[1], eps: o.eps, weightDecay: o.weightDecay, step: state.step,
    decoupled, maximize: o.maximize, maxExpAvgSq,
  });
  return true;
}

/** One SGD step by the fused kernel (creating the momentum buffer at the first step); false where it does not apply. */
export function fusedSgdUpdate(data: FloatArray, grad: FloatArray, state: SGDState, o: SGDOptions): boolean {
  if (!fusable(data, [grad, state.momentumBuffer])) return false;
  const firstStep = o.momentum !== 0 && state.momentumBuffer === null;
  if (firstStep) state.momentumBuffer = zerosLike(data);
  sgdUpdateWasm(data, grad, o.momentum !== 0 ? state.momentumBuffer : null, {
    lr: o.lr, momentum: o.momentum, dampening: o.dampening, weightDecay: o.weightDecay, nesterov: o.nesterov, maximize: o.maximize, firstStep,
  });
  return true;
}

/** One RMSprop step by the fused kernel (the buffers its options need already made); false where it does not apply. */
export function fusedRmspropUpdate(data: FloatArray, grad: FloatArray, state: RMSpropState, o: RMSpropOptions): boolean {
  const gradAvg = o.centered ? state.gradAvg : null;
  const momentumBuffer = o.momentum > 0 ? state.momentumBuffer : null;
  if (!fusable(data, [grad, state.squareAvg, gradAvg, momentumBuffer])) return false;
  rmspropUpdateWasm(data, grad, state.squareAvg, {
    lr: o.lr, alpha: o.alpha, eps: o.eps, weightDecay: o.weightDecay, momentum: o.momentum, maximize: o.maximize, gradAvg, momentumBuffer,
  });
  return true;
}

/** One Adagrad step by the fused kernel; false where it does not apply. */
export function fusedAdagradUpdate(data: FloatArray, grad: FloatArray, state: AdagradState, o: AdagradOptions): boolean {
  if (!fusable(data, [grad, state.sum])) return false;
  adagradUpdateWasm(data, grad, state.sum, { lr: o.lr, lrDecay: o.lrDecay, weightDecay: o.weightDecay, eps: o.eps, maximize: o.maximize, step: state.step });
  return true;
}

/** One Adamax step by the fused kernel; false where it does not apply. */
export function fusedAdamaxUpdate(data: FloatArray, grad: FloatArray, state: AdamaxState, o: AdamaxOptions): boolean {
  if (!fusable(data, [grad, state.expAvg, state.expInf])) return false;
  adamaxUpdateWasm(data, grad, state.expAvg, state.expInf, {
    lr: o.lr, beta1: o.betas[0], beta2: o.betas[1], eps: o.eps, weightDecay: o.weightDecay, step: state.step, maximize: o.maximize,
  });
  return true;
}

/** One NAdam step by the fused kernel, with the step's coefficients (state.muProduct already advanced); false where it does not apply. */
export function fusedNadamUpdate(data: FloatArray, grad: FloatArray, state: NAdamState, o: NAdamOptions, c: NAdamCoefficients): boolean {
  if (!fusable(data, [grad, state.expAvg, state.expAvgSq])) return false;
  nadamUpdateWasm(data, grad, state.expAvg, state.expAvgSq, { beta1: o.betas[0], beta2: o.betas[1], eps: o.eps, weightDecay: o.weightDecay, ...c });
  return true;
}

/** One RAdam step by the fused kernel, with the step's coefficients; false where it does not apply. */
export function fusedRadamUpdate(data: FloatArray, grad: FloatArray, state: RAdamState, o: RAdamOptions, c: RAdamCoefficients): boolean {
  if (!fusable(data, [grad, state.expAvg, state.expAvgSq])) return false;
  radamUpdateWasm(data, grad, state.expAvg, state.expAvgSq, { lr: o.lr, beta1: o.betas[0], beta2: o.betas[1], eps: o.eps, weightDecay: o.weightDecay, ...c });
  return true;
}

/** One Adadelta step by the fused kernel; false where it does not apply. */
export function fusedAdadeltaUpdate(data: FloatArray, grad: FloatArray, state: AdadeltaState, o: AdadeltaOptions): boolean {
  if (!fusable(data, [grad, state.squareAvg, state.accDelta])) return false;
  adadeltaUpdateWasm(data, grad, state.squareAvg, state.accDelta, { lr: o.lr, rho: o.rho, eps: o.eps, weightDecay: o.weightDecay, maximize: o.maximize });
  return true;
}

/** One ASGD step by the fused kernel with state.eta and state.mu (the caller advances them after); false where it does not apply. */
export function fusedAsgdUpdate(data: FloatArray, grad: FloatArray, state: ASGDState, o: ASGDOptions): boolean {
  if (!fusable(data, [grad, state.ax])) return false;
  asgdUpdateWasm(data, grad, state.ax, { eta: state.eta, mu: state.mu, lambd: o.lambd, weightDecay: o.weightDecay, maximize: o.maximize });
  return true;
}

/** One Rprop step by the fused kernel; false where it does not apply. */
export function fusedRpropUpdate(data: FloatArray, grad: FloatArray, state: RpropState, o: RpropOptions): boolean {
  if (!fusable(data, [grad, state.prev, state.stepSize])) return false;
  rpropUpdateWasm(data, grad, state.prev, state.stepSize, {
    etaMinus: o.etas[0], etaPlus: o.etas[1], stepMin: o.stepSizes[0], stepMax: o.stepSizes[1], maximize: o.maximize,
  });
  return true;
}
