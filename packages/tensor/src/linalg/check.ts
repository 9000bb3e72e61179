import { ShapeError, invalidArgument } from "../errors";

/** Throws unless `n` is a non-negative integer. */
export function checkSize(fn: string, name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw invalidArgument(fn, name, n, "a non-negative integer");
}

/** Throws unless `a` is a Float64Array holding exactly `rows × cols` numbers (row-major). */
export function checkMatrix(fn: string, name: string, a: Float64Array, rows: number, cols: number): void {
  if (!(a instanceof Float64Array)) throw invalidArgument(fn, name, a, "a Float64Array (row-major, float64)");
  if (a.length !== rows * cols) {
    throw new ShapeError(`${fn}: ${name} has ${a.length} elements, expected ${rows}×${cols} = ${rows * cols}`);
  }
}
