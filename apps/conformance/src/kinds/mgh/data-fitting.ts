import { addSymmetric, fixedSize, sizeError, type MghProblem } from "./problem";

/**
 * Builds a problem whose residual i depends on x through a per-residual function returning the
 * value, gradient and Hessian of rᵢ; the three MghProblem views are assembled from it. Used by
 * the data-fitting problems, where each residual is a small closed form.
 */
interface ResidualTerm {
  value: number;
  /** Sparse gradient: [index, ∂rᵢ/∂x_index] pairs. */
  gradient: [number, number][];
  /** Sparse upper-triangle Hessian: [j, k, ∂²rᵢ/∂xⱼ∂xₖ] with j ≤ k. */
  hessian: [number, number, number][];
}

function fromTerms(name: string, checkSize: MghProblem["checkSize"], term: (x: Float64Array, i: number, m: number) => ResidualTerm): MghProblem {
  return {
    name,
    checkSize,
    residuals(x, m) {
      return Float64Array.from({ length: m }, (_, i) => term(x, i, m).value);
    },
    jacobian(x, m) {
      const n = x.length;
      const jac = new Float64Array(m * n);
      for (let i = 0; i < m; i++) for (const [j, v] of term(x, i, m).gradient) jac[i * n + j] += v;
      return jac;
    },
    residualCurvature(x, m, w) {
      const n = x.length;
      const h = new Float64Array(n * n);
      for (let i = 0; i < m; i++) for (const [j, k, v] of term(x, i, m).hessian) addSymmetric(h, n, j, k, w[i] * v);
      return h;
    },
  };
}

const bealeY = [1.5, 2.25, 2.625];

/** (5) Beale, n = 2, m = 3: rᵢ = yᵢ − x₁(1 − x₂ⁱ). */
export const beale = fromTerms("beale", fixedSize("beale", 2, 3), (x, i) => {
  const [x1, x2] = x;
  const p = i + 1;
  return {
    value: bealeY[i] - x1 * (1 - x2 ** p),
    gradient: [
      [0, -(1 - x2 ** p)],
      [1, x1 * p * x2 ** (p - 1)],
    ],
    hessian: [
      [0, 1, p * x2 ** (p - 1)],
      [1, 1, p === 1 ? 0 : x1 * p * (p - 1) * x2 ** (p - 2)],
    ],
  };
});

/** (6) Jennrich and Sampson, n = 2, m ≥ 2 (10 in the cases): rᵢ = 2 + 2i − (e^(ix₁) + e^(ix₂)). */
export const jennrichSampson = fromTerms("jennrich_sampson", fixedSize("jennrich_sampson", 2, 10, 2), (x, i) => {
  const t = i + 1;
  const e1 = Math.exp(t * x[0]);
  const e2 = Math.exp(t * x[1]);
  return {
    value: 2 + 2 * t - (e1 + e2),
    gradient: [
      [0, -t * e1],
      [1, -t * e2],
    ],
    hessian: [
      [0, 0, -t * t * e1],
      [1, 1, -t * t * e2],
    ],
  };
});

const bardY = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.1, 4.39];

/** (8) Bard, n = 3, m = 15: rᵢ = yᵢ − (x₁ + uᵢ/(vᵢx₂ + wᵢx₃)), u = i, v = 16 − i, w = min(u, v). */
export const bard = fromTerms("bard", fixedSize("bard", 3, 15), (x, i) => {
  const u = i + 1;
  const v = 16 - u;
  const w = Math.min(u, v);
  const d = v * x[1] + w * x[2];
  const d2 = d * d;
  const d3 = d2 * d;
  return {
    value: bardY[i] - (x[0] + u / d),
    gradient: [
      [0, -1],
      [1, (u * v) / d2],
      [2, (u * w) / d2],
    ],
    hessian: [
      [1, 1, (-2 * u * v * v) / d3],
      [1, 2, (-2 * u * v * w) / d3],
      [2, 2, (-2 * u * w * w) / d3],
    ],
  };
});

const gaussianY = [0.0009, 0.0044, 0.0175, 0.054, 0.1295, 0.242, 0.3521, 0.3989, 0.3521, 0.242, 0.1295, 0.054, 0.0175, 0.0044, 0.0009];

