import { DTypeError, describeValue } from "./errors";

/** The element types a tensor can hold. */
export type DType = "float32" | "float64" | "int32";
export type FloatArray = Float32Array | Float64Array;
export type TypedArray = Float32Array | Float64Array | Int32Array;

export const DTYPES: readonly DType[] = ["float32", "float64", "int32"];

/** Throws DTypeError unless `dtype` is one of DTYPES. */
export function checkDType(fn: string, dtype: unknown, argument = "dtype"): DType {
  if (dtype === "float32" || dtype === "float64" || dtype === "int32") return dtype;
  throw new DTypeError(`${fn}: ${argument} is ${describeValue(dtype)}, expected one of "float32", "float64", "int32"`);
}

/** A zero-filled array of `n` elements of `dtype`. */
export function allocate(dtype: DType, n: number): TypedArray {
  if (dtype === "float32") return new Float32Array(n);
  if (dtype === "float64") return new Float64Array(n);
  return new Int32Array(n);
}

/** The dtype that a typed array stores. */
export function dtypeOf(data: TypedArray): DType {
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Float64Array) return "float64";
  return "int32";
}

export function isFloat(dtype: DType): boolean {
  return dtype !== "int32";
}

/** float32 ⊕ float64 → float64; int32 ⊕ float → that float; int32 ⊕ int32 → int32 (PyTorch's promotion). */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === "float64" || b === "float64") return "float64";
  return "float32";
}

/**
 * The dtype of `tensor ⊕ number`: the tensor's dtype, except that an int32 tensor with a
 * non-integer number becomes float32 (PyTorch: a Python float does not widen a float tensor).
 */
export function promoteWithScalar(dtype: DType, value: number): DType {
  if (dtype === "int32" && !Number.isInteger(value)) return "float32";
  return dtype;
}

/** The smallest float dtype that holds `dtype`'s values: int32 → float32 (PyTorch's default float dtype). */
export function floatTypeOf(dtype: DType): DType {
  return dtype === "int32" ? "float32" : dtype;
}
