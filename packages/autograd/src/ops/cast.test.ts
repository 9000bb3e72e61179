import { Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { Variable } from "../variable";
import { cast } from "./cast";
import { mul } from "./mul";
import { sum } from "./sum";

describe("cast and mixed dtypes", () => {
  it("converts float64 → float32 and sends the gradient back as float64", () => {
    const x = new Variable(Tensor.from([0.1, 0.2], { dtype: "float64" }), { requiresGrad: true });
    const y = cast(x, "float32");
    expect(y.dtype).toBe("float32");
    sum(mul(y, 3)).backward();
    expect(x.grad!.dtype).toBe("float64");
    expect(Array.from(x.grad!.toFlatArray())).toEqual([3, 3]);
  });

  it("gives a float32 input of a mixed float32 · float64 product a float32 gradient", () => {
    const a = new Variable(Tensor.from([1, 2]), { requiresGrad: true }); // float32
    const b = new Variable(Tensor.from([0.5, 4], { dtype: "float64" }), { requiresGrad: true });
    const y = mul(a, b);
    expect(y.dtype).toBe("float64"); // promoted, as PyTorch
    sum(y).backward();
    expect([a.grad!.dtype, Array.from(a.grad!.toFlatArray())]).toEqual(["float32", [0.5, 4]]);
    expect([b.grad!.dtype, Array.from(b.grad!.toFlatArray())]).toEqual(["float64", [1, 2]]);
  });
});
