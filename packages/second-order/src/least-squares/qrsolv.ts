/**
 * MINPACK's qrsolv: given the pivoted QR factors of A (R in the upper triangle of the
 * column-major `r`, leading dimension ldr), a diagonal D and Qᵀb, solves
 *   min ‖ [A; D]·x − [b; 0] ‖
 * by eliminating D with Givens rotations into S (Rᵀ-shaped, written below the diagonal of `r`;
 * its diagonal goes to `sdiag`). The upper triangle of `r` is preserved. Rank-deficient S gives
 * a least-squares solution. Writes x.
 */
export function qrsolv(n: number, r: Float64Array, ldr: number, ipvt: Int32Array, diag: Float64Array, qtb: Float64Array, x: Float64Array, sdiag: Float64Array): void {
  const wa = new Float64Array(n);
  const at = (i: number, j: number) => i + j * ldr;
  // Copy R and Qᵀb to preserve input; save the diagonal of R in x.
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) r[at(i, j)] = r[at(j, i)];
    x[j] = r[at(j, j)];
    wa[j] = qtb[j];
  }
  // Eliminate D with Givens rotations.
  for (let j = 0; j < n; j++) {
    const l = ipvt[j];
    if (diag[l] !== 0) {
      for (let k = j; k < n; k++) sdiag[k] = 0;
      sdiag[j] = diag[l];
      // The rotations that eliminate row j of D touch only one element of Qᵀb beyond the first n.
      let qtbpj = 0;
      for (let k = j; k < n; k++) {
        if (sdiag[k] === 0) continue;
        let cos: number;
        let sin: number;
        if (Math.abs(r[at(k, k)]) < Math.abs(sdiag[k])) {
          const cotan = r[at(k, k)] / sdiag[k];
          sin = 0.5 / Math.sqrt(0.25 + 0.25 * cotan * cotan);
          cos = sin * cotan;
        } else {
          const tan = sdiag[k] / r[at(k, k)];
          cos = 0.5 / Math.sqrt(0.25 + 0.25 * tan * tan);
          sin = cos * tan;
        }
        r[at(k, k)] = cos * r[at(k, k)] + sin * sdiag[k];
        const temp = cos * wa[k] + sin * qtbpj;
        qtbpj = -sin * wa[k] + cos * qtbpj;
        wa[k] = temp;
        for (let i = k + 1; i < n; i++) {
          const t = cos * r[at(i, k)] + sin * sdiag[i];
          sdiag[i] = -sin * r[at(i, k)] + cos * sdiag[i];
          r[at(i, k)] = t;
        }
      }
    }
    // Store the diagonal of S and restore the diagonal of R.
    sdiag[j] = r[at(j, j)];
    r[at(j, j)] = x[j];
  }
  // Solve S·z = wa; a singular S gives a least-squares solution.
  let nsing = n;
  for (let j = 0; j < n; j++) {
    if (sdiag[j] === 0 && nsing === n) nsing = j;
    if (nsing < n) wa[j] = 0;
  }
  for (let j = nsing - 1; j >= 0; j--) {
    let sum = 0;
    for (let i = j + 1; i < nsing; i++) sum += r[at(i, j)] * wa[i];
    wa[j] = (wa[j] - sum) / sdiag[j];
  }
  // Permute z back to x.
  for (let j = 0; j < n; j++) x[ipvt[j]] = wa[j];
}
