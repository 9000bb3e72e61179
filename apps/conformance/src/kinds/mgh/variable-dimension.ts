import { sizeError, type MghProblem } from "./problem";

const penaltyA = 1e-5;

/** (23) Penalty I, m = n + 1: rᵢ = √a(xᵢ − 1), r_{n+1} = Σ xⱼ² − 1/4, a = 10⁻⁵. */
export const penalty1: MghProblem = {
  name: "penalty1",
  checkSize(n, m) {
    if (n < 1 || m !== n + 1) throw sizeError("penalty1", n, m, "m = n + 1");
  },
  residuals(x, m) {
    const n = x.length;
    const r = new Float64Array(m);
    let s = 0;
    for (let j = 0; j < n; j++) {
      r[j] = Math.sqrt(penaltyA) * (x[j] - 1);
      s += x[j] * x[j];
    }
    r[n] = s - 0.25;
    return r;
  },
  jacobian(x, m) {
    const n = x.length;
    const jac = new Float64Array(m * n);
    for (let j = 0; j < n; j++) {
      jac[j * n + j] = Math.sqrt(penaltyA);
      jac[n * n + j] = 2 * x[j];
    }
    return jac;
  },
  residualCurvature(x, _m, w) {
    const n = x.length;
    const h = new Float64Array(n * n);
    for (let j = 0; j < n; j++) h[j * n + j] = 2 * w[n];
    return h;
  },
};

/**
 * (24) Penalty II, m = 2n: r₁ = x₁ − 0.2; rᵢ = √a(e^(xᵢ/10) + e^(xᵢ₋₁/10) − yᵢ) for 2 ≤ i ≤ n with
 * yᵢ = e^(i/10) + e^((i−1)/10); rᵢ = √a(e^(x_{i−n+1}/10) − e^(−1/10)) for n < i < 2n;
 * r₂ₙ = Σⱼ (n − j + 1)xⱼ² − 1.
 */
export const penalty2: MghProblem = {
  name: "penalty2",
  checkSize(n, m) {
    if (n < 1 || m !== 2 * n) throw sizeError("penalty2", n, m, "m = 2n");
  },
  residuals(x, m) {
    const n = x.length;
    const sa = Math.sqrt(penaltyA);
    const r = new Float64Array(m);
    r[0] = x[0] - 0.2;
    for (let i = 1; i < n; i++) {
      const y = Math.exp((i + 1) / 10) + Math.exp(i / 10);
      r[i] = sa * (Math.exp(x[i] / 10) + Math.exp(x[i - 1] / 10) - y);
    }
    for (let i = n; i < 2 * n - 1; i++) r[i] = sa * (Math.exp(x[i - n + 1] / 10) - Math.exp(-0.1));
    let s = 0;
    for (let j = 0; j < n; j++) s += (n - j) * x[j] * x[j];
    r[2 * n - 1] = s - 1;
    return r;
  },
  jacobian(x, m) {
    const n = x.length;
    const sa = Math.sqrt(penaltyA);
    const jac = new Float64Array(m * n);
    jac[0] = 1;
    for (let i = 1; i < n; i++) {
      jac[i * n + i] = (sa * Math.exp(x[i] / 10)) / 10;
      jac[i * n + i - 1] = (sa * Math.exp(x[i - 1] / 10)) / 10;
    }
    for (let i = n; i < 2 * n - 1; i++) jac[i * n + i - n + 1] = (sa * Math.exp(x[i - n + 1] / 10)) / 10;
    for (let j = 0; j < n; j++) jac[(2 * n - 1) * n + j] = 2 * (n - j) * x[j];
    return jac;
  },
  residualCurvature(x, _m, w) {
    const n = x.length;
    const sa = Math.sqrt(penaltyA);
    const h = new Float64Array(n * n);
    const e = (j: number) => (sa * Math.exp(x[j] / 10)) / 100;
    for (let i = 1; i < n; i++) {
      h[i * n + i] += w[i] * e(i);
      h[(i - 1) * n + i - 1] += w[i] * e(i - 1);
    }
    for (let i = n; i < 2 * n - 1; i++) h[(i - n + 1) * n + i - n + 1] += w[i] * e(i - n + 1);
    for (let j = 0; j < n; j++) h[j * n + j] += w[2 * n - 1] * 2 * (n - j);
    return h;
  },
};