/** (9) Gaussian, n = 3, m = 15: rᵢ = x₁·exp(−x₂(tᵢ − x₃)²/2) − yᵢ, tᵢ = (8 − i)/2. */
export const gaussian = fromTerms("gaussian", fixedSize("gaussian", 3, 15), (x, i) => {
  const [x1, x2, x3] = x;
  const d = (8 - (i + 1)) / 2 - x3;
  const e = Math.exp((-x2 * d * d) / 2);
  return {
    value: x1 * e - gaussianY[i],
    gradient: [
      [0, e],
      [1, (-x1 * e * d * d) / 2],
      [2, x1 * e * x2 * d],
    ],
    hessian: [
      [0, 1, (-e * d * d) / 2],
      [0, 2, e * x2 * d],
      [1, 1, (x1 * e * d ** 4) / 4],
      [1, 2, x1 * e * (d - (x2 * d ** 3) / 2)],
      [2, 2, x1 * x2 * e * (x2 * d * d - 1)],
    ],
  };
});

const meyerY = [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872];

/** (10) Meyer, n = 3, m = 16: rᵢ = x₁·exp(x₂/(tᵢ + x₃)) − yᵢ, tᵢ = 45 + 5i. */
export const meyer = fromTerms("meyer", fixedSize("meyer", 3, 16), (x, i) => {
  const [x1, x2, x3] = x;
  const t = 45 + 5 * (i + 1) + x3;
  const e = Math.exp(x2 / t);
  return {
    value: x1 * e - meyerY[i],
    gradient: [
      [0, e],
      [1, (x1 * e) / t],
      [2, (-x1 * e * x2) / (t * t)],
    ],
    hessian: [
      [0, 1, e / t],
      [0, 2, (-e * x2) / (t * t)],
      [1, 1, (x1 * e) / (t * t)],
      [1, 2, (-x1 * e * (x2 + t)) / t ** 3],
      [2, 2, (x1 * x2 * e * (x2 + 2 * t)) / t ** 4],
    ],
  };
});

/**
 * (11) Gulf research and development, n = 3, n ≤ m ≤ 100 (99 in the cases):
 * rᵢ = exp(−|yᵢ − x₂|^x₃ / x₁) − tᵢ, tᵢ = i/100, yᵢ = 25 + (−50 ln tᵢ)^(2/3)
 * (the paper's "|yᵢ m i x₂|" is a misprint for |yᵢ − x₂|, SCHEMA.md).
 */
export const gulf = fromTerms(
  "gulf",
  (n, m) => {
    if (n !== 3 || m < 3 || m > 100) throw sizeError("gulf", n, m, "n = 3 and 3 <= m <= 100");
  },
  (x, i) => {
    const [x1, x2, x3] = x;
    const t = (i + 1) / 100;
    const y = 25 + (-50 * Math.log(t)) ** (2 / 3);
    const s = Math.sign(y - x2);
    const a = Math.abs(y - x2);
    const la = Math.log(a);
    const p = a ** x3;
    // P = a^x₃ with a = |y − x₂|, da/dx₂ = −s.
    const p2 = -s * x3 * a ** (x3 - 1);
    const p22 = x3 * (x3 - 1) * a ** (x3 - 2);
    const p3 = p * la;
    const p33 = p * la * la;
    const p23 = -s * a ** (x3 - 1) * (x3 * la + 1);
    // r = e^g − t with g = −P/x₁: ∂r = e^g·∂g, ∂²r = e^g·(∂g∂gᵀ + ∂²g).
    const e = Math.exp(-p / x1);
    const g = [p / (x1 * x1), -p2 / x1, -p3 / x1];
    const gg = [
      [(-2 * p) / x1 ** 3, p2 / (x1 * x1), p3 / (x1 * x1)],
      [0, -p22 / x1, -p23 / x1],
      [0, 0, -p33 / x1],
    ];
    const hessian: [number, number, number][] = [];
    for (let j = 0; j < 3; j++) for (let k = j; k < 3; k++) hessian.push([j, k, e * (g[j] * g[k] + gg[j][k])]);
    return {
      value: e - t,
      gradient: [
        [0, e * g[0]],
        [1, e * g[1]],
        [2, e * g[2]],
      ],
      hessian,
    };
  },
);

/** (12) Box three-dimensional, n = 3, m ≥ 3 (10 in the cases): tᵢ = i/10. */
export const box3d = fromTerms("box3d", fixedSize("box3d", 3, 10, 3), (x, i) => {
  const t = (i + 1) / 10;
  const e1 = Math.exp(-t * x[0]);
  const e2 = Math.exp(-t * x[1]);
  const c = Math.exp(-t) - Math.exp(-10 * t);
  return {
    value: e1 - e2 - x[2] * c,
    gradient: [
      [0, -t * e1],
      [1, t * e2],
      [2, -c],
    ],
    hessian: [
      [0, 0, t * t * e1],
      [1, 1, -t * t * e2],
    ],
  };
});

