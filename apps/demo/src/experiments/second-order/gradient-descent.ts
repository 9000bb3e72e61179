import { scalarSearchArmijo } from "@descent/second-order";

export interface DescentTrace {
  x: Float64Array;
  /** f after each iteration, starting with f(x₀). */
  values: number[];
  /** Milliseconds since the start, beside each value. */
  times: number[];
  iterations: number;
}

/**
 * Steepest descent x ← x − α∇f. With `step` a fixed α (1/L for an L-smooth f, the textbook
 * rate); without it, each α comes from a backtracking Armijo search (@descent/second-order's
 * scalarSearchArmijo) started from twice the last accepted step.
 */
export function gradientDescent(
  f: (x: Float64Array) => number,
  grad: (x: Float64Array) => Float64Array,
  x0: ArrayLike<number>,
  options: { maxIterations: number; gtol: number; step?: number },
): DescentTrace {
  const start = performance.now();
  const x = Float64Array.from(x0);
  let fx = f(x);
  const values = [fx];
  const times = [0];
  let alpha = 1;
  let k = 0;
  for (; k < options.maxIterations; k++) {
    const g = grad(x);
    const gnorm = Math.max(...g.map(Math.abs));
    if (gnorm < options.gtol) break;
    if (options.step !== undefined) {
      for (let i = 0; i < x.length; i++) x[i] -= options.step * g[i];
      fx = f(x);
    } else {
      const slope = -g.reduce((s, gi) => s + gi * gi, 0);
      const trial = (a: number): number => f(x.map((xi, i) => xi - a * g[i]));
      const search = scalarSearchArmijo(trial, fx, slope, { alpha0: 2 * alpha });
      if (search.alpha === null) break;
      alpha = search.alpha;
      for (let i = 0; i < x.length; i++) x[i] -= alpha * g[i];
      fx = search.phi;
    }
    values.push(fx);
    times.push(performance.now() - start);
  }
  return { x, values, times, iterations: k };
}
