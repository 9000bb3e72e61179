/** A function of two variables with its gradient and Hessian, for the landscape plots. */
export interface Landscape {
  readonly id: string;
  readonly title: string;
  readonly f: (x: number, y: number) => number;
  readonly gradient: (x: number, y: number) => [number, number];
  /** [fxx, fxy, fyy]. */
  readonly hessian: (x: number, y: number) => [number, number, number];
  readonly start: readonly [number, number];
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
  readonly minima: readonly (readonly [number, number])[];
  /** How the contour levels are spaced: logarithmic for functions spanning many orders of magnitude. */
  readonly levels: "log" | "linear";
  readonly iterations: number;
}

/** f = ½(x² + 20y²): curvature 1 along x and 20 along y, condition number 20. */
export const quadratic: Landscape = {
  id: "quadratic",
  title: "Ill-conditioned quadratic ½(x² + 20y²)",
  f: (x, y) => 0.5 * (x * x + 20 * y * y),
  gradient: (x, y) => [x, 20 * y],
  hessian: () => [1, 0, 20],
  start: [-4.5, 1.5],
  xRange: [-5, 5],
  yRange: [-5, 5],
  minima: [[0, 0]],
  levels: "log",
  iterations: 100,
};

/** Rosenbrock's banana: a curved valley y = x² whose floor falls gently to the minimum at (1, 1). */
export const rosenbrock: Landscape = {
  id: "rosenbrock",
  title: "Rosenbrock (1 − x)² + 100(y − x²)²",
  f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  hessian: (x, y) => [2 - 400 * (y - 3 * x * x), -400 * x, 200],
  start: [-1.2, 1],
  xRange: [-2, 2],
  yRange: [-1, 3],
  minima: [[1, 1]],
  levels: "log",
  iterations: 500,
};

/**
 * Beale's function, minimum 0 at (3, 0.5). (Lecture 4's slide says "(3, 0)", a typo: at (3, 0)
 * the first term is (1.5 − 3)² = 2.25.)
 */
export const beale: Landscape = {
  id: "beale",
  title: "Beale, minimum at (3, 0.5)",
  f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
  gradient: (x, y) => {
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y * y;
    const c = 2.625 - x + x * y ** 3;
    return [2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1), 2 * a * x + 4 * b * x * y + 6 * c * x * y * y];
  },
  hessian: (x, y) => {
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y * y;
    const c = 2.625 - x + x * y ** 3;
    // Each term is r², so its Hessian is 2(∇r∇rᵀ + r∇²r).
    const fxx = 2 * ((y - 1) ** 2 + (y * y - 1) ** 2 + (y ** 3 - 1) ** 2);
    const fxy = 2 * ((y - 1) * x + a) + 2 * ((y * y - 1) * 2 * x * y + b * 2 * y) + 2 * ((y ** 3 - 1) * 3 * x * y * y + c * 3 * y * y);
    const fyy = 2 * (x * x) + 2 * (4 * x * x * y * y + b * 2 * x) + 2 * (9 * x * x * y ** 4 + c * 6 * x * y);
    return [fxx, fxy, fyy];
  },
  start: [1, 1.5],
  xRange: [-1, 4.5],
  yRange: [-1.5, 2.5],
  minima: [[3, 0.5]],
  levels: "log",
  iterations: 300,
};

/** f = y⁴ − x⁴: a saddle at the origin (flat to fourth order), unbounded below along x (lecture 4). */
export const saddle: Landscape = {
  id: "saddle",
  title: "Saddle y⁴ − x⁴",
  f: (x, y) => y ** 4 - x ** 4,
  gradient: (x, y) => [-4 * x ** 3, 4 * y ** 3],
  hessian: (x, y) => [-12 * x * x, 0, 12 * y * y],
  start: [0.05, 1.2],
  xRange: [-1.5, 1.5],
  yRange: [-1.5, 1.5],
  minima: [],
  levels: "linear",
  iterations: 150,
};

/** Himmelblau's function: four minima of value 0 and a local maximum near (−0.27, −0.92). */
export const himmelblau: Landscape = {
  id: "himmelblau",
  title: "Himmelblau (x² + y − 11)² + (x + y² − 7)²",
  f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
  gradient: (x, y) => {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    return [4 * a * x + 2 * b, 2 * a + 4 * b * y];
  },
  hessian: (x, y) => [12 * x * x + 4 * y - 42, 4 * (x + y), 4 * x + 12 * y * y - 26],
  start: [-0.3, -0.9],
  xRange: [-5, 5],
  yRange: [-5, 5],
  minima: [
    [3, 2],
    [-2.805118, 3.131312],
    [-3.77931, -3.283186],
    [3.584428, -1.848126],
  ],
  levels: "log",
  iterations: 200,
};

export const landscapes: readonly Landscape[] = [quadratic, rosenbrock, beale, saddle, himmelblau];
