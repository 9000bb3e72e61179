import { dot, norm2 } from "../vector";
import type { QuadraticModel, SubproblemSolver } from "./trust-region";

/**
 * Steihaug–Toint truncated CG for the trust-region subproblem (Nocedal & Wright, 2nd ed.,
 * alg. 7.2), SciPy's CGSteihaugSubproblem: CG on Bp = −g from p = 0 until the residual is below
 * min(½, √‖g‖)·‖g‖, stopping on the boundary when a step leaves the region or when negative
 * curvature appears (then the better of the two boundary points along d). Needs only B·v.
 * The inner loop is bounded (CG ends in ≤ n steps in exact arithmetic; 2n + 10 allowed).
 */
export const steihaug: SubproblemSolver = {
  solve(m: QuadraticModel, radius: number) {
    const n = m.x.length;
    const pOrigin = new Float64Array(n);
    const tolerance = Math.min(0.5, Math.sqrt(m.jacMag)) * m.jacMag;
    if (m.jacMag < tolerance) return { p: pOrigin, hitsBoundary: false };
    let z = pOrigin;
    let r = m.jac;
    let d = r.map((v) => -v);
    const maxSteps = 2 * n + 10;
    for (let step = 0; step < maxSteps; step++) {
      const bd = m.hessp(d);
      const dBd = dot(d, bd);
      if (dBd <= 0) {
        const [ta, tb] = m.boundaryIntersections(z, d, radius);
        const pa = z.map((v, i) => v + ta * d[i]);
        const pb = z.map((v, i) => v + tb * d[i]);
        return { p: m.predict(pa) < m.predict(pb) ? pa : pb, hitsBoundary: true };
      }
      const rSquared = dot(r, r);
      const alpha = rSquared / dBd;
      const zNext = z.map((v, i) => v + alpha * d[i]);
      if (norm2(zNext) >= radius) {
        const [, tb] = m.boundaryIntersections(z, d, radius);
        return { p: z.map((v, i) => v + tb * d[i]), hitsBoundary: true };
      }
      const rNext = r.map((v, i) => v + alpha * bd[i]);
      const rNextSquared = dot(rNext, rNext);
      if (Math.sqrt(rNextSquared) < tolerance) return { p: zNext, hitsBoundary: false };
      const betaNext = rNextSquared / rSquared;
      d = rNext.map((v, i) => -v + betaNext * d[i]);
      z = zNext;
      r = rNext;
    }
    return { p: z, hitsBoundary: false };
  },
};