/** (25) Variably dimensioned, m = n + 2: xᵢ − 1, then s = Σ j(xⱼ − 1) and s². */
export const variablyDimensioned: MghProblem = {
  name: "variably_dimensioned",
  checkSize(n, m) {
    if (n < 1 || m !== n + 2) throw sizeError("variably_dimensioned", n, m, "m = n + 2");
  },
  residuals(x, m) {
    const n = x.length;
    const r = new Float64Array(m);
    let s = 0;
    for (let j = 0; j < n; j++) {
      r[j] = x[j] - 1;
      s += (j + 1) * (x[j] - 1);
    }
    r[n] = s;
    r[n + 1] = s * s;
    return r;
  },
  jacobian(x, m) {
    const n = x.length;
    const jac = new Float64Array(m * n);
    let s = 0;
    for (let j = 0; j < n; j++) s += (j + 1) * (x[j] - 1);
    for (let j = 0; j < n; j++) {
      jac[j * n + j] = 1;
      jac[n * n + j] = j + 1;
      jac[(n + 1) * n + j] = 2 * s * (j + 1);
    }
    return jac;
  },
  residualCurvature(x, _m, w) {
    const n = x.length;
    const h = new Float64Array(n * n);
    // ∇²(s²) = 2ccᵀ with cⱼ = j.
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) h[j * n + k] = 2 * w[n + 1] * (j + 1) * (k + 1);
    return h;
  },
};

/** (26) Trigonometric, m = n: rᵢ = n − Σ cos xⱼ + i(1 − cos xᵢ) − sin xᵢ. */
export const trigonometric: MghProblem = {
  name: "trigonometric",
  checkSize(n, m) {
    if (n < 1 || m !== n) throw sizeError("trigonometric", n, m, "m = n");
  },
  residuals(x, m) {
    const n = x.length;
    let sumCos = 0;
    for (const xj of x) sumCos += Math.cos(xj);
    return Float64Array.from({ length: m }, (_, i) => n - sumCos + (i + 1) * (1 - Math.cos(x[i])) - Math.sin(x[i]));
  },
  jacobian(x, m) {
    const n = x.length;
    const jac = new Float64Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) jac[i * n + j] = Math.sin(x[j]);
      jac[i * n + i] += (i + 1) * Math.sin(x[i]) - Math.cos(x[i]);
    }
    return jac;
  },
  residualCurvature(x, m, w) {
    const n = x.length;
    const h = new Float64Array(n * n);
    let wSum = 0;
    for (let i = 0; i < m; i++) wSum += w[i];
    for (let j = 0; j < n; j++) h[j * n + j] = wSum * Math.cos(x[j]) + w[j] * ((j + 1) * Math.cos(x[j]) + Math.sin(x[j]));
    return h;
  },
};

/** (27) Brown almost-linear, m = n: rᵢ = xᵢ + Σ xⱼ − (n + 1) for i < n, rₙ = Π xⱼ − 1. */
export const brownAlmostLinear: MghProblem = {
  name: "brown_almost_linear",
  checkSize(n, m) {
    if (n < 1 || m !== n) throw sizeError("brown_almost_linear", n, m, "m = n");
  },
  residuals(x, m) {
    const n = x.length;
    let sum = 0;
    let prod = 1;
    for (const xj of x) {
      sum += xj;
      prod *= xj;
    }
    const r = Float64Array.from({ length: m }, (_, i) => x[i] + sum - (n + 1));
    r[n - 1] = prod - 1;
    return r;
  },
  jacobian(x, m) {
    const n = x.length;
    const jac = new Float64Array(m * n);
    for (let i = 0; i < n - 1; i++) {
      for (let j = 0; j < n; j++) jac[i * n + j] = 1;
      jac[i * n + i] = 2;
    }
    // ∂(Π x)/∂xⱼ = Π_{l≠j} x_l, computed directly so that zeros in x cause no 0/0.
    for (let j = 0; j < n; j++) {
      let p = 1;
      for (let l = 0; l < n; l++) if (l !== j) p *= x[l];
      jac[(n - 1) * n + j] = p;
    }
    return jac;
  },
  residualCurvature(x, _m, w) {
    const n = x.length;
    const h = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) {
        if (j === k) continue;
        let p = 1;
        for (let l = 0; l < n; l++) if (l !== j && l !== k) p *= x[l];
        h[j * n + k] = w[n - 1] * p;
      }
    }
    return h;
  },
};

