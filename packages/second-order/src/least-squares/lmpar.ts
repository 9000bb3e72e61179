import { enorm } from "./enorm";
import { qrsolv } from "./qrsolv";

/** DBL_MIN: MINPACK's dwarf, the smallest positive normal float64. */
const dwarf = 2.2250738585072014e-308;

/**
 * MINPACK's lmpar (Moré 1978, "The Levenberg–Marquardt algorithm: implementation and theory"):
 * finds λ ≥ 0 (`par`) such that the solution x of
 *   min ‖ [A; √λ·D]·x − [b; 0] ‖
 * has ‖Dx‖ within 10 % of Δ, or λ = 0 when the Gauss–Newton step is already inside. Newton
 * iterations on φ(λ) = ‖Dx(λ)‖ − Δ kept in [parl, paru], at most 10. `r` holds the pivoted R
 * (column-major, leading dimension ldr) and receives S below the diagonal; writes x and returns λ.
 * @see https://doi.org/10.1007/BFb0067700
 */
export function lmpar(n: number, r: Float64Array, ldr: number, ipvt: Int32Array, diag: Float64Array, qtb: Float64Array, delta: number, par: number, x: Float64Array, sdiag: Float64Array): number {
  const at = (i: number, j: number) => i + j * ldr;
  const wa1 = new Float64Array(n);
  const wa2 = new Float64Array(n);
  // The Gauss–Newton direction; rank deficient: a least-squares solution.
  let nsing = n;
  for (let j = 0; j < n; j++) {
    wa1[j] = qtb[j];
    if (r[at(j, j)] === 0 && nsing === n) nsing = j;
    if (nsing < n) wa1[j] = 0;
  }
  for (let j = nsing - 1; j >= 0; j--) {
    wa1[j] /= r[at(j, j)];
    const temp = wa1[j];
    for (let i = 0; i < j; i++) wa1[i] -= r[at(i, j)] * temp;
  }
  for (let j = 0; j < n; j++) x[ipvt[j]] = wa1[j];

  // Accept the Gauss–Newton direction if it is short enough.
  let iter = 0;
  for (let j = 0; j < n; j++) wa2[j] = diag[j] * x[j];
  let dxnorm = enorm(wa2, n);
  let fp = dxnorm - delta;
  if (fp <= 0.1 * delta) return 0;

  // Full rank: the Newton step gives a lower bound parl for the zero of φ; otherwise 0.
  let parl = 0;
  if (nsing >= n) {
    for (let j = 0; j < n; j++) {
      const l = ipvt[j];
      wa1[j] = diag[l] * (wa2[l] / dxnorm);
    }
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < j; i++) sum += r[at(i, j)] * wa1[i];
      wa1[j] = (wa1[j] - sum) / r[at(j, j)];
    }
    const temp = enorm(wa1, n);
    parl = fp / delta / temp / temp;
  }
  // An upper bound paru.
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i <= j; i++) sum += r[at(i, j)] * qtb[i];
    wa1[j] = sum / diag[ipvt[j]];
  }
  const gnorm = enorm(wa1, n);
  let paru = gnorm / delta;
  if (paru === 0) paru = dwarf / Math.min(delta, 0.1);
  // Move par into (parl, paru).
  par = Math.max(par, parl);
  par = Math.min(par, paru);
  if (par === 0) par = gnorm / dxnorm;

  for (;;) {
    iter++;
    if (par === 0) par = Math.max(dwarf, 0.001 * paru);
    const temp = Math.sqrt(par);
    for (let j = 0; j < n; j++) wa1[j] = temp * diag[j];
    qrsolv(n, r, ldr, ipvt, wa1, qtb, x, sdiag);
    for (let j = 0; j < n; j++) wa2[j] = diag[j] * x[j];
    dxnorm = enorm(wa2, n);
    const previous = fp;
    fp = dxnorm - delta;
    // Accept par when φ is small enough, or in the exceptional cases (parl = 0 and φ does not
    // grow while negative) or after 10 iterations. A NaN φ stops too.
    if (Math.abs(fp) <= 0.1 * delta || (parl === 0 && fp <= previous && previous < 0) || iter === 10 || Number.isNaN(fp)) break;
    // The Newton correction.
    for (let j = 0; j < n; j++) {
      const l = ipvt[j];
      wa1[j] = diag[l] * (wa2[l] / dxnorm);
    }
    for (let j = 0; j < n; j++) {
      wa1[j] /= sdiag[j];
      const t = wa1[j];
      for (let i = j + 1; i < n; i++) wa1[i] -= r[at(i, j)] * t;
    }
    const t = enorm(wa1, n);
    const parc = fp / delta / t / t;
    if (fp > 0) parl = Math.max(parl, par);
    if (fp < 0) paru = Math.min(paru, par);
    par = Math.max(parl, par + parc);
  }
  return par;
}
