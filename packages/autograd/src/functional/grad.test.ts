import { Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { mul } from "../ops/mul";
import { pow } from "../ops/pow";
import { sum } from "../ops/sum";
import { grad, valueAndGrad } from "./grad";

const f64 = (values: number[]): Tensor => Tensor.from(values, { dtype: "float64" });

describe("grad and valueAndGrad", () => {
  it("∇ Σ x³ = 3x²", () => {
    const df = grad((x) => sum(pow(x, 3)));
    expect(Array.from(df(f64([1, -2, 0.5])).toFlatArray())).toEqual([3, 12, 0.75]);
  });

  it("differentiates several arguments: ∇_(a,b) Σ a·b = (b, a)", () => {
    const [da, db] = grad((a, b) => sum(mul(a, b)), { argnums: [0, 1] })(f64([1, 2]), f64([3, 4]));
    expect(Array.from(da.toFlatArray())).toEqual([3, 4]);
    expect(Array.from(db.toFlatArray())).toEqual([1, 2]);
  });

  it("returns the value with the gradient, and zeros for an argument the function ignores", () => {
    const [value, g] = valueAndGrad((_x, y) => sum(mul(y, y)), { argnums: 0 })(f64([5, 6]), f64([1, 2]));
    expect(value.item()).toBe(5); // 1 + 4
    expect(Array.from(g.toFlatArray())).toEqual([0, 0]);
  });

  it("rejects a function whose value has more than one element", () => {
    expect(() => grad((x) => mul(x, 2))(f64([1, 2]))).toThrow(/expected a one-element Variable/);
  });

  it("rejects argnums outside the arguments", () => {
    expect(() => grad((x) => sum(x), { argnums: 1 })(f64([1]))).toThrow(/argnums/);
  });
});
