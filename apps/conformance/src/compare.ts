/**
 * The schema's pass rule: every value within `|got − want| ≤ tol · max(1, |want|)`.
 * Returns null when all match, else a description of the first mismatch.
 */
export function firstMismatch(
  what: string,
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tolerance: number,
): string | null {
  if (got.length !== want.length) return `${what}: length ${got.length}, want ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    const g = got[i];
    const w = want[i];
    if (!(Math.abs(g - w) <= tolerance * Math.max(1, Math.abs(w)))) {
      return `${what}[${i}]: got ${g}, want ${w} (tolerance ${tolerance})`;
    }
  }
  return null;
}

/** Thrown by an adapter when the result differs from the reference. */
export class Mismatch extends Error {
  override name = "Mismatch";
}

/** Throws a Mismatch at the first value outside tolerance. */
export function expectClose(what: string, got: ArrayLike<number>, want: ArrayLike<number>, tolerance: number): void {
  const mismatch = firstMismatch(what, got, want, tolerance);
  if (mismatch !== null) throw new Mismatch(mismatch);
}
