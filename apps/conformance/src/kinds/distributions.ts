/** The CDFs the init cases state their draws against (SCHEMA.md, kind `init`). */

/**
 * erfc with relative error below 1.2e-7 everywhere (Numerical Recipes, 2nd ed., §6.2, `erfcc`, a
 * Chebyshev fit): far finer than the 1/√n resolution of a KS test on any sample we draw.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(-z * z + poly);
  return x >= 0 ? value : 2 - value;
}

/** Φ(x) of the standard normal. */
export function standardNormalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

export function uniformCdf(low: number, high: number): (x: number) => number {
  return (x) => (x <= low ? 0 : x >= high ? 1 : (x - low) / (high - low));
}

export function normalCdf(mean: number, std: number): (x: number) => number {
  return (x) => standardNormalCdf((x - mean) / std);
}

/**
 * N(mean, std²) conditioned on [a, b]: (Φ(ξ) − Φ(α)) / (Φ(β) − Φ(α)) in standardized units. A window
 * right of the mean is computed with upper tails, Φ(−·), which keep their relative precision there.
 */
export function truncNormalCdf(mean: number, std: number, a: number, b: number): (x: number) => number {
  const alpha = (a - mean) / std;
  const beta = (b - mean) / std;
  const upper = alpha > 0;
  const tail = (z: number): number => (upper ? standardNormalCdf(-z) : standardNormalCdf(z));
  const mass = upper ? tail(alpha) - tail(beta) : tail(beta) - tail(alpha);
  return (x) => {
    if (x <= a) return 0;
    if (x >= b) return 1;
    const xi = (x - mean) / std;
    return upper ? (tail(alpha) - tail(xi)) / mass : (tail(xi) - tail(alpha)) / mass;
  };
}
