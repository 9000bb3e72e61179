import { Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { add } from "../ops/add";
import { mul } from "../ops/mul";
import { slice } from "../ops/slice";
import { sub } from "../ops/sub";
import { sum } from "../ops/sum";
import type { Variable } from "../variable";
import { hessian, jacobian } from "./jacobian";

const f64 = (values: number[]): Tensor => Tensor.from(values, { dtype: "float64" });

/** Chained Rosenbrock Σ 100(x_{i+1} − x_i²)² + (1 − x_i)². */
function rosenbrock(x: Variable): Variable {
  const n = x.shape[0];
  const head = slice(x, [0, n - 1]);
  const tail = slice(x, [1, n]);
  const valley = sub(tail, mul(head, head));
  const offset = sub(1, head);
  return sum(add(mul(mul(valley, valley), 100), mul(offset, offset)));
}

describe("jacobian", () => {
  it("of f(x) = x · Σx is Σx·I + x·1ᵀ (J_ij = δ_ij Σx + x_i)", () => {
    const x = [1, 2, -0.5];
    const s = x.reduce((p, v) => p + v, 0);
    const J = jacobian((v) => mul(v, sum(v)))(f64(x));
    expect(J.shape).toEqual([3, 3]);
    const want = x.flatMap((xi, i) => x.map((_, j) => (i === j ? s : 0) + xi));
    expect(Array.from(J.toFlatArray())).toEqual(want);
  });

  it("has shape [...out, ...in] for matrix inputs and outputs", () => {
    const J = jacobian((v) => mul(v, 2))(Tensor.zeros([2, 3], { dtype: "float64" }));
    expect(J.shape).toEqual([2, 3, 2, 3]);
    expect(J.sum().item()).toBe(12); // 2 on each of the 6 diagonal entries
  });
});

describe("hessian", () => {
  it("of the chained Rosenbrock function matches its closed form", () => {
    const x = [0.3, -1.2, 0.8, 1.5];
    const n = x.length;
    const H = Array.from(hessian(rosenbrock)(f64(x)).toFlatArray());
    // ∂²/∂x_i² = (1200x_i² − 400x_{i+1} + 2 if i < n−1) + (200 if i > 0); ∂²/∂x_i∂x_{i+1} = −400x_i.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let want = 0;
        if (i === j) want = (i < n - 1 ? 1200 * x[i] ** 2 - 400 * x[i + 1] + 2 : 0) + (i > 0 ? 200 : 0);
        else if (j === i + 1) want = -400 * x[i];
        else if (i === j + 1) want = -400 * x[j];
        expect(H[i * n + j]).toBeCloseTo(want, 10);
      }
    }
  });

  it("is zero for a linear function", () => {
    const H = hessian((v) => sum(mul(v, 3)))(f64([1, 2]));
    expect(Array.from(H.toFlatArray())).toEqual([0, 0, 0, 0]);
  });
});
