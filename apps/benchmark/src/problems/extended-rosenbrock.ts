/**
 * The extended Rosenbrock function (Moré, Garbow & Hillstrom problem 21), n even:
 * f(x) = Σᵢ 100 (x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)², with the standard start (−1.2, 1, −1.2, 1, …)
 * and minimum 0 at (1, …, 1). Returns [f, ∇f] for `minimize(…, { jac: true })`.
 */
export function extendedRosenbrock(x: Float64Array): [number, Float64Array] {
  const g = new Float64Array(x.length);
  let f = 0;
  for (let i = 0; i + 1 < x.length; i += 2) {
    const t = x[i + 1] - x[i] * x[i];
    const u = 1 - x[i];
    f += 100 * t * t + u * u;
    g[i] = -400 * x[i] * t - 2 * u;
    g[i + 1] = 200 * t;
  }
  return [f, g];
}

export function extendedRosenbrockStart(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
}
