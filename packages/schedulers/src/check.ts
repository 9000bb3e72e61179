import { invalidArgument } from "./errors";

/** Bounds a number must respect; a bound left out is not checked. */
export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

function describeRule(rule: NumberRule): string {
  const kind = rule.integer === true ? "an integer" : "a finite number";
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) {
    return `${kind} in ${rule.minExclusive === true ? "(" : "["}${min}, ${max}${rule.maxExclusive === true ? ")" : "]"}`;
  }
  if (min !== undefined) return `${kind} ${rule.minExclusive === true ? ">" : ">="} ${min}`;
  if (max !== undefined) return `${kind} ${rule.maxExclusive === true ? "<" : "<="} ${max}`;
  return kind;
}

/** Returns `value` when it is a finite number inside the rule, else throws naming fn, argument, value and rule. */
export function checkNumber(fn: string, argument: string, value: unknown, rule: NumberRule = {}): number {
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (rule.integer !== true || Number.isInteger(value)) &&
    (rule.min === undefined || (rule.minExclusive === true ? value > rule.min : value >= rule.min)) &&
    (rule.max === undefined || (rule.maxExclusive === true ? value < rule.max : value <= rule.max));
  if (!ok) throw invalidArgument(fn, argument, value, describeRule(rule));
  return value;
}

/** A rate or other strictly positive quantity: finite and > 0. */
export const POSITIVE: NumberRule = { min: 0, minExclusive: true };
/** A floor, end value or threshold: finite and >= 0. */
export const NON_NEGATIVE: NumberRule = { min: 0 };
/** A count of steps: an integer >= 1. */
export const POSITIVE_INTEGER: NumberRule = { integer: true, min: 1 };
/** A step index or count that may be zero. */
export const NON_NEGATIVE_INTEGER: NumberRule = { integer: true, min: 0 };

/**
 * Whether a value the types call an array really is one (JavaScript callers can pass anything).
 * Unlike `Array.isArray`, it does not narrow a `readonly T[]` to `any[]`.
 */
export function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/** Returns `value` when it is one of `allowed`, else throws listing them. */
export function checkOneOf<T extends string>(fn: string, argument: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw invalidArgument(fn, argument, value, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
  }
  return value as T;
}

/** Returns `value` when it is a boolean. */
export function checkBoolean(fn: string, argument: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw invalidArgument(fn, argument, value, "true or false");
  return value;
}

/** Returns `value` when it is a function. */
export function checkFunction<F>(fn: string, argument: string, value: F | undefined): F {
  if (typeof value !== "function") throw invalidArgument(fn, argument, value, "a function");
  return value;
}

/** An array of numbers each inside the rule; `order` also requires them sorted. */
export function checkNumberList(
  fn: string,
  argument: string,
  value: unknown,
  rule: NumberRule,
  order: "none" | "nonDecreasing" | "increasing" = "none",
): number[] {
  if (!Array.isArray(value)) throw invalidArgument(fn, argument, value, `an array of ${describeRule(rule)}`);
  const list = value.map((v: unknown, i) => checkNumber(fn, `${argument}[${i}]`, v, rule));
  for (let i = 1; i < list.length; i++) {
    const previous = list[i - 1];
    if ((order === "increasing" && list[i] <= previous) || (order === "nonDecreasing" && list[i] < previous)) {
      throw invalidArgument(fn, argument, value, order === "increasing" ? "strictly increasing values" : "values in non-decreasing order");
    }
  }
  return list;
}

/**
 * PyTorch's per-group hyperparameters (`max_lr`, `base_momentum`, `min_lr`, ...): one number for
 * every group, or a list with exactly one entry per group.
 */
export function checkPerGroup(fn: string, argument: string, value: unknown, groupCount: number, rule: NumberRule): number[] {
  if (Array.isArray(value)) {
    if (value.length !== groupCount) {
      throw invalidArgument(fn, argument, value, `a number or a list of ${groupCount} numbers (one per parameter group)`);
    }
    return checkNumberList(fn, argument, value, rule);
  }
  const single = checkNumber(fn, argument, value, rule);
  return new Array<number>(groupCount).fill(single);
}

/** The step a pure schedule is evaluated at: an integer >= 0. */
export function checkStep(fn: string, step: number): number {
  return checkNumber(fn, "step", step, NON_NEGATIVE_INTEGER);
}

/** Reads `options` as an object: `undefined` is an empty object; anything else that is not an object is rejected. */
export function checkOptions<T extends object>(fn: string, options: T | undefined): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== "object" || (options as unknown) === null || Array.isArray(options)) {
    throw invalidArgument(fn, "options", options, "an options object");
  }
  return options;
}
