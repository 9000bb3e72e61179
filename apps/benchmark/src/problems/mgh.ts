/**
 * Problems from Moré, Garbow & Hillstrom, "Testing Unconstrained Optimization Software", ACM TOMS
 * 7(1), 1981: each a sum of squares f(x) = Σ rᵢ(x)², with its standard start and the minimum
 * values the paper lists (several where there are local minima). The Jacobians are worked out by
 * hand; the section checks f and ∇f at x₀ against peer.py's independent complex-step values.
 */
export interface MghProblem {
  name: string;
  x0: number[];
  /** Known minimum values of f (the global one first). */
  minima: number[];
  m: number;
  /** r(x) into `r` (length m). */
  residuals(x: Float64Array, r: Float64Array): void;
  /** ∂rᵢ/∂xⱼ into `jac` at i·n + j (m×n, row-major, zero-filled by the caller). */
  jacobian(x: Float64Array, jac: Float64Array): void;
}

/** f = Σ r² and ∇f = 2 Jᵀ r, as `minimize` wants them (jac: true). */
export function sumOfSquares(p: MghProblem): (x: Float64Array) => [number, Float64Array] {
  const n = p.x0.length;
  const r = new Float64Array(p.m);
  const jac = new Float64Array(p.m * n);
  return (x) => {
    p.residuals(x, r);
    jac.fill(0);
    p.jacobian(x, jac);
    let f = 0;
    const g = new Float64Array(n);
    for (let i = 0; i < p.m; i++) {
      f += r[i] * r[i];
      for (let j = 0; j < n; j++) g[j] += 2 * jac[i * n + j] * r[i];
    }
    return [f, g];
  };
}

const SQRT5 = Math.sqrt(5);
const SQRT10 = Math.sqrt(10);
const SQRT90 = Math.sqrt(90);

const rosenbrock: MghProblem = {
  name: "rosenbrock", x0: [-1.2, 1], minima: [0], m: 2,
  residuals: (x, r) => { r[0] = 10 * (x[1] - x[0] ** 2); r[1] = 1 - x[0]; },
  jacobian: (x, J) => { J[0] = -20 * x[0]; J[1] = 10; J[2] = -1; },
};

const freudensteinRoth: MghProblem = {
  name: "freudenstein-roth", x0: [0.5, -2], minima: [0, 48.9842], m: 2,
  residuals: (x, r) => {
    r[0] = -13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1];
    r[1] = -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1];
  },
  jacobian: (x, J) => {
    J[0] = 1; J[1] = 10 * x[1] - 3 * x[1] ** 2 - 2;
    J[2] = 1; J[3] = 3 * x[1] ** 2 + 2 * x[1] - 14;
  },
};

const powellBadlyScaled: MghProblem = {
  name: "powell-badly-scaled", x0: [0, 1], minima: [0], m: 2,
  residuals: (x, r) => { r[0] = 1e4 * x[0] * x[1] - 1; r[1] = Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001; },
  jacobian: (x, J) => { J[0] = 1e4 * x[1]; J[1] = 1e4 * x[0]; J[2] = -Math.exp(-x[0]); J[3] = -Math.exp(-x[1]); },
};

const brownBadlyScaled: MghProblem = {
  name: "brown-badly-scaled", x0: [1, 1], minima: [0], m: 3,
  residuals: (x, r) => { r[0] = x[0] - 1e6; r[1] = x[1] - 2e-6; r[2] = x[0] * x[1] - 2; },
  jacobian: (x, J) => { J[0] = 1; J[3] = 1; J[4] = x[1]; J[5] = x[0]; },
};

const BEALE_Y = [1.5, 2.25, 2.625];
const beale: MghProblem = {
  name: "beale", x0: [1, 1], minima: [0], m: 3,
  residuals: (x, r) => { for (let i = 0; i < 3; i++) r[i] = BEALE_Y[i] - x[0] * (1 - x[1] ** (i + 1)); },
  jacobian: (x, J) => {
    for (let i = 0; i < 3; i++) {
      J[2 * i] = -(1 - x[1] ** (i + 1));
      J[2 * i + 1] = x[0] * (i + 1) * x[1] ** i;
    }
  },
};

const helicalValley: MghProblem = {
  name: "helical-valley", x0: [-1, 0, 0], minima: [0], m: 3,
  residuals: (x, r) => {
    const theta = Math.atan(x[1] / x[0]) / (2 * Math.PI) + (x[0] < 0 ? 0.5 : 0);
    r[0] = 10 * (x[2] - 10 * theta);
    r[1] = 10 * (Math.hypot(x[0], x[1]) - 1);
    r[2] = x[2];
  },
  jacobian: (x, J) => {
    const rho2 = x[0] ** 2 + x[1] ** 2;
    const rho = Math.sqrt(rho2);
    // θ = atan(x₂/x₁)/2π: ∂θ/∂x₁ = −x₂/(2π ρ²), ∂θ/∂x₂ = x₁/(2π ρ²).
    J[0] = (100 * x[1]) / (2 * Math.PI * rho2);
    J[1] = (-100 * x[0]) / (2 * Math.PI * rho2);
    J[2] = 10;
    J[3] = (10 * x[0]) / rho;
    J[4] = (10 * x[1]) / rho;
    J[8] = 1;
  },
};

