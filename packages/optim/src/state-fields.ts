import { InvalidArgumentError, invalidArgument } from "@descent/tensor";
import type { FloatArray } from "./param";
import { decodeArray, encodeArray } from "./typed-array-codec";
import type { EncodedArray } from "./typed-array-codec";

/**
 * What one field of per-parameter state holds, so that a loaded state dict can be checked
 * field by field before anything is replaced:
 * - `scalar`: a finite number (step counters, ASGD's η and μ); `scalar?` also null;
 * - `buffer`: an array as long as the parameter (moments, momentum); `buffer?` also null;
 * - `buffers` / `scalars`: lists of those (LBFGS's history).
 */
export type FieldKind = "scalar" | "scalar?" | "buffer" | "buffer?" | "buffers" | "scalars";

/** The kinds of every field of a state type `S`. */
export type StateFields<S> = { readonly [K in keyof S]-?: FieldKind };

/** A state field as JSON. */
export type EncodedField = number | null | EncodedArray | EncodedArray[] | number[];

type FieldValue = number | null | FloatArray | FloatArray[] | number[];

function isFloatArray(value: unknown): value is FloatArray {
  return value instanceof Float64Array || value instanceof Float32Array;
}

/** Encodes one parameter's state for JSON: arrays become base64, numbers stay numbers. */
export function encodeState(state: object): Record<string, EncodedField> {
  const out: Record<string, EncodedField> = {};
  for (const [key, value] of Object.entries(state) as [string, FieldValue][]) {
    if (isFloatArray(value)) out[key] = encodeArray(value);
    else if (Array.isArray(value)) out[key] = value.every(isFloatArray) ? value.map(encodeArray) : [...value];
    else out[key] = value;
  }
  return out;
}

function decodeScalar(fn: string, what: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalidArgument(fn, what, value, "a finite number");
  return value;
}

function decodeField(fn: string, what: string, kind: FieldKind, value: unknown, length: number, like: FloatArray): FieldValue {
  if (value === null && (kind === "scalar?" || kind === "buffer?")) return null;
  switch (kind) {
    case "scalar":
    case "scalar?":
      return decodeScalar(fn, what, value);
    case "buffer":
    case "buffer?":
      return decodeArray(fn, what, value, length, like);
    case "buffers":
    case "scalars":
      if (!Array.isArray(value)) throw invalidArgument(fn, what, value, "an array");
      return kind === "buffers"
        ? value.map((v: unknown, i) => decodeArray(fn, `${what}[${i}]`, v, length, like))
        : value.map((v: unknown, i) => decodeScalar(fn, `${what}[${i}]`, v));
  }
}

/**
 * Decodes one parameter's saved state against `fields`: every field present, no other,
 * each of its kind; arrays `length` long and of the class of `like`. Throws naming the field.
 */
export function decodeState<S>(fn: string, what: string, saved: unknown, fields: StateFields<S>, length: number, like: FloatArray): S {
  if (typeof saved !== "object" || saved === null || Array.isArray(saved)) throw invalidArgument(fn, what, saved, "an object of state fields");
  const record = saved as Record<string, unknown>;
  const out: Record<string, FieldValue> = {};
  for (const [key, kind] of Object.entries<FieldKind>(fields)) {
    if (!(key in record)) throw new InvalidArgumentError(`${fn}: ${what} has no field "${key}", expected the fields ${Object.keys(fields).join(", ")}`);
    out[key] = decodeField(fn, `${what}.${key}`, kind, record[key], length, like);
  }
  for (const key of Object.keys(record)) {
    if (!(key in fields)) throw new InvalidArgumentError(`${fn}: ${what} has an unknown field "${key}", expected the fields ${Object.keys(fields).join(", ")}`);
  }
  return out as S;
}
