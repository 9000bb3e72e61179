import { invalidArgument } from "@descent/tensor";

/** The storage an optimizer reads and writes: one flat array per parameter. */
export type FloatArray = Float32Array | Float64Array;

/** A flat array, or an object holding one in `.data` (a Tensor, whose `.data` is its contiguous storage). */
export type Storage = FloatArray | { data: FloatArray };

/**
 * What an optimizer updates: values and their gradient. Structural, so plain arrays
 * (`{ data: new Float64Array(n), grad: null }`) and autograd parameters both fit,
 * and @descent/optim needs no dependency on autograd.
 */
export interface ParamLike {
  data: Storage;
  grad: Storage | null;
}

function isFloatArray(value: unknown): value is FloatArray {
  return value instanceof Float64Array || value instanceof Float32Array;
}

/** The flat array behind a parameter's values or gradient; throws naming `fn` when there is none. */
export function resolveStorage(fn: string, what: string, storage: unknown): FloatArray {
  if (isFloatArray(storage)) return storage;
  if (typeof storage === "object" && storage !== null && "data" in storage && isFloatArray(storage.data)) return storage.data;
  throw invalidArgument(fn, what, storage, "a Float32Array or Float64Array, or an object whose .data is one");
}

/** The values of `param`. */
export function paramData(fn: string, param: ParamLike): FloatArray {
  return resolveStorage(fn, "param.data", param.data);
}

/** The gradient of `param`, or null when it has none (such a parameter is skipped, as in PyTorch). */
export function paramGrad(fn: string, param: ParamLike): FloatArray | null {
  return param.grad === null ? null : resolveStorage(fn, "param.grad", param.grad);
}

/** True for anything shaped like a parameter: an object with `data` and a `grad` key. */
export function isParamLike(value: unknown): value is ParamLike {
  return typeof value === "object" && value !== null && "data" in value && "grad" in value;
}