/** (28) Discrete boundary value, m = n, h = 1/(n + 1), tᵢ = ih, x₀ = x_{n+1} = 0: 2xᵢ − xᵢ₋₁ − xᵢ₊₁ + h²(xᵢ + tᵢ + 1)³/2. */
export const discreteBoundary: MghProblem = {
  name: "discrete_boundary",
  checkSize(n, m) {
    if (n < 1 || m !== n) throw sizeError("discrete_boundary", n, m, "m = n");
  },
  residuals(x, m) {
    const n = x.length;
    const h = 1 / (n + 1);
    return Float64Array.from({ length: m }, (_, i) => {
      const left = i > 0 ? x[i - 1] : 0;
      const right = i < n - 1 ? x[i + 1] : 0;
      return 2 * x[i] - left - right + (h * h * (x[i] + (i + 1) * h + 1) ** 3) / 2;
    });
  },
  jacobian(x, m) {
    const n = x.length;
    const h = 1 / (n + 1);
    const jac = new Float64Array(m * n);
    for (let i = 0; i < n; i++) {
      jac[i * n + i] = 2 + (3 * h * h * (x[i] + (i + 1) * h + 1) ** 2) / 2;
      if (i > 0) jac[i * n + i - 1] = -1;
      if (i < n - 1) jac[i * n + i + 1] = -1;
    }
    return jac;
  },
  residualCurvature(x, _m, w) {
    const n = x.length;
    const h = 1 / (n + 1);
    const out = new Float64Array(n * n);
    for (let i = 0; i < n; i++) out[i * n + i] = w[i] * 3 * h * h * (x[i] + (i + 1) * h + 1);
    return out;
  },
};

/**
 * (29) Discrete integral equation, m = n:
 * rᵢ = xᵢ + h[(1 − tᵢ)Σ_{j≤i} tⱼ(xⱼ + tⱼ + 1)³ + tᵢ Σ_{j>i} (1 − tⱼ)(xⱼ + tⱼ + 1)³]/2.
 */
function integralWeight(i: number, j: number, h: number): number {
  const ti = (i + 1) * h;
  const tj = (j + 1) * h;
  return j <= i ? (1 - ti) * tj : ti * (1 - tj);
}

export const discreteIntegral: MghProblem = {
  name: "discrete_integral",
  checkSize(n, m) {
    if (n < 1 || m !== n) throw sizeError("discrete_integral", n, m, "m = n");
  },
  residuals(x, m) {
    const n = x.length;
    const h = 1 / (n + 1);
    return Float64Array.from({ length: m }, (_, i) => {
      let s = 0;
      for (let j = 0; j < n; j++) s += integralWeight(i, j, h) * (x[j] + (j + 1) * h + 1) ** 3;
      return x[i] + (h * s) / 2;
    });
  },
  jacobian(x, m) {
    const n = x.length;
    const h = 1 / (n + 1);
    const jac = new Float64Array(m * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) jac[i * n + j] = (h / 2) * integralWeight(i, j, h) * 3 * (x[j] + (j + 1) * h + 1) ** 2;
      jac[i * n + i] += 1;
    }
    return jac;
  },
  residualCurvature(x, m, w) {
    const n = x.length;
    const h = 1 / (n + 1);
    const out = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += w[i] * integralWeight(i, j, h);
      out[j * n + j] = (h / 2) * s * 6 * (x[j] + (j + 1) * h + 1);
    }
    return out;
  },
};

/** (30) Broyden tridiagonal, m = n: (3 − 2xᵢ)xᵢ − xᵢ₋₁ − 2xᵢ₊₁ + 1, x₀ = x_{n+1} = 0. */
export const broydenTridiagonal: MghProblem = {
  name: "broyden_tridiagonal",
  checkSize(n, m) {
    if (n < 1 || m !== n) throw sizeError("broyden_tridiagonal", n, m, "m = n");
  },
  residuals(x, m) {
    const n = x.length;
    return Float64Array.from({ length: m }, (_, i) => (3 - 2 * x[i]) * x[i] - (i > 0 ? x[i - 1] : 0) - 2 * (i < n - 1 ? x[i + 1] : 0) + 1);
  },
  jacobian(x, m) {
    const n = x.length;
    const jac = new Float64Array(m * n);
    for (let i = 0; i < n; i++) {
      jac[i * n + i] = 3 - 4 * x[i];
      if (i > 0) jac[i * n + i - 1] = -1;
      if (i < n - 1) jac[i * n + i + 1] = -2;
    }
    return jac;
  },
  residualCurvature(x, _m, w) {
    const n = x.length;
    const h = new Float64Array(n * n);
    for (let i = 0; i < n; i++) h[i * n + i] = -4 * w[i];
    return h;
  },
};

/** Jᵢ of Broyden banded: j ≠ i with max(1, i − 5) ≤ j ≤ min(n, i + 1) (0-based here). */
function band(i: number, n: number): number[] {
  const out: number[] = [];
  for (let j = Math.max(0, i - 5); j <= Math.min(n - 1, i + 1); j++) if (j !== i) out.push(j);
  return out;
}

