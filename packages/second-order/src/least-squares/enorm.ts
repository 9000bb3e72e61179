/** MINPACK's underflow and overflow thresholds for the scaled sums of enorm. */
const rdwarf = 3.834e-20;
const rgiant = 1.304e19;

/**
 * MINPACK's enorm: the Euclidean norm of a[offset .. offset + n), summed in three bands (small,
 * intermediate, large components) so that it neither overflows nor underflows.
 */
export function enorm(a: Float64Array, n: number = a.length, offset = 0): number {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let x1max = 0;
  let x3max = 0;
  const agiant = rgiant / n;
  for (let i = offset; i < offset + n; i++) {
    const xabs = Math.abs(a[i]);
    if (xabs > rdwarf && xabs < agiant) {
      s2 += xabs * xabs;
    } else if (xabs <= rdwarf) {
      if (xabs > x3max) {
        s3 = 1 + s3 * (x3max / xabs) ** 2;
        x3max = xabs;
      } else if (xabs !== 0) {
        s3 += (xabs / x3max) ** 2;
      }
    } else if (xabs > x1max) {
      s1 = 1 + s1 * (x1max / xabs) ** 2;
      x1max = xabs;
    } else {
      s1 += (xabs / x1max) ** 2;
    }
  }
  if (s1 !== 0) return x1max * Math.sqrt(s1 + s2 / x1max / x1max);
  if (s2 !== 0) return s2 >= x3max ? Math.sqrt(s2 * (1 + (x3max / s2) * (x3max * s3))) : Math.sqrt(x3max * (s2 / x3max + x3max * s3));
  return x3max * Math.sqrt(s3);
}
