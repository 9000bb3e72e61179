/**
 * The fused WebAssembly updates of @descent/tensor (SGD, Adam, AdamW, RMSprop, Adagrad), taken in place of the JavaScript rules
 * wherever they run (`getBackend().optimizer` is "wasm"; `setBackend("js")` turns them off).
 * The rules stay the reference: with float64 parameters the fused updates give their exact
 * bits; with float32 parameters they compute in float32 as PyTorch does, where the JavaScript
 * rules compute in float64 and round on store (the last bits differ). Arrays placed in the
 * kernel memory (`kernelMemoryArray`) are updated in place, others streamed through it.
 */
import { adagradUpdateWasm, adamUpdateWasm, fusedUpdatesActive, rmspropUpdateWasm, sgdUpdateWasm } from "@descent/tensor";
import type { AdagradOptions, AdagradState } from "./adagrad";
import type { AdamOptions, AdamState } from "./adam";
import type { FloatArray } from "./param";
import type { RMSpropOptions, RMSpropState } from "./rmsprop";
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
