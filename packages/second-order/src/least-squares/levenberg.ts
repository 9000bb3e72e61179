import { enorm } from "./enorm";
import { qrfac } from "./qrfac";
import { qrsolv } from "./qrsolv";
import type { Residuals } from "./residuals";
import { convergedAfterStep, type LeastSquaresOutcome, type LeastSquaresTolerances } from "./stopping";

/**
 * Levenberg's method, (JᵀJ + λI)δ = −Jᵀr, with Nielsen's damping update (Madsen, Nielsen &
 * Tingleff, "Methods for non-linear least squares problems", 2004, alg. 3.16): λ₀ = 10⁻³·max
 * diag(JᵀJ); after a step with gain ratio ρ > 0, λ ← λ·max(⅓, 1 − (2ρ − 1)³) and ν = 2, else
 * λ ← λ·ν, ν ← 2ν. The damped system is solved as the least-squares problem [J; √λ·I]δ ≈ [−r; 0]
 * by one pivoted QR of J per iterate and Givens rotations per λ (MINPACK's qrfac + qrsolv).
 */
export function levenberg(res: Residuals, x0: Float64Array, r0: Float64Array, o: LeastSquaresTolerances): LeastSquaresOutcome {
  const { m, n } = res;
  let x = Float64Array.from(x0);
  let r = r0;
  let cost = 0.5 * enorm(r) ** 2;
  let lambda = -1;
  let nu = 2;
  const diag = new Float64Array(n);
  const sdiag = new Float64Array(n);
  const z = new Float64Array(n);
  for (;;) {
    if (!Number.isFinite(cost)) return { x, fvec: r, status: -1 };
    const jac = res.jacobianColumnMajor(x, r);
    const a = Float64Array.from(jac);
    const grad = new Float64Array(n);
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) grad[j] += jac[i + j * m] * r[i];
    const { ipvt, rdiag, acnorm } = qrfac(m, n, a);
    const rnorm = enorm(r);
    let gnorm = 0;
    if (rnorm !== 0) for (let j = 0; j < n; j++) if (acnorm[j] !== 0) gnorm = Math.max(gnorm, Math.abs(grad[j]) / (acnorm[j] * rnorm));
    if (gnorm <= o.gtol) return { x, fvec: r, status: 1 };
    if (lambda < 0) {
      let maxDiag = 0;
      for (const c of acnorm) maxDiag = Math.max(maxDiag, c * c);
      lambda = 1e-3 * (maxDiag || 1);
    }
    // Qᵀr and R in place, as lmder prepares them for qrsolv.
    const qtr = Float64Array.from(r);
    for (let j = 0; j < n; j++) {
      if (a[j + j * m] !== 0) {
        let sum = 0;
        for (let i = j; i < m; i++) sum += a[i + j * m] * qtr[i];
        const temp = -sum / a[j + j * m];
        for (let i = j; i < m; i++) qtr[i] += a[i + j * m] * temp;
      }
      a[j + j * m] = rdiag[j];
    }
    for (;;) {
      if (res.nfev >= o.maxNfev) return { x, fvec: r, status: 0 };
      diag.fill(Math.sqrt(lambda));
      qrsolv(n, a, m, ipvt, diag, qtr, z, sdiag);
      const step = z.map((v) => -v);
      const xNew = x.map((v, j) => v + step[j]);
      const rNew = res.value(xNew);
      const costNew = 0.5 * enorm(rNew) ** 2;
      // Predicted decrease of the linear model: −gᵀδ − ½‖Jδ‖².
      let jStepSquared = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += jac[i + j * m] * step[j];
        jStepSquared += s * s;
      }
      let gStep = 0;
      for (let j = 0; j < n; j++) gStep += grad[j] * step[j];
      const predicted = -gStep - 0.5 * jStepSquared;
      const rho = predicted > 0 ? (cost - costNew) / predicted : -1;
      if (rho > 0 && Number.isFinite(costNew)) {
        lambda *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
        nu = 2;
        const actred = 1 - costNew / cost;
        const prered = predicted / cost;
        const stepNorm = enorm(step);
        x = xNew;
        r = rNew;
        cost = costNew;
        const status = convergedAfterStep(actred, prered, stepNorm, enorm(x), o);
        if (status !== null) return { x, fvec: r, status };
        if (cost === 0) return { x, fvec: r, status: 2 };
        break;
      }
      lambda *= nu;
      nu *= 2;
      if (!Number.isFinite(lambda)) return { x, fvec: r, status: -2 };
      if (enorm(step) <= o.xtol * enorm(x)) return { x, fvec: r, status: 3 };
    }
  }
}
