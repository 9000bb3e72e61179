import { denseCholeskySolve, denseSolveTriangular, tryDenseCholesky } from "@descent/tensor";
import { dot, norm2 } from "../vector";
import { SubproblemError, type QuadraticModel, type SubproblemSolver } from "./trust-region";

/**
 * Cline, Moler, Stewart & Wilkinson's estimate of the smallest singular value of U = Lᵀ (upper
 * triangular) and its right singular vector, in O(n²): choose e ∈ {±1}ⁿ greedily so that
 * Uᵀw = e has a large solution, then solve Uv = w; σ_min ≈ ‖w‖/‖v‖, z = v/‖v‖.
 */
function smallestSingularValue(l: Float64Array, n: number): { sMin: number; zMin: Float64Array } {
  const p = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ukk = l[k * n + k];
    const wp = (1 - p[k]) / ukk;
    const wm = (-1 - p[k]) / ukk;
    let np = Math.abs(wp);
    let nm = Math.abs(wm);
    for (let i = k + 1; i < n; i++) {
      np += Math.abs(p[i] + l[i * n + k] * wp);
      nm += Math.abs(p[i] + l[i * n + k] * wm);
    }
    const wk = np >= nm ? wp : wm;
    w[k] = wk;
    for (let i = k + 1; i < n; i++) p[i] += l[i * n + k] * wk;
  }
  const v = denseSolveTriangular(l, n, w, { lower: true, transpose: true });
  const vNorm = norm2(v);
  return { sMin: norm2(w) / vNorm, zMin: v.map((x) => x / vNorm) };
}

/** Gershgorin bounds of the spectrum: min(Hᵢᵢ − Σ_{j≠i}|Hᵢⱼ|), max(Hᵢᵢ + Σ_{j≠i}|Hᵢⱼ|). */
function gershgorin(h: Float64Array, n: number): [number, number] {
  let lb = Infinity;
  let ub = -Infinity;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) rowSum += Math.abs(h[i * n + j]);
    const d = h[i * n + i];
    lb = Math.min(lb, d + Math.abs(d) - rowSum);
    ub = Math.max(ub, d - Math.abs(d) + rowSum);
  }
  return [lb, ub];
}

const updateCoefficient = 0.01;
const maxSubproblemIterations = 200;

/**
 * The nearly exact trust-region subproblem solver of Moré & Sorensen (1983), as SciPy's
 * `IterativeSubproblem` (Conn, Gould & Toint §7.3): Newton's method on 1/‖p(λ)‖ − 1/Δ with
 * p(λ) = −(H + λI)⁻¹g by Cholesky, λ safeguarded in Gershgorin-based bounds, the hard case
 * handled by a step along an approximate smallest eigenvector. One instance per iterate (it
 * remembers λ's lower bound between radii). Dense: meant for small n.
 * @see https://doi.org/10.1137/0904038
 */
