import { Generator, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { crossEntropy } from "../nn/losses";
import { add } from "../ops/add";
import { matmul } from "../ops/matmul";
import { reshape } from "../ops/reshape";
import { slice } from "../ops/slice";
import { tanh } from "../ops/tanh";
import { Variable } from "../variable";
import { grad } from "./grad";
import { hvp, vhp } from "./hvp";
import { hessian } from "./jacobian";

// A 2-layer tanh network's mean cross entropy on fixed data, its 4·5 + 5 + 5·3 + 3 = 43 parameters read from x.
const [d, h, k, n] = [4, 5, 3, 6];
const generator = new Generator(7);
const X = new Variable(generator.normal([n, d], 0, 1, { dtype: "float64" }));
const y = generator.integers(0, k, [n]);
const shapes = [[d, h], [h], [h, k], [k]];
const size = shapes.reduce((p, s) => p + s.reduce((a, b) => a * b, 1), 0);

function mlpLoss(x: Variable): Variable {
  let offset = 0;
  const [W1, b1, W2, b2] = shapes.map((shape) => {
    const count = shape.reduce((a, b) => a * b, 1);
    const piece = reshape(slice(x, [offset, offset + count]), shape);
    offset += count;
    return piece;
  });
  return crossEntropy(add(matmul(tanh(add(matmul(X, W1), b1)), W2), b2), y);
}

describe("hvp on a 2-layer tanh MLP", () => {
  const x = generator.normal([size], 0, 0.7, { dtype: "float64" });
  const v = generator.normal([size], 0, 1, { dtype: "float64" });
  const product = Array.from(hvp(mlpLoss, x, v).toFlatArray());

  it("agrees with the full Hessian times v", () => {
    const H = hessian(mlpLoss)(x).toFlatArray();
    const vv = v.toFlatArray();
    for (let i = 0; i < size; i++) {
      let want = 0;
      for (let j = 0; j < size; j++) want += H[i * size + j] * vv[j];
      expect(Math.abs(product[i] - want)).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)));
    }
  });

  it("agrees with central differences of the gradient, (∇f(x + εv) − ∇f(x − εv)) / 2ε", () => {
    const eps = 1e-5;
    const df = grad(mlpLoss);
    const plus = df(x.add(v.mul(eps))).toFlatArray();
    const minus = df(x.sub(v.mul(eps))).toFlatArray();
    for (let i = 0; i < size; i++) {
      const want = (plus[i] - minus[i]) / (2 * eps);
      expect(Math.abs(product[i] - want)).toBeLessThan(1e-7 * Math.max(1, Math.abs(want)));
    }
  });

  it("equals vhp (the Hessian is symmetric)", () => {
    const other = Array.from(vhp(mlpLoss, x, v).toFlatArray());
    other.forEach((value, i) => { expect(value).toBeCloseTo(product[i], 12); });
  });

  it("rejects a v of another shape, naming both shapes", () => {
    expect(() => hvp(mlpLoss, x, Tensor.zeros([3], { dtype: "float64" }))).toThrow(/v has shape \[3\], expected x's shape \[43\]/);
  });
});