/** (31) Broyden banded, m = n: xᵢ(2 + 5xᵢ²) + 1 − Σ_{j∈Jᵢ} xⱼ(1 + xⱼ). */
export const broydenBanded: MghProblem = {
  name: "broyden_banded",
  checkSize(n, m) {
    if (n < 1 || m !== n) throw sizeError("broyden_banded", n, m, "m = n");
  },
  residuals(x, m) {
    const n = x.length;
    return Float64Array.from({ length: m }, (_, i) => {
      let s = 0;
      for (const j of band(i, n)) s += x[j] * (1 + x[j]);
      return x[i] * (2 + 5 * x[i] * x[i]) + 1 - s;
    });
  },
  jacobian(x, m) {
    const n = x.length;
    const jac = new Float64Array(m * n);
    for (let i = 0; i < n; i++) {
      jac[i * n + i] = 2 + 15 * x[i] * x[i];
      for (const j of band(i, n)) jac[i * n + j] = -(1 + 2 * x[j]);
    }
    return jac;
  },
  residualCurvature(x, _m, w) {
    const n = x.length;
    const h = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      h[i * n + i] += 30 * x[i] * w[i];
      for (const j of band(i, n)) h[j * n + j] += -2 * w[i];
    }
    return h;
  },
};

/** (32) Linear function, full rank, m ≥ n (2n in the cases): xᵢ − (2/m)Σxⱼ − 1 for i ≤ n, −(2/m)Σxⱼ − 1 after. */
export const linearFullRank: MghProblem = {
  name: "linear_full_rank",
  checkSize(n, m) {
    if (n < 1 || m < n) throw sizeError("linear_full_rank", n, m, "m >= n");
  },
  residuals(x, m) {
    const n = x.length;
    let s = 0;
    for (const xj of x) s += xj;
    return Float64Array.from({ length: m }, (_, i) => (i < n ? x[i] : 0) - (2 / m) * s - 1);
  },
  jacobian(x, m) {
    const n = x.length;
    const jac = new Float64Array(m * n).fill(-2 / m);
    for (let i = 0; i < n; i++) jac[i * n + i] += 1;
    return jac;
  },
  residualCurvature(x) {
    return new Float64Array(x.length * x.length);
  },
};

/**
 * Shifted Chebyshev polynomial Tₖ(2x − 1) on [0, 1] with its first two x-derivatives, by the
 * three-term recurrence T_{k+1} = 2yT_k − T_{k−1} differentiated term by term (y = 2x − 1).
 */
function shiftedChebyshev(k: number, x: number): [number, number, number] {
  const y = 2 * x - 1;
  let t0 = 1;
  let t1 = y;
  let d0 = 0;
  let d1 = 1;
  let s0 = 0;
  let s1 = 0;
  if (k === 0) return [1, 0, 0];
  for (let j = 1; j < k; j++) {
    const t2 = 2 * y * t1 - t0;
    const d2 = 2 * t1 + 2 * y * d1 - d0;
    const s2 = 4 * d1 + 2 * y * s1 - s0;
    [t0, t1, d0, d1, s0, s1] = [t1, t2, d1, d2, s1, s2];
  }
  return [t1, 2 * d1, 4 * s1];
}

/** (35) Chebyquad, m ≥ n (m = n in the cases): rᵢ = (1/n)Σⱼ Tᵢ(xⱼ) − ∫₀¹Tᵢ, ∫₀¹Tᵢ = 0 (i odd), −1/(i² − 1) (i even). */
export const chebyquad: MghProblem = {
  name: "chebyquad",
  checkSize(n, m) {
    if (n < 1 || m < n) throw sizeError("chebyquad", n, m, "m >= n");
  },
  residuals(x, m) {
    const n = x.length;
    return Float64Array.from({ length: m }, (_, i) => {
      const k = i + 1;
      let s = 0;
      for (const xj of x) s += shiftedChebyshev(k, xj)[0];
      return s / n - (k % 2 === 0 ? -1 / (k * k - 1) : 0);
    });
  },
  jacobian(x, m) {
    const n = x.length;
    const jac = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) jac[i * n + j] = shiftedChebyshev(i + 1, x[j])[1] / n;
    return jac;
  },
  residualCurvature(x, m, w) {
    const n = x.length;
    const h = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += (w[i] * shiftedChebyshev(i + 1, x[j])[2]) / n;
      h[j * n + j] = s;
    }
    return h;
  },
};
