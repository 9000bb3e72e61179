/**
 * The one error class of @descent/schedulers. The package has no dependencies, so it keeps
 * its own class instead of @descent/tensor's; the message shape is the same:
 * `StepLR: gamma is -0.1, expected a finite number > 0`.
 */
export class InvalidArgumentError extends Error {
  override name = "InvalidArgumentError";
}

/** Formats a value for an error message: numbers as they are, everything else as JSON when it can be. */
function describeValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "undefined") return "undefined";
  if (typeof value === "symbol") return value.toString();
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "function" ? "<function>" : v));
  } catch {
    return "an object that JSON cannot show";
  }
}

/** `new InvalidArgumentError("fn: argument is <got>, expected <expected>")` in one call. */
export function invalidArgument(fn: string, argument: string, got: unknown, expected: string): InvalidArgumentError {
  return new InvalidArgumentError(`${fn}: ${argument} is ${describeValue(got)}, expected ${expected}`);
}