const kowalikY = [0.1957, 0.1947, 0.1735, 0.16, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];
const kowalikU = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];

/** (15) Kowalik and Osborne, n = 4, m = 11: rᵢ = yᵢ − x₁(uᵢ² + uᵢx₂)/(uᵢ² + uᵢx₃ + x₄). */
export const kowalikOsborne = fromTerms("kowalik_osborne", fixedSize("kowalik_osborne", 4, 11), (x, i) => {
  const [x1, x2, x3, x4] = x;
  const u = kowalikU[i];
  const num = u * u + u * x2;
  const den = u * u + u * x3 + x4;
  const d2 = den * den;
  const d3 = d2 * den;
  return {
    value: kowalikY[i] - (x1 * num) / den,
    gradient: [
      [0, -num / den],
      [1, (-x1 * u) / den],
      [2, (x1 * num * u) / d2],
      [3, (x1 * num) / d2],
    ],
    hessian: [
      [0, 1, -u / den],
      [0, 2, (num * u) / d2],
      [0, 3, num / d2],
      [1, 2, (x1 * u * u) / d2],
      [1, 3, (x1 * u) / d2],
      [2, 2, (-2 * x1 * num * u * u) / d3],
      [2, 3, (-2 * x1 * num * u) / d3],
      [3, 3, (-2 * x1 * num) / d3],
    ],
  };
});

/** (16) Brown and Dennis, n = 4, m ≥ 4 (20 in the cases): rᵢ = A² + B², A = x₁ + tx₂ − eᵗ, B = x₃ + x₄ sin t − cos t, t = i/5. */
export const brownDennis = fromTerms("brown_dennis", fixedSize("brown_dennis", 4, 20, 4), (x, i) => {
  const t = (i + 1) / 5;
  const st = Math.sin(t);
  const a = x[0] + t * x[1] - Math.exp(t);
  const b = x[2] + x[3] * st - Math.cos(t);
  // ∇A = (1, t, 0, 0), ∇B = (0, 0, 1, sin t); ∇²r = 2∇A∇Aᵀ + 2∇B∇Bᵀ.
  return {
    value: a * a + b * b,
    gradient: [
      [0, 2 * a],
      [1, 2 * a * t],
      [2, 2 * b],
      [3, 2 * b * st],
    ],
    hessian: [
      [0, 0, 2],
      [0, 1, 2 * t],
      [1, 1, 2 * t * t],
      [2, 2, 2],
      [2, 3, 2 * st],
      [3, 3, 2 * st * st],
    ],
  };
});

const osborne1Y = [
  0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.85, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603, 0.58, 0.558, 0.538, 0.522, 0.506,
  0.49, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.42, 0.414, 0.411, 0.406,
];

/** (17) Osborne 1, n = 5, m = 33: rᵢ = yᵢ − (x₁ + x₂e^(−tᵢx₄) + x₃e^(−tᵢx₅)), tᵢ = 10(i − 1). */
export const osborne1 = fromTerms("osborne1", fixedSize("osborne1", 5, 33), (x, i) => {
  const t = 10 * i;
  const e4 = Math.exp(-t * x[3]);
  const e5 = Math.exp(-t * x[4]);
  return {
    value: osborne1Y[i] - (x[0] + x[1] * e4 + x[2] * e5),
    gradient: [
      [0, -1],
      [1, -e4],
      [2, -e5],
      [3, x[1] * t * e4],
      [4, x[2] * t * e5],
    ],
    hessian: [
      [1, 3, t * e4],
      [2, 4, t * e5],
      [3, 3, -x[1] * t * t * e4],
      [4, 4, -x[2] * t * t * e5],
    ],
  };
});

