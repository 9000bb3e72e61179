/** A 2-D function to minimize, with its gradient and the window the contour plot shows. */
export interface TestFunction {
  readonly id: FunctionId;
  readonly label: string;
  /** The formula as text, shown under the plot. */
  readonly formula: string;
  value(x: number, y: number): number;
  /** ∇f at (x, y), written into `out`. */
  gradient(x: number, y: number, out: Float64Array): void;
  /** [xMin, xMax, yMin, yMax] of the plot. */
  readonly domain: readonly [number, number, number, number];
  readonly start: readonly [number, number];
  /** Global minimizers (stars on the plot); the saddle has none. */
  readonly minima: readonly (readonly [number, number])[];
}

export type FunctionId = "quadratic" | "rosenbrock" | "beale" | "saddle" | "himmelblau";

export const FUNCTION_IDS: readonly FunctionId[] = ["quadratic", "rosenbrock", "beale", "saddle", "himmelblau"];

/** f = (x² + κ y²) / 2: the Hessian is diag(1, κ), so κ is its condition number. */
export function quadratic(kappa: number): TestFunction {
  return {
    id: "quadratic",
    label: `Quadratic, κ = ${kappa}`,
    formula: `f(x, y) = (x² + ${kappa}·y²) / 2`,
    value: (x, y) => (x * x + kappa * y * y) / 2,
    gradient: (x, y, out) => {
      out[0] = x;
      out[1] = kappa * y;
    },
    domain: [-2, 2, -2, 2],
    start: [-1.8, 1.2],
    minima: [[0, 0]],
  };
}

/** Rosenbrock's banana valley: the minimum (1, 1) sits at the end of a long, curved, flat floor. */
export const rosenbrock: TestFunction = {
  id: "rosenbrock",
  label: "Rosenbrock",
  formula: "f(x, y) = (1 − x)² + 100 (y − x²)²",
  value: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  gradient: (x, y, out) => {
    out[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    out[1] = 200 * (y - x * x);
  },
  domain: [-2, 2, -1, 3],
  start: [-1.5, 2],
  minima: [[1, 1]],
};

/** Beale's function: flat plateaus and sharp ridges, minimum 0 at (3, 0.5). */
export const beale: TestFunction = {
  id: "beale",
  label: "Beale",
  formula: "f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
  value: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
  gradient: (x, y, out) => {
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y * y;
    const c = 2.625 - x + x * y ** 3;
    out[0] = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1);
    out[1] = 2 * a * x + 4 * b * x * y + 6 * c * x * y * y;
  },
  domain: [-4.5, 4.5, -4.5, 4.5],
  start: [1, 1.5],
  minima: [[3, 0.5]],
};

/** y⁴ − x⁴: a saddle at the origin whose gradient vanishes to third order, so plain gradient steps crawl away from it. */
export const saddle: TestFunction = {
  id: "saddle",
  label: "Saddle y⁴ − x⁴",
  formula: "f(x, y) = y⁴ − x⁴",
  value: (x, y) => y ** 4 - x ** 4,
  gradient: (x, y, out) => {
    out[0] = -4 * x ** 3;
    out[1] = 4 * y ** 3;
  },
  domain: [-2, 2, -2, 2],
  start: [0.05, 1.5],
  minima: [],
};

/** Himmelblau's function: four global minima of value 0 and a local maximum near (−0.27, −0.92). */
export const himmelblau: TestFunction = {
  id: "himmelblau",
  label: "Himmelblau",
  formula: "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
  value: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
  gradient: (x, y, out) => {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    out[0] = 4 * a * x + 2 * b;
    out[1] = 2 * a + 4 * b * y;
  },
  domain: [-5, 5, -5, 5],
  start: [-0.3, -0.9],
  minima: [
    [3, 2],
    [-2.805118, 3.131312],
    [-3.77931, -3.283186],
    [3.584428, -1.848126],
  ],
};

/** The function `id` (the quadratic with condition number `kappa`). */
export function testFunction(id: FunctionId, kappa: number): TestFunction {
  switch (id) {
    case "quadratic":
      return quadratic(kappa);
    case "rosenbrock":
      return rosenbrock;
    case "beale":
      return beale;
    case "saddle":
      return saddle;
    case "himmelblau":
      return himmelblau;
  }
}
