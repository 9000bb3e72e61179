import { InvalidArgumentError, invalidArgument } from "@descent/tensor";
import { isParamLike } from "./param";
import type { ParamLike } from "./param";

/** A parameter with its name, as `Module.namedParameters()` yields it. */
export type NamedParam = readonly [string, ParamLike];

/** Parameters of one group: plain, or named (names let `stateDict({ keyBy: "name" })` survive reordering). */
export type ParamsList = Iterable<ParamLike> | Iterable<NamedParam> | ParamLike;

/** One group as given to an optimizer: its parameters and the options it overrides. */
export type ParamGroupInput<O> = Partial<O> & { params: ParamsList };

/** What an optimizer accepts: parameters, named parameters (e.g. a `Map`), or groups of either. */
export type ParamsInput<O> = Iterable<ParamLike> | Iterable<NamedParam> | Iterable<ParamGroupInput<O>>;

/** One group after reading: parameters, their names (undefined where none was given), the overridden options. */
export interface ResolvedGroup {
  params: ParamLike[];
  names: (string | undefined)[];
  options: Record<string, unknown>;
  /** Where the group came from, for messages (`params[1]`, `group`); empty for a plain parameter list. */
  label: string;
}

function isNamedParam(value: unknown): value is NamedParam {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && isParamLike(value[1]);
}

function isGroup(value: unknown): value is ParamGroupInput<object> {
  return typeof value === "object" && value !== null && !isParamLike(value) && "params" in value;
}

function readParams(fn: string, what: string, list: unknown): Pick<ResolvedGroup, "params" | "names"> {
  const items: unknown[] = isParamLike(list) ? [list] : typeof list === "object" && list !== null && Symbol.iterator in list ? [...(list as Iterable<unknown>)] : [];
  if (items.length === 0) throw invalidArgument(fn, what, list, "a non-empty iterable of parameters { data, grad } or [name, parameter] pairs");
  const params: ParamLike[] = [];
  const names: (string | undefined)[] = [];
  items.forEach((item, i) => {
    if (isParamLike(item)) {
      params.push(item);
      names.push(undefined);
    } else if (isNamedParam(item)) {
      if (item[0] === "") throw invalidArgument(fn, `${what}[${i}][0]`, item[0], "a non-empty name");
      params.push(item[1]);
      names.push(item[0]);
    } else {
      throw invalidArgument(fn, `${what}[${i}]`, item, "a parameter { data, grad } or a [name, parameter] pair");
    }
  });
  return { params, names };
}

/** Reads a single group's input (as `addParamGroup` takes it). */
export function readGroup(fn: string, what: string, group: unknown): ResolvedGroup {
  if (!isGroup(group)) throw invalidArgument(fn, what, group, "an object { params, ...options }");
  const { params, ...options } = group;
  return { ...readParams(fn, `${what}.params`, params), options, label: what };
}

/** Reads an optimizer's `params` argument into groups, as PyTorch does: a list of groups, or one group of everything. */
export function readParamsInput(fn: string, input: unknown): ResolvedGroup[] {
  const items: unknown[] = typeof input === "object" && input !== null && Symbol.iterator in input ? [...(input as Iterable<unknown>)] : [];
  if (items.length === 0) throw invalidArgument(fn, "params", input, "a non-empty iterable of parameters, [name, parameter] pairs or parameter groups");
  if (!items.some(isGroup)) return [{ ...readParams(fn, "params", items), options: {}, label: "" }];
  if (!items.every(isGroup)) throw new InvalidArgumentError(`${fn}: params mixes parameter groups with parameters, expected all groups or no groups`);
  return items.map((group, i) => readGroup(fn, `params[${i}]`, group));
}
