import { addSymmetric, fixedSize, sizeError, type MghProblem } from "./problem";

/** (1) Extended Rosenbrock, n even, m = n: r₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²), r₂ᵢ = 1 − x₂ᵢ₋₁. */
export const rosenbrock: MghProblem = {
  name: "rosenbrock",
  checkSize(n, m) {
    if (n < 2 || n % 2 !== 0 || m !== n) throw sizeError("rosenbrock", n, m, "n even and m = n");
  },
  residuals(x, m) {
    const r = new Float64Array(m);
    for (let k = 0; k < m; k += 2) {
      r[k] = 10 * (x[k + 1] - x[k] * x[k]);
      r[k + 1] = 1 - x[k];
    }
    return r;
  },
  jacobian(x, m) {
    const n = x.length;
    const jac = new Float64Array(m * n);
    for (let k = 0; k < m; k += 2) {
      jac[k * n + k] = -20 * x[k];
      jac[k * n + k + 1] = 10;
      jac[(k + 1) * n + k] = -1;
    }
    return jac;
  },
  residualCurvature(x, m, w) {
    const n = x.length;
    const h = new Float64Array(n * n);
    // ∂²r₂ᵢ₋₁/∂x₂ᵢ₋₁² = −20; every other second derivative is 0.
    for (let k = 0; k < m; k += 2) h[k * n + k] += -20 * w[k];
    return h;
  },
};

/** (2) Freudenstein and Roth, n = m = 2. */
export const freudensteinRoth: MghProblem = {
  name: "freudenstein_roth",
  checkSize: fixedSize("freudenstein_roth", 2, 2),
  residuals(x) {
    const [x1, x2] = x;
    return Float64Array.of(-13 + x1 + ((5 - x2) * x2 - 2) * x2, -29 + x1 + ((x2 + 1) * x2 - 14) * x2);
  },
  jacobian(x) {
    const x2 = x[1];
    // d/dx₂ of 5x₂² − x₂³ − 2x₂ and of x₂³ + x₂² − 14x₂.
    return Float64Array.of(1, 10 * x2 - 3 * x2 * x2 - 2, 1, 3 * x2 * x2 + 2 * x2 - 14);
  },
  residualCurvature(x, _m, w) {
    const x2 = x[1];
    return Float64Array.of(0, 0, 0, w[0] * (10 - 6 * x2) + w[1] * (6 * x2 + 2));
  },
};

/** (3) Powell badly scaled, n = m = 2: r₁ = 10⁴x₁x₂ − 1, r₂ = e^(−x₁) + e^(−x₂) − 1.0001. */
export const powellBadlyScaled: MghProblem = {
  name: "powell_badly_scaled",
  checkSize: fixedSize("powell_badly_scaled", 2, 2),
  residuals(x) {
    return Float64Array.of(1e4 * x[0] * x[1] - 1, Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001);
  },
  jacobian(x) {
    return Float64Array.of(1e4 * x[1], 1e4 * x[0], -Math.exp(-x[0]), -Math.exp(-x[1]));
  },
  residualCurvature(x, _m, w) {
    return Float64Array.of(w[1] * Math.exp(-x[0]), w[0] * 1e4, w[0] * 1e4, w[1] * Math.exp(-x[1]));
  },
};

/** (4) Brown badly scaled, n = 2, m = 3: x₁ − 10⁶, x₂ − 2·10⁻⁶, x₁x₂ − 2. */
export const brownBadlyScaled: MghProblem = {
  name: "brown_badly_scaled",
  checkSize: fixedSize("brown_badly_scaled", 2, 3),
  residuals(x) {
    return Float64Array.of(x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2);
  },
  jacobian(x) {
    return Float64Array.of(1, 0, 0, 1, x[1], x[0]);
  },
  residualCurvature(_x, _m, w) {
    return Float64Array.of(0, w[2], w[2], 0);
  },
};

/** θ of the helical valley: arctan(x₂/x₁)/(2π), plus 1/2 when x₁ < 0 (SCHEMA.md). */
function helicalTheta(x1: number, x2: number): number {
  return Math.atan(x2 / x1) / (2 * Math.PI) + (x1 < 0 ? 0.5 : 0);
}

/** (7) Helical valley, n = m = 3: 10(x₃ − 10θ), 10(√(x₁² + x₂²) − 1), x₃. */
export const helicalValley: MghProblem = {
  name: "helical_valley",
  checkSize: fixedSize("helical_valley", 3, 3),
  residuals(x) {
    const [x1, x2, x3] = x;
    return Float64Array.of(10 * (x3 - 10 * helicalTheta(x1, x2)), 10 * (Math.hypot(x1, x2) - 1), x3);
  },
  jacobian(x) {
    const [x1, x2] = x;
    const s = x1 * x1 + x2 * x2;
    const rho = Math.sqrt(s);
    // ∂θ/∂x₁ = −x₂/(2πs), ∂θ/∂x₂ = x₁/(2πs) on both branches.
    const c = 100 / (2 * Math.PI * s);
    return Float64Array.of(c * x2, -c * x1, 10, (10 * x1) / rho, (10 * x2) / rho, 0, 0, 0, 1);
  },
  residualCurvature(x, _m, w) {
    const [x1, x2] = x;
    const s = x1 * x1 + x2 * x2;
    const rho = Math.sqrt(s);
    // ∇²θ = [[2x₁x₂, x₂² − x₁²], [x₂² − x₁², −2x₁x₂]] / (2πs²); r₁ carries −100·∇²θ.
    const c = -100 / (2 * Math.PI * s * s);
    // ∇²ρ = [[x₂², −x₁x₂], [−x₁x₂, x₁²]] / ρ³; r₂ carries 10·∇²ρ.
    const d = 10 / (rho * rho * rho);
    const h11 = w[0] * c * 2 * x1 * x2 + w[1] * d * x2 * x2;
    const h12 = w[0] * c * (x2 * x2 - x1 * x1) - w[1] * d * x1 * x2;
    const h22 = -w[0] * c * 2 * x1 * x2 + w[1] * d * x1 * x1;
    return Float64Array.of(h11, h12, 0, h12, h22, 0, 0, 0, 0);
  },
};

