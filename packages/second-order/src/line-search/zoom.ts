/**
 * The interpolation helpers of SciPy's pure-Python strong-Wolfe search (`_cubicmin`, `_quadmin`)
 * and the zoom stage (Nocedal & Wright, Numerical Optimization, 2nd ed., alg. 3.6).
 */

/** Minimizer of the cubic through (a, fa), (b, fb), (c, fc) with slope fpa at a; null if none. */
export function cubicMinimizer(a: number, fa: number, fpa: number, b: number, fb: number, c: number, fc: number): number | null {
  const cc = fpa;
  const db = b - a;
  const dc = c - a;
  const denom = (db * dc) ** 2 * (db - dc);
  const r1 = fb - fa - cc * db;
  const r2 = fc - fa - cc * dc;
  const aa = (dc * dc * r1 - db * db * r2) / denom;
  const bb = (-(dc ** 3) * r1 + db ** 3 * r2) / denom;
  const radical = bb * bb - 3 * aa * cc;
  const xmin = a + (-bb + Math.sqrt(radical)) / (3 * aa);
  // NumPy raises on division by zero / invalid there and SciPy returns None: same here.
  return Number.isFinite(xmin) && denom !== 0 && aa !== 0 && radical >= 0 ? xmin : null;
}

/** Minimizer of the quadratic through (a, fa), (b, fb) with slope fpa at a; null if none. */
export function quadraticMinimizer(a: number, fa: number, fpa: number, b: number, fb: number): number | null {
  const db = b - a;
  const bb = (fb - fa - fpa * db) / (db * db);
  const xmin = a - fpa / (2 * bb);
  return Number.isFinite(xmin) && db !== 0 && bb !== 0 ? xmin : null;
}

export interface ZoomResult {
  alpha: number | null;
  phi: number | null;
  derphi: number | null;
}

/**
 * Zoom between a_lo (the best step so far, satisfying sufficient decrease) and a_hi: cubic
 * interpolation, else quadratic, else bisection when the trial lands within 20 % / 10 % of an end,
 * at most 10 trials (SciPy's `_zoom`).
 */
export function zoom(
  aLo0: number,
  aHi0: number,
  phiLo0: number,
  phiHi0: number,
  derphiLo0: number,
  phi: (alpha: number) => number,
  derphi: (alpha: number) => number,
  phi0: number,
  derphi0: number,
  c1: number,
  c2: number,
  extraCondition: (alpha: number, phi: number) => boolean,
): ZoomResult {
  const maxiter = 10;
  const delta1 = 0.2;
  const delta2 = 0.1;
  let [aLo, aHi, phiLo, phiHi, derphiLo] = [aLo0, aHi0, phiLo0, phiHi0, derphiLo0];
  let phiRec = phi0;
  let aRec = 0;
  for (let i = 0; ; i++) {
    const dalpha = aHi - aLo;
    const [a, b] = dalpha < 0 ? [aHi, aLo] : [aLo, aHi];
    let aj: number | null = null;
    let cchk = 0;
    if (i > 0) {
      cchk = delta1 * dalpha;
      aj = cubicMinimizer(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec);
    }
    if (i === 0 || aj === null || aj > b - cchk || aj < a + cchk) {
      const qchk = delta2 * dalpha;
      aj = quadraticMinimizer(aLo, phiLo, derphiLo, aHi, phiHi);
      if (aj === null || aj > b - qchk || aj < a + qchk) aj = aLo + 0.5 * dalpha;
    }
    const phiAj = phi(aj);
    if (phiAj > phi0 + c1 * aj * derphi0 || phiAj >= phiLo) {
      phiRec = phiHi;
      aRec = aHi;
      aHi = aj;
      phiHi = phiAj;
    } else {
      const derphiAj = derphi(aj);
      if (Math.abs(derphiAj) <= -c2 * derphi0 && extraCondition(aj, phiAj)) return { alpha: aj, phi: phiAj, derphi: derphiAj };
      if (derphiAj * (aHi - aLo) >= 0) {
        phiRec = phiHi;
        aRec = aHi;
        aHi = aLo;
        phiHi = phiLo;
      } else {
        phiRec = phiLo;
        aRec = aLo;
      }
      aLo = aj;
      phiLo = phiAj;
      derphiLo = derphiAj;
    }
    if (i + 1 > maxiter) return { alpha: null, phi: null, derphi: null };
  }
}