const BARD_Y = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.1, 4.39];
const bard: MghProblem = {
  name: "bard", x0: [1, 1, 1], minima: [8.21487e-3, 17.4286], m: 15,
  residuals: (x, r) => {
    for (let i = 1; i <= 15; i++) {
      const u = i, v = 16 - i, w = Math.min(u, v);
      r[i - 1] = BARD_Y[i - 1] - (x[0] + u / (v * x[1] + w * x[2]));
    }
  },
  jacobian: (x, J) => {
    for (let i = 1; i <= 15; i++) {
      const u = i, v = 16 - i, w = Math.min(u, v);
      const d = v * x[1] + w * x[2];
      J[3 * (i - 1)] = -1;
      J[3 * (i - 1) + 1] = (u * v) / (d * d);
      J[3 * (i - 1) + 2] = (u * w) / (d * d);
    }
  },
};

const box3d: MghProblem = {
  name: "box-3d", x0: [0, 10, 20], minima: [0], m: 10,
  residuals: (x, r) => {
    for (let i = 1; i <= 10; i++) {
      const t = 0.1 * i;
      r[i - 1] = Math.exp(-t * x[0]) - Math.exp(-t * x[1]) - x[2] * (Math.exp(-t) - Math.exp(-10 * t));
    }
  },
  jacobian: (x, J) => {
    for (let i = 1; i <= 10; i++) {
      const t = 0.1 * i;
      J[3 * (i - 1)] = -t * Math.exp(-t * x[0]);
      J[3 * (i - 1) + 1] = t * Math.exp(-t * x[1]);
      J[3 * (i - 1) + 2] = -(Math.exp(-t) - Math.exp(-10 * t));
    }
  },
};

const powellSingular: MghProblem = {
  name: "powell-singular", x0: [3, -1, 0, 1], minima: [0], m: 4,
  residuals: (x, r) => {
    r[0] = x[0] + 10 * x[1];
    r[1] = SQRT5 * (x[2] - x[3]);
    r[2] = (x[1] - 2 * x[2]) ** 2;
    r[3] = SQRT10 * (x[0] - x[3]) ** 2;
  },
  jacobian: (x, J) => {
    J[0] = 1; J[1] = 10;
    J[6] = SQRT5; J[7] = -SQRT5;
    J[9] = 2 * (x[1] - 2 * x[2]); J[10] = -4 * (x[1] - 2 * x[2]);
    J[12] = 2 * SQRT10 * (x[0] - x[3]); J[15] = -2 * SQRT10 * (x[0] - x[3]);
  },
};

const wood: MghProblem = {
  name: "wood", x0: [-3, -1, -3, -1], minima: [0], m: 6,
  residuals: (x, r) => {
    r[0] = 10 * (x[1] - x[0] ** 2);
    r[1] = 1 - x[0];
    r[2] = SQRT90 * (x[3] - x[2] ** 2);
    r[3] = 1 - x[2];
    r[4] = SQRT10 * (x[1] + x[3] - 2);
    r[5] = (x[1] - x[3]) / SQRT10;
  },
  jacobian: (x, J) => {
    J[0] = -20 * x[0]; J[1] = 10;
    J[4] = -1;
    J[10] = -2 * SQRT90 * x[2]; J[11] = SQRT90;
    J[14] = -1;
    J[17] = SQRT10; J[19] = SQRT10;
    J[21] = 1 / SQRT10; J[23] = -1 / SQRT10;
  },
};

const KO_Y = [0.1957, 0.1947, 0.1735, 0.16, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];
const KO_U = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];
const kowalikOsborne: MghProblem = {
  name: "kowalik-osborne", x0: [0.25, 0.39, 0.415, 0.39], minima: [3.07505e-4, 1.02734e-3], m: 11,
  residuals: (x, r) => {
    for (let i = 0; i < 11; i++) {
      const u = KO_U[i];
      r[i] = KO_Y[i] - (x[0] * (u * u + u * x[1])) / (u * u + u * x[2] + x[3]);
    }
  },
  jacobian: (x, J) => {
    for (let i = 0; i < 11; i++) {
      const u = KO_U[i];
      const num = u * u + u * x[1];
      const den = u * u + u * x[2] + x[3];
      J[4 * i] = -num / den;
      J[4 * i + 1] = (-x[0] * u) / den;
      J[4 * i + 2] = (x[0] * num * u) / (den * den);
      J[4 * i + 3] = (x[0] * num) / (den * den);
    }
  },
};

