import { InvalidArgumentError, invalidArgument } from "@descent/tensor";

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * Checks option values for one function (`fn`, e.g. "Adam" or "Adam.loadStateDict") and
 * throws an InvalidArgumentError naming the option and the value:
 * `Adam: lr is -0.1, expected a finite number >= 0`. `prefix` locates the options
 * (`paramGroups[1].`) when they come from a group or a state dict.
 */
export class OptionCheck {
  constructor(
    readonly fn: string,
    readonly prefix = "",
  ) {}

  private fail(name: string, value: unknown, expected: string): never {
    throw invalidArgument(this.fn, this.prefix + name, value, expected);
  }

  /** A finite number ≥ 0 (PyTorch's `0.0 <= lr`, plus finiteness). */
  nonNegative(name: string, value: unknown): void {
    if (!isFiniteNumber(value) || value < 0) this.fail(name, value, "a finite number >= 0");
  }

  /** Any finite number. */
  finite(name: string, value: unknown): void {
    if (!isFiniteNumber(value)) this.fail(name, value, "a finite number");
  }

  /** A finite number > 0. */
  positive(name: string, value: unknown): void {
    if (!isFiniteNumber(value) || value <= 0) this.fail(name, value, "a finite number > 0");
  }

  /** A number in [0, 1) (decay rates such as betas[0]). */
  unitInterval(name: string, value: unknown): void {
    if (!isFiniteNumber(value) || value < 0 || value >= 1) this.fail(name, value, "a number in [0, 1)");
  }

  /** A number in [0, 1] (Adadelta's rho, as PyTorch allows). */
  closedUnitInterval(name: string, value: unknown): void {
    if (!isFiniteNumber(value) || value < 0 || value > 1) this.fail(name, value, "a number in [0, 1]");
  }

  /** A number in (low, high), both ends excluded. */
  openInterval(name: string, value: unknown, low: number, high: number): void {
    if (!isFiniteNumber(value) || value <= low || value >= high) this.fail(name, value, `a number in (${low}, ${high === Infinity ? "∞" : high})`);
  }

  /** An integer ≥ 1. */
  positiveInteger(name: string, value: unknown): void {
    if (!Number.isSafeInteger(value) || (value as number) < 1) this.fail(name, value, "an integer >= 1");
  }

  boolean(name: string, value: unknown): void {
    if (typeof value !== "boolean") this.fail(name, value, "true or false");
  }

  /** One of the listed values. */
  oneOf(name: string, value: unknown, allowed: readonly unknown[]): void {
    if (!allowed.includes(value)) this.fail(name, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  }

  /** A pair `[a, b]`, each element checked by `element` under the name `name[i]`. */
  pair(name: string, value: unknown, element: (name: string, value: unknown) => void): void {
    if (!Array.isArray(value) || value.length !== 2) this.fail(name, value, "a pair [a, b] of numbers");
    element(`${name}[0]`, value[0]);
    element(`${name}[1]`, value[1]);
  }

  /** Rejects keys that are not options (a snake_case name, a typo), listing those that are. */
  knownKeys(options: object, known: readonly string[]): void {
    for (const key of Object.keys(options)) {
      if (!known.includes(key)) {
        throw new InvalidArgumentError(
          `${this.fn}: unknown option ${JSON.stringify(this.prefix + key)}, expected one of ${known.join(", ")} (camelCase, e.g. weightDecay)`,
        );
      }
    }
  }
}
