/**
 * The error family of descent. Every message names the function, the argument,
 * what it got and what it expected, e.g.
 * `Adam: betas[0] is 1, expected a number in [0, 1)`.
 * Packages other than @descent/schedulers (which has no dependencies) throw these.
 */
export class DescentError extends Error {
  override name = "DescentError";
}

/** Shapes that do not fit together: both shapes and the op are in the message. */
export class ShapeError extends DescentError {
  override name = "ShapeError";
}

/** An unknown dtype, or one the op does not support. */
export class DTypeError extends DescentError {
  override name = "DTypeError";
}

/** Any other argument outside what the function accepts. */
export class InvalidArgumentError extends DescentError {
  override name = "InvalidArgumentError";
}

/** Formats a value for an error message: numbers as they are, arrays and objects as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
  try {
    // JSON.stringify returns undefined for undefined, functions and symbols.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    return String(value);
  }
}

/** `new InvalidArgumentError("fn: arg is <got>, expected <expected>")` in one call. */
export function invalidArgument(fn: string, argument: string, got: unknown, expected: string): InvalidArgumentError {
  return new InvalidArgumentError(`${fn}: ${argument} is ${describeValue(got)}, expected ${expected}`);
}