const biggsExp6: MghProblem = {
  name: "biggs-exp6", x0: [1, 2, 1, 1, 1, 1], minima: [0, 5.65565e-3], m: 13,
  residuals: (x, r) => {
    for (let i = 1; i <= 13; i++) {
      const t = 0.1 * i;
      const y = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
      r[i - 1] = x[2] * Math.exp(-t * x[0]) - x[3] * Math.exp(-t * x[1]) + x[5] * Math.exp(-t * x[4]) - y;
    }
  },
  jacobian: (x, J) => {
    for (let i = 1; i <= 13; i++) {
      const t = 0.1 * i;
      const e0 = Math.exp(-t * x[0]), e1 = Math.exp(-t * x[1]), e4 = Math.exp(-t * x[4]);
      const row = 6 * (i - 1);
      J[row] = -t * x[2] * e0;
      J[row + 1] = t * x[3] * e1;
      J[row + 2] = e0;
      J[row + 3] = -e1;
      J[row + 4] = -t * x[5] * e4;
      J[row + 5] = e4;
    }
  },
};

function watson(n: number): MghProblem {
  return {
    name: `watson-n${n}`, x0: new Array<number>(n).fill(0), minima: n === 6 ? [2.28767e-3] : [], m: 31,
    residuals: (x, r) => {
      for (let i = 1; i <= 29; i++) {
        const t = i / 29;
        let s1 = 0;
        let s2 = 0;
        for (let j = 1; j < n; j++) s1 += j * x[j] * t ** (j - 1);
        for (let j = 0; j < n; j++) s2 += x[j] * t ** j;
        r[i - 1] = s1 - s2 * s2 - 1;
      }
      r[29] = x[0];
      r[30] = x[1] - x[0] ** 2 - 1;
    },
    jacobian: (x, J) => {
      for (let i = 1; i <= 29; i++) {
        const t = i / 29;
        let s2 = 0;
        for (let j = 0; j < n; j++) s2 += x[j] * t ** j;
        for (let j = 0; j < n; j++) J[(i - 1) * n + j] = (j > 0 ? j * t ** (j - 1) : 0) - 2 * s2 * t ** j;
      }
      J[29 * n] = 1;
      J[30 * n] = -2 * x[0];
      J[30 * n + 1] = 1;
    },
  };
}

function variablyDimensioned(n: number): MghProblem {
  return {
    name: `variably-dimensioned-n${n}`, x0: Array.from({ length: n }, (_, j) => 1 - (j + 1) / n), minima: [0], m: n + 2,
    residuals: (x, r) => {
      let s = 0;
      for (let j = 0; j < n; j++) {
        r[j] = x[j] - 1;
        s += (j + 1) * (x[j] - 1);
      }
      r[n] = s;
      r[n + 1] = s * s;
    },
    jacobian: (x, J) => {
      let s = 0;
      for (let j = 0; j < n; j++) s += (j + 1) * (x[j] - 1);
      for (let j = 0; j < n; j++) {
        J[j * n + j] = 1;
        J[n * n + j] = j + 1;
        J[(n + 1) * n + j] = 2 * s * (j + 1);
      }
    },
  };
}

function trigonometric(n: number): MghProblem {
  return {
    name: `trigonometric-n${n}`, x0: new Array<number>(n).fill(1 / n), minima: n === 10 ? [0, 2.79506e-5] : [0], m: n,
    residuals: (x, r) => {
      let cosSum = 0;
      for (let j = 0; j < n; j++) cosSum += Math.cos(x[j]);
      for (let i = 0; i < n; i++) r[i] = n - cosSum + (i + 1) * (1 - Math.cos(x[i])) - Math.sin(x[i]);
    },
    jacobian: (x, J) => {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) J[i * n + j] = Math.sin(x[j]);
        J[i * n + i] += (i + 1) * Math.sin(x[i]) - Math.cos(x[i]);
      }
    },
  };
}

function penalty1(n: number): MghProblem {
  const a = Math.sqrt(1e-5);
  return {
    name: `penalty-1-n${n}`, x0: Array.from({ length: n }, (_, j) => j + 1), minima: n === 10 ? [7.08765e-5] : n === 4 ? [2.24997e-5] : [], m: n + 1,
    residuals: (x, r) => {
      let s = 0;
      for (let j = 0; j < n; j++) {
        r[j] = a * (x[j] - 1);
        s += x[j] * x[j];
      }
      r[n] = s - 0.25;
    },
    jacobian: (x, J) => {
      for (let j = 0; j < n; j++) {
        J[j * n + j] = a;
        J[n * n + j] = 2 * x[j];
      }
    },
  };
}

export const MGH_PROBLEMS: MghProblem[] = [
  rosenbrock, freudensteinRoth, powellBadlyScaled, brownBadlyScaled, beale, helicalValley, bard, box3d, powellSingular, wood,
  kowalikOsborne, biggsExp6, watson(6), variablyDimensioned(10), trigonometric(10), penalty1(10),
];

/** peer.py's name for a problem (its dimension is the length of x₀). */
export function pythonName(p: MghProblem): string {
  return p.name.replace(/-n\d+$/, "");
}

/** True when `f` is one of the listed minima, to the 6 significant digits the paper gives (absolute 1e-8 near 0). */
export function reachedMinimum(p: MghProblem, f: number): boolean {
  return p.minima.some((fStar) => Math.abs(f - fStar) <= 1e-5 * fStar + 1e-8);
}
