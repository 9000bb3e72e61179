import { Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { Variable } from "../variable";
import { relu } from "./relu";

describe("relu", () => {
  it("masks the incoming gradient as PyTorch's threshold_backward: 0 where the output is ≤ 0, even for an infinite or NaN gradient", () => {
    const x = new Variable(Tensor.from([-1, 0, -0, 2, 3], { dtype: "float64" }), { requiresGrad: true });
    relu(x).backward(Tensor.from([Infinity, Number.NaN, -Infinity, 4, Infinity], { dtype: "float64" }));
    const grad = Array.from(x.grad!.data);
    const want = [0, 0, 0, 4, Infinity];
    grad.forEach((v, i) => {
      expect(Object.is(v, want[i]), `element ${i}: ${v}`).toBe(true);
    });
  });
});
