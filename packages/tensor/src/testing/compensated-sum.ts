// An accurate sum for tests (not exported by the package): the reference the float64 sums of the kernels are held to.

/** Neumaier's compensated sum: within about 2u·Σ|term| of the exact sum for the lengths the tests use. */
export function compensatedSum(terms: Iterable<number>): number {
  let s = 0;
  let c = 0;
  for (const t of terms) {
    const u = s + t;
    c += Math.abs(s) >= Math.abs(t) ? s - u + t : t - u + s;
    s = u;
  }
  return s + c;
}