/** (18) Biggs EXP6, n = 6, m ≥ 6 (13 in the cases): rᵢ = x₃e^(−tx₁) − x₄e^(−tx₂) + x₆e^(−tx₅) − yᵢ, t = i/10. */
export const biggsExp6 = fromTerms("biggs_exp6", fixedSize("biggs_exp6", 6, 13, 6), (x, i) => {
  const t = (i + 1) / 10;
  const y = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
  const e1 = Math.exp(-t * x[0]);
  const e2 = Math.exp(-t * x[1]);
  const e5 = Math.exp(-t * x[4]);
  return {
    value: x[2] * e1 - x[3] * e2 + x[5] * e5 - y,
    gradient: [
      [0, -t * x[2] * e1],
      [1, t * x[3] * e2],
      [2, e1],
      [3, -e2],
      [4, -t * x[5] * e5],
      [5, e5],
    ],
    hessian: [
      [0, 0, t * t * x[2] * e1],
      [0, 2, -t * e1],
      [1, 1, -t * t * x[3] * e2],
      [1, 3, t * e2],
      [4, 4, t * t * x[5] * e5],
      [4, 5, -t * e5],
    ],
  };
});

const osborne2Y = [
  1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679, 0.608, 0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649,
  0.649, 0.694, 0.644, 0.624, 0.661, 0.612, 0.558, 0.533, 0.495, 0.5, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428, 0.429, 0.523, 0.562,
  0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559, 0.597, 0.625, 0.739, 0.71, 0.729, 0.72, 0.636, 0.581, 0.428, 0.292, 0.162,
  0.098, 0.054,
];

/**
 * (19) Osborne 2, n = 11, m = 65: rᵢ = yᵢ − (x₁e^(−tx₅) + Σₖ x_k·exp(−(t − x_{k+7})²x_{k+4})), k = 2, 3, 4,
 * tᵢ = (i − 1)/10.
 */
export const osborne2 = fromTerms("osborne2", fixedSize("osborne2", 11, 65), (x, i) => {
  const t = i / 10;
  const e5 = Math.exp(-t * x[4]);
  let model = x[0] * e5;
  const gradient: [number, number][] = [
    [0, -e5],
    [4, t * x[0] * e5],
  ];
  const hessian: [number, number, number][] = [
    [0, 4, t * e5],
    [4, 4, -t * t * x[0] * e5],
  ];
  // Each Gaussian bump: amplitude a = x[k], width w = x[k+4], centre c = x[k+7]; r = y − model,
  // so every derivative of the model enters with a minus sign.
  for (let k = 1; k <= 3; k++) {
    const a = x[k];
    const w = x[k + 4];
    const d = t - x[k + 7];
    const g = Math.exp(-d * d * w);
    model += a * g;
    gradient.push([k, -g], [k + 4, a * d * d * g], [k + 7, -2 * a * w * d * g]);
    hessian.push(
      [k, k + 4, d * d * g],
      [k, k + 7, -2 * w * d * g],
      [k + 4, k + 4, -a * d ** 4 * g],
      [k + 4, k + 7, -a * g * (2 * d - 2 * w * d ** 3)],
      [k + 7, k + 7, -2 * a * w * g * (2 * w * d * d - 1)],
    );
  }
  return { value: osborne2Y[i] - model, gradient, hessian };
});

/**
 * (20) Watson, 2 ≤ n ≤ 31, m = 31: for i ≤ 29, tᵢ = i/29,
 * rᵢ = Σ_{j≥2} (j − 1)xⱼt^(j−2) − (Σ_j xⱼt^(j−1))² − 1; r₃₀ = x₁, r₃₁ = x₂ − x₁² − 1.
 */
export const watson = fromTerms(
  "watson",
  (n, m) => {
    if (n < 2 || n > 31 || m !== 31) throw sizeError("watson", n, m, "2 <= n <= 31 and m = 31");
  },
  (x, i) => {
    const n = x.length;
    if (i === 29) return { value: x[0], gradient: [[0, 1]], hessian: [] };
    if (i === 30) {
      return {
        value: x[1] - x[0] * x[0] - 1,
        gradient: [
          [0, -2 * x[0]],
          [1, 1],
        ],
        hessian: [[0, 0, -2]],
      };
    }
    const t = (i + 1) / 29;
    let sum1 = 0;
    let s = 0;
    for (let j = 0; j < n; j++) {
      if (j > 0) sum1 += j * x[j] * t ** (j - 1);
      s += x[j] * t ** j;
    }
    const gradient: [number, number][] = [];
    const hessian: [number, number, number][] = [];
    // ∇²rᵢ = −2aaᵀ with aⱼ = t^(j−1) (1-based j).
    for (let j = 0; j < n; j++) {
      gradient.push([j, (j > 0 ? j * t ** (j - 1) : 0) - 2 * s * t ** j]);
      for (let k = j; k < n; k++) hessian.push([j, k, -2 * t ** j * t ** k]);
    }
    return { value: sum1 - s * s - 1, gradient, hessian };
  },
);
