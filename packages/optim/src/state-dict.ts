import { InvalidArgumentError, invalidArgument } from "@descent/tensor";
import type { EncodedField } from "./state-fields";

/** The format tag of `stateDict()`; bumped if the layout ever changes. */
export const STATE_DICT_FORMAT = "descent-optim-state/1";

/** A saved group: its options and its parameters' keys (indices, or names with `keyBy: "name"`). */
export type SavedParamGroup = Record<string, unknown> & { params: (number | string)[] };

/**
 * PyTorch's `state_dict()` layout, JSON-ready: `state` keyed by parameter index (or name),
 * `paramGroups` with each group's options and its parameters' keys. Arrays are base64 of
 * their bytes with a dtype tag, so `JSON.parse(JSON.stringify(d))` loads bit for bit.
 */
export interface OptimizerStateDict {
  format: typeof STATE_DICT_FORMAT;
  optimizer: string;
  keyBy: "index" | "name";
  state: Record<string, Record<string, EncodedField>>;
  paramGroups: SavedParamGroup[];
}

/** A copy of an options object whose arrays (betas) are copied too. */
export function cloneOptions<T extends object>(options: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) out[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  return out as T;
}

/** What a saved group option may be: JSON scalars and arrays of finite numbers. */
export function isGroupValue(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => typeof v === "number" && Number.isFinite(v));
  return value === null || typeof value === "string" || typeof value === "boolean";
}

/** Checks the top level of a state dict (format, class, keying, state, groups) and returns it typed. */
export function readEnvelope(fn: string, dict: unknown, optimizer: string): OptimizerStateDict {
  if (typeof dict !== "object" || dict === null) throw invalidArgument(fn, "stateDict", dict, "an object made by stateDict()");
  const d = dict as Partial<OptimizerStateDict>;
  for (const key of ["format", "optimizer", "keyBy", "state", "paramGroups"]) {
    if (!(key in d)) throw new InvalidArgumentError(`${fn}: stateDict has no "${key}", expected the keys format, optimizer, keyBy, state, paramGroups`);
  }
  if (d.format !== STATE_DICT_FORMAT) throw invalidArgument(fn, "stateDict.format", d.format, JSON.stringify(STATE_DICT_FORMAT));
  if (d.optimizer !== optimizer) throw invalidArgument(fn, "stateDict.optimizer", d.optimizer, `${JSON.stringify(optimizer)} (a state dict of this class)`);
  if (d.keyBy !== "index" && d.keyBy !== "name") throw invalidArgument(fn, "stateDict.keyBy", d.keyBy, '"index" or "name"');
  if (typeof d.state !== "object" || (d.state as unknown) === null || Array.isArray(d.state)) throw invalidArgument(fn, "stateDict.state", d.state, "an object keyed by parameter");
  if (!Array.isArray(d.paramGroups)) throw invalidArgument(fn, "stateDict.paramGroups", d.paramGroups, "an array of groups");
  return d as OptimizerStateDict;
}