export function mooreSorensen(kEasy = 0.1, kHard = 0.2): (x: Float64Array) => SubproblemSolver {
  return () => {
    let previousRadius = -1;
    let lambdaLbSaved = 0;
    return {
      solve(m: QuadraticModel, radius: number) {
        const hess = m.hess;
        const n = m.x.length;
        const g = m.jac;
        const jacMag = m.jacMag;
        const [gLb, gUb] = gershgorin(hess, n);
        let hessInf = 0;
        let hessFro = 0;
        let minDiag = Infinity;
        for (let i = 0; i < n; i++) {
          let rowSum = 0;
          for (let j = 0; j < n; j++) {
            rowSum += Math.abs(hess[i * n + j]);
            hessFro += hess[i * n + j] ** 2;
          }
          hessInf = Math.max(hessInf, rowSum);
          minDiag = Math.min(minDiag, hess[i * n + i]);
        }
        hessFro = Math.sqrt(hessFro);
        const closeToZero = n * Number.EPSILON * hessInf;
        const shifted = (lambda: number) => {
          const h = Float64Array.from(hess);
          for (let i = 0; i < n; i++) h[i * n + i] += lambda;
          return h;
        };
        const between = (lb: number, ub: number) => Math.max(Math.sqrt(lb * ub), lb + updateCoefficient * (ub - lb));

        // Initial λ and its bounds (Conn, Gould & Toint §7.3.8).
        let lambdaUb = Math.max(0, jacMag / radius + Math.min(-gLb, hessFro, hessInf));
        let lambdaLb = Math.max(0, -minDiag, jacMag / radius - Math.min(gUb, hessFro, hessInf));
        if (radius < previousRadius) lambdaLb = Math.max(lambdaLbSaved, lambdaLb);
        let lambda = lambdaLb === 0 ? 0 : between(lambdaLb, lambdaUb);

        let p: Float64Array = new Float64Array(n);
        let hitsBoundary = true;
        let factor = null as ReturnType<typeof tryDenseCholesky> | null;
        let h = shifted(lambda);
        let solved = false;
        for (let iteration = 0; iteration < maxSubproblemIterations; iteration++) {
          if (factor === null) {
            h = shifted(lambda);
            factor = tryDenseCholesky(h, n);
          }
          const { l, failedPivot } = factor;
          factor = null;
          if (failedPivot < 0 && jacMag > closeToZero) {
            p = denseCholeskySolve(l, n, g.map((v) => -v));
            const pNorm = norm2(p);
            if (pNorm <= radius && lambda === 0) {
              hitsBoundary = false;
              solved = true;
              break;
            }
            const w = denseSolveTriangular(l, n, p, { lower: true });
            const wNorm = norm2(w);
            // Newton step on the secular equation 1/‖p(λ)‖ = 1/Δ.
            const deltaLambda = (pNorm / wNorm) ** 2 * ((pNorm - radius) / radius);
            const lambdaNew = lambda + deltaLambda;
            if (pNorm < radius) {
              // Inside the boundary: try the hard-case step along the approximate null vector.
              const { sMin, zMin } = smallestSingularValue(l, n);
              const [ta, tb] = m.boundaryIntersections(p, zMin, radius);
              const stepLen = Math.abs(ta) <= Math.abs(tb) ? ta : tb;
              const quadraticTerm = dot(p, matVec(h, p, n));
              const relativeError = (stepLen ** 2 * sMin ** 2) / (quadraticTerm + lambda * radius ** 2);
              if (relativeError <= kHard) {
                p = p.map((v, i) => v + stepLen * zMin[i]);
                solved = true;
                break;
              }
              lambdaUb = lambda;
              lambdaLb = Math.max(lambdaLb, lambda - sMin ** 2);
              const hNew = shifted(lambdaNew);
              const attempt = tryDenseCholesky(hNew, n);
              if (attempt.failedPivot < 0) {
                lambda = lambdaNew;
                h = hNew;
                factor = attempt;
              } else {
                lambdaLb = Math.max(lambdaLb, lambdaNew);
                lambda = between(lambdaLb, lambdaUb);
              }
            } else {
              if (Math.abs(pNorm - radius) / radius <= kEasy) {
                solved = true;
                break;
              }
              lambdaLb = lambda;
              lambda = lambdaNew;
            }
          } else if (failedPivot < 0 && jacMag <= closeToZero) {
            if (lambda === 0) {
              p = new Float64Array(n);
              hitsBoundary = false;
              solved = true;
              break;
            }
            const { sMin, zMin } = smallestSingularValue(l, n);
            if (radius ** 2 * sMin ** 2 <= kHard * lambda * radius ** 2) {
              p = zMin.map((v) => radius * v);
              solved = true;
              break;
            }
            lambdaUb = lambda;
            lambdaLb = Math.max(lambdaLb, lambda - sMin ** 2);
            lambda = between(lambdaLb, lambdaUb);
          } else {
            // Not positive definite: the amount δ that makes the leading k×k block singular
            // bounds λ from below (Moré & Sorensen §3).
            const k = failedPivot + 1;
            let delta = -h[(k - 1) * n + (k - 1)];
            for (let j = 0; j < k - 1; j++) delta += l[(k - 1) * n + j] ** 2;
            const v = new Float64Array(n);
            v[k - 1] = 1;
            if (k > 1) {
              const lead = new Float64Array((k - 1) * (k - 1));
              for (let i = 0; i < k - 1; i++) for (let j = 0; j <= i; j++) lead[i * (k - 1) + j] = l[i * n + j];
              const rhs = Float64Array.from({ length: k - 1 }, (_, j) => -l[(k - 1) * n + j]);
              v.set(denseSolveTriangular(lead, k - 1, rhs, { lower: true, transpose: true }));
            }
            const vNorm = norm2(v);
            lambdaLb = Math.max(lambdaLb, lambda + delta / vNorm ** 2);
            lambda = between(lambdaLb, lambdaUb);
          }
          if (!Number.isFinite(lambda)) throw new SubproblemError("trust-exact: λ is not finite");
        }
        if (!solved) throw new SubproblemError("trust-exact: the subproblem did not converge");
        lambdaLbSaved = lambdaLb;
        previousRadius = radius;
        return { p, hitsBoundary };
      },
    };
  };
}

function matVec(a: Float64Array, v: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j] * v[j];
    out[i] = s;
  }
  return out;
}
