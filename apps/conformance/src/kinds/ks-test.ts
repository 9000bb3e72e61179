/**
 * The one-sample Kolmogorov–Smirnov test: does a sample come from a continuous distribution with CDF F?
 * D = sup |Fₙ(x) − F(x)|; the p-value is P(Dₙ ≥ D) under the null.
 */

/** D = max over the sorted sample of max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n). */
export function ksStatistic(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * P(Dₙ ≥ d). Up to n = 1000: the exact distribution by Marsaglia, Tsang & Wang's matrix power
 * (cost O(m³ log n) with m ≈ 2nd); above, where that gets slow and the asymptotics are good, the
 * Kolmogorov distribution at Stephens' corrected argument (√n + 0.12 + 0.11/√n)·d
 * (Stephens, JRSS B 32, 1970), within a few percent of the exact p-value in the tail that matters.
 */
export function ksPValue(n: number, d: number): number {
  if (!(n >= 1) || !Number.isInteger(n)) throw new Error(`ksPValue: n is ${n}, expected an integer >= 1`);
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  if (n <= 1000) return Math.min(1, Math.max(0, 1 - marsagliaTsangWangCdf(n, d)));
  const rootN = Math.sqrt(n);
  return kolmogorovSurvival((rootN + 0.12 + 0.11 / rootN) * d);
}

/**
 * P(K ≥ λ) for the limiting Kolmogorov distribution K = sup |Brownian bridge|:
 * 2 Σₖ (−1)^(k−1) e^(−2k²λ²) for λ ≥ 1, where it converges in a few terms, else
 * 1 − (√(2π)/λ) Σₖ e^(−(2k−1)²π²/(8λ²)), the Jacobi-theta form that converges fast for small λ.
 */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda <= 0) return 1;
  if (lambda >= 1) {
    let sum = 0;
    for (let k = 1; k <= 100; k++) {
      const term = Math.exp(-2 * k * k * lambda * lambda);
      sum += k % 2 === 1 ? term : -term;
      if (term < 1e-17) break;
    }
    return Math.min(1, Math.max(0, 2 * sum));
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-((2 * k - 1) ** 2) * Math.PI * Math.PI / (8 * lambda * lambda));
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
}

/** Entries are rescaled by 10^±140 to stay within float64; the exponent is carried beside the matrix. */
const scaleExponent = 140;
const scale = 10 ** scaleExponent;

/**
 * P(Dₙ < d), exact: Marsaglia, Tsang & Wang, "Evaluating Kolmogorov's distribution", Journal of
 * Statistical Software 8(18), 2003. With k = ⌊nd⌋ + 1, m = 2k − 1 and h = k − nd, the probability is
 * n!/nⁿ times the (k, k) entry of Hⁿ for an m×m matrix H built from h (Durbin's formula). Their quick
 * tail approximation is used where it is accurate (nd² > 7.24, or > 3.76 with n > 99).
 */
export function marsagliaTsangWangCdf(n: number, d: number): number {
  const s = n * d * d;
  if (s > 7.24 || (s > 3.76 && n > 99)) {
    return 1 - 2 * Math.exp(-(2.000071 + 0.331 / Math.sqrt(n) + 1.409 / n) * s);
  }
  const k = Math.floor(n * d) + 1;
  const m = 2 * k - 1;
  const h = k - n * d;
  const matrix = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) matrix[i * m + j] = i - j + 1 < 0 ? 0 : 1;
  for (let i = 0; i < m; i++) {
    matrix[i * m] -= h ** (i + 1);
    matrix[(m - 1) * m + i] -= h ** (m - i);
  }
  if (2 * h - 1 > 0) matrix[(m - 1) * m] += (2 * h - 1) ** m;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      for (let g = 1; g <= i - j + 1; g++) matrix[i * m + j] /= g;
    }
  }
  const { values, exponent } = matrixPower(matrix, m, n);
  let result = values[(k - 1) * m + (k - 1)];
  let resultExponent = exponent;
  // Multiply by n!/nⁿ one factor at a time, rescaling before it underflows.
  for (let i = 1; i <= n; i++) {
    result = (result * i) / n;
    if (result < 1 / scale) {
      result *= scale;
      resultExponent -= scaleExponent;
    }
  }
  return result * 10 ** resultExponent;
}

interface ScaledMatrix {
  values: Float64Array;
  /** The matrix is values · 10^exponent. */
  exponent: number;
}

/** Aⁿ by repeated squaring, rescaling whenever the centre entry grows past 10^140. */
function matrixPower(a: Float64Array, m: number, n: number): ScaledMatrix {
  if (n === 1) return { values: a, exponent: 0 };
  const half = matrixPower(a, m, Math.floor(n / 2));
  let result: ScaledMatrix = { values: multiply(half.values, half.values, m), exponent: 2 * half.exponent };
  if (n % 2 === 1) result = { values: multiply(a, result.values, m), exponent: result.exponent };
  const centre = Math.floor(m / 2);
  if (result.values[centre * m + centre] > scale) {
    for (let i = 0; i < m * m; i++) result.values[i] /= scale;
    result.exponent += scaleExponent;
  }
  return result;
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) c[i * m + j] += ail * b[l * m + j];
    }
  }
  return c;
}
