import type { Variable } from "../variable";
import { exp } from "./exp";
import { mapElements } from "./map-elements";
import { mul } from "./mul";
import { neg } from "./neg";
import { floatVariable, record } from "./record";

const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt in float64, within a few ulp.
 * |x| < 3: the series erf x = 2/√π · x e^(−x²) Σₙ (2x²)ⁿ / (1·3·…·(2n+1)), whose terms are
 * all positive, so nothing cancels (the alternating Taylor series loses digits past |x| ≈ 2).
 * |x| ≥ 3: 1 − erfc x, with erfc from its continued fraction (erfc 3 ≈ 2.2e−5, so the
 * subtraction loses nothing); past |x| ≈ 5.9, erf x rounds to ±1.
 */
export function erfScalar(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a >= 6) return Math.sign(x);
  if (a >= 3) return Math.sign(x) * (1 - erfcContinuedFraction(a));
  const twoXSquared = 2 * a * a;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 200; n++) {
    term *= twoXSquared / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.sign(x) * TWO_OVER_SQRT_PI * a * Math.exp(-a * a) * sum;
}

/**
 * erfc x for x ≥ 3 from the continued fraction
 * erfc x = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by the modified Lentz method.
 */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const ak = k / 2;
    d = x + ak * d;
    d = d === 0 ? tiny : d;
    c = x + ak / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** erf element-wise. d/dx = 2/√π · e^(−x²). */
export function erf(x: Variable): Variable {
  const input = floatVariable("erf", "x", x);
  return record(
    "erf",
    [input],
    mapElements(input.data, erfScalar),
    (g) => [mul(g, mul(exp(neg(mul(input, input))), TWO_OVER_SQRT_PI))],
    [input.data],
  );
}