/** The four residuals of Powell's singular function on the block starting at `o`. */
function powellBlock(x: Float64Array, o: number, r: Float64Array): void {
  r[o] = x[o] + 10 * x[o + 1];
  r[o + 1] = Math.sqrt(5) * (x[o + 2] - x[o + 3]);
  r[o + 2] = (x[o + 1] - 2 * x[o + 2]) ** 2;
  r[o + 3] = Math.sqrt(10) * (x[o] - x[o + 3]) ** 2;
}

function powellBlockJacobian(x: Float64Array, o: number, n: number, jac: Float64Array): void {
  const u = x[o + 1] - 2 * x[o + 2];
  const v = x[o] - x[o + 3];
  jac[o * n + o] = 1;
  jac[o * n + o + 1] = 10;
  jac[(o + 1) * n + o + 2] = Math.sqrt(5);
  jac[(o + 1) * n + o + 3] = -Math.sqrt(5);
  jac[(o + 2) * n + o + 1] = 2 * u;
  jac[(o + 2) * n + o + 2] = -4 * u;
  jac[(o + 3) * n + o] = 2 * Math.sqrt(10) * v;
  jac[(o + 3) * n + o + 3] = -2 * Math.sqrt(10) * v;
}

function powellBlockCurvature(o: number, n: number, w: Float64Array, h: Float64Array): void {
  // r₃ = u² with ∇u = (0, 1, −2, 0): ∇²r₃ = 2∇u∇uᵀ. r₄ = √10·v² with ∇v = (1, 0, 0, −1).
  const a = 2 * w[o + 2];
  addSymmetric(h, n, o + 1, o + 1, a);
  addSymmetric(h, n, o + 1, o + 2, -2 * a);
  addSymmetric(h, n, o + 2, o + 2, 4 * a);
  const b = 2 * Math.sqrt(10) * w[o + 3];
  addSymmetric(h, n, o, o, b);
  addSymmetric(h, n, o, o + 3, -b);
  addSymmetric(h, n, o + 3, o + 3, b);
}

function powellFamily(name: string, check: (n: number, m: number) => void): MghProblem {
  return {
    name,
    checkSize: check,
    residuals(x, m) {
      const r = new Float64Array(m);
      for (let o = 0; o < m; o += 4) powellBlock(x, o, r);
      return r;
    },
    jacobian(x, m) {
      const n = x.length;
      const jac = new Float64Array(m * n);
      for (let o = 0; o < m; o += 4) powellBlockJacobian(x, o, n, jac);
      return jac;
    },
    residualCurvature(x, m, w) {
      const n = x.length;
      const h = new Float64Array(n * n);
      for (let o = 0; o < m; o += 4) powellBlockCurvature(o, n, w, h);
      return h;
    },
  };
}

/** (13) Powell singular, n = m = 4. */
export const powellSingular = powellFamily("powell_singular", fixedSize("powell_singular", 4, 4));

/** (22) Extended Powell singular, n a multiple of 4, m = n. */
export const extendedPowell = powellFamily("extended_powell", (n, m) => {
  if (n < 4 || n % 4 !== 0 || m !== n) throw sizeError("extended_powell", n, m, "n a multiple of 4 and m = n");
});

/** (14) Wood, n = 4, m = 6. */
export const wood: MghProblem = {
  name: "wood",
  checkSize: fixedSize("wood", 4, 6),
  residuals(x) {
    const [x1, x2, x3, x4] = x;
    return Float64Array.of(
      10 * (x2 - x1 * x1),
      1 - x1,
      Math.sqrt(90) * (x4 - x3 * x3),
      1 - x3,
      Math.sqrt(10) * (x2 + x4 - 2),
      (x2 - x4) / Math.sqrt(10),
    );
  },
  jacobian(x) {
    const [x1, , x3] = x;
    const s90 = Math.sqrt(90);
    const s10 = Math.sqrt(10);
    return Float64Array.of(
      ...[-20 * x1, 10, 0, 0],
      ...[-1, 0, 0, 0],
      ...[0, 0, -2 * s90 * x3, s90],
      ...[0, 0, -1, 0],
      ...[0, s10, 0, s10],
      ...[0, 1 / s10, 0, -1 / s10],
    );
  },
  residualCurvature(_x, _m, w) {
    const h = new Float64Array(16);
    h[0] = -20 * w[0];
    h[10] = -2 * Math.sqrt(90) * w[2];
    return h;
  },
};
