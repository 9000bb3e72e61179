import { meyerData, osborneData } from "./measured-data";

/** A model fitted by least squares to measured (t, y): residuals rᵢ = model(tᵢ) − yᵢ and their Jacobian. */
export interface CurveModel {
  readonly id: string;
  readonly title: string;
  readonly t: readonly number[];
  readonly y: readonly number[];
  readonly start: readonly number[];
  readonly minimumSumOfSquares: number;
  readonly yLabel: string;
  readonly tLabel: string;
  readonly model: (x: ArrayLike<number>, t: number) => number;
  /** ∂model/∂x at t. */
  readonly gradient: (x: ArrayLike<number>, t: number) => number[];
}

export const meyerModel: CurveModel = {
  id: "meyer",
  title: "Meyer's thermistor: y = x₁·exp(x₂/(t + x₃))",
  ...meyerData,
  tLabel: "temperature t",
  yLabel: "resistance y (ohms)",
  model: (x, t) => x[0] * Math.exp(x[1] / (t + x[2])),
  gradient: (x, t) => {
    const s = t + x[2];
    const e = Math.exp(x[1] / s);
    return [e, (x[0] * e) / s, (-x[0] * x[1] * e) / (s * s)];
  },
};

export const osborneModel: CurveModel = {
  id: "osborne",
  title: "Osborne 1: y = x₁ + x₂e^(−t·x₄) + x₃e^(−t·x₅)",
  ...osborneData,
  tLabel: "t",
  yLabel: "y",
  model: (x, t) => x[0] + x[1] * Math.exp(-t * x[3]) + x[2] * Math.exp(-t * x[4]),
  gradient: (x, t) => {
    const e4 = Math.exp(-t * x[3]);
    const e5 = Math.exp(-t * x[4]);
    return [1, e4, e5, -t * x[1] * e4, -t * x[2] * e5];
  },
};

export function residuals(m: CurveModel, x: ArrayLike<number>): Float64Array {
  return Float64Array.from(m.t, (t, i) => m.model(x, t) - m.y[i]);
}

/** The m × n Jacobian of the residuals, as rows. */
export function jacobianRows(m: CurveModel, x: ArrayLike<number>): number[][] {
  return m.t.map((t) => m.gradient(x, t));
}

export function sumOfSquares(m: CurveModel, x: ArrayLike<number>): number {
  return residuals(m, x).reduce((s, r) => s + r * r, 0);
}
