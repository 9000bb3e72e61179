import { Generator, InvalidArgumentError, defaultGenerator, invalidArgument } from "@descent/tensor";

// Options arrive typed, but JavaScript callers and JSON configs can pass anything: every reader checks
// the value it reads and names the function and the option in its error (STYLE.md, habit 7).

/** The options object itself: undefined or a plain object. */
export function optionsObject(fn: string, options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError(`${fn}: options is ${describeArgument(options)}, expected an options object or undefined`);
  }
  return options as Record<string, unknown>;
}

/** A finite number, or the fallback when undefined. */
export function finiteNumber(fn: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalidArgument(fn, name, value, "a finite number");
  return value;
}

/** A finite number ≥ 0 (a standard deviation, a fan), or the fallback when undefined. */
export function nonNegativeNumber(fn: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw invalidArgument(fn, name, value, "a finite number >= 0");
  }
  return value;
}

/** A finite number > 0, or the fallback when undefined. */
export function positiveNumber(fn: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw invalidArgument(fn, name, value, "a finite number > 0");
  }
  return value;
}

/** An integer ≥ 1, or the fallback when undefined. */
export function positiveInteger(fn: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw invalidArgument(fn, name, value, "an integer >= 1");
  }
  return value;
}

/** One of the allowed strings, or the fallback when undefined. */
export function oneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw invalidArgument(fn, name, value, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
  }
  return value as T;
}

/** The generator to draw from: the given one, else the tensor package's default (reseeded by `manualSeed`). */
export function generatorOption(fn: string, value: unknown): Generator {
  if (value === undefined) return defaultGenerator;
  if (!(value instanceof Generator)) {
    throw new InvalidArgumentError(`${fn}: generator is ${describeArgument(value)}, expected a Generator from @descent/tensor`);
  }
  return value;
}

/** A short description of a value that may be large (a tensor) or not serializable. */
export function describeArgument(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") {
    const name = value.constructor.name;
    return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return "undefined";
}
