import { enorm } from "./enorm";
import { qrfac } from "./qrfac";

export interface LinearizedStep {
  /** The step δ minimizing ‖J·δ + r‖ (minimum-norm within the numerical rank's columns). */
  step: Float64Array;
  /** Jᵀr. */
  grad: Float64Array;
  /** MINPACK's scaled gradient norm: max over columns j of |Jⱼᵀr| / (‖Jⱼ‖·‖r‖). */
  gnorm: number;
  /** ‖J·δ‖², for the predicted reduction ‖r‖² − ‖r + Jδ‖² = −2rᵀJδ − ‖Jδ‖². */
  jStepSquared: number;
  /** Columns of J judged independent. */
  rank: number;
  /** ‖Jⱼ‖ for every column. */
  colNorms: Float64Array;
}

/**
 * The Gauss–Newton step by QR of J with column pivoting (MINPACK's qrfac), never by forming or
 * inverting JᵀJ: δ = −P·R⁻¹·(Qᵀr)₁..ₖ, truncated to the numerical rank k (|Rⱼⱼ| above
 * max(m, n)·ε·|R₁₁|, the rcond rule of LAPACK's least-squares drivers).
 */
export function gaussNewtonStep(jacColMajor: Float64Array, r: Float64Array, m: number, n: number): LinearizedStep {
  const a = Float64Array.from(jacColMajor);
  const grad = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += a[i + j * m] * r[i];
    grad[j] = s;
  }
  const rnorm = enorm(r);
  const { ipvt, rdiag, acnorm } = qrfac(m, n, a);
  let gnorm = 0;
  if (rnorm !== 0) for (let j = 0; j < n; j++) if (acnorm[j] !== 0) gnorm = Math.max(gnorm, Math.abs(grad[j]) / (acnorm[j] * rnorm));
  // Qᵀr, as lmder forms it from the Householder vectors.
  const qtr = Float64Array.from(r);
  for (let j = 0; j < Math.min(m, n); j++) {
    const ujj = a[j + j * m];
    if (ujj === 0) continue;
    let sum = 0;
    for (let i = j; i < m; i++) sum += a[i + j * m] * qtr[i];
    const temp = -sum / ujj;
    for (let i = j; i < m; i++) qtr[i] += a[i + j * m] * temp;
  }
  const k0 = Math.min(m, n);
  const threshold = Math.max(m, n) * Number.EPSILON * Math.abs(rdiag[0]);
  let rank = 0;
  while (rank < k0 && Math.abs(rdiag[rank]) > threshold) rank++;
  // Back substitution on the leading rank×rank block of R (R's diagonal is rdiag, above it a).
  const z = new Float64Array(n);
  for (let j = rank - 1; j >= 0; j--) {
    let sum = qtr[j];
    for (let i = j + 1; i < rank; i++) sum -= a[j + i * m] * z[i];
    z[j] = sum / rdiag[j];
  }
  const step = new Float64Array(n);
  for (let j = 0; j < n; j++) step[ipvt[j]] = -z[j];
  // ‖Jδ‖ = ‖R·z‖ over the leading block (the truncated columns carry 0).
  let jStepSquared = 0;
  for (let i = 0; i < rank; i++) {
    let s = rdiag[i] * z[i];
    for (let j = i + 1; j < rank; j++) s += a[i + j * m] * z[j];
    jStepSquared += s * s;
  }
  return { step, grad, gnorm, jStepSquared, rank, colNorms: acnorm };
}
