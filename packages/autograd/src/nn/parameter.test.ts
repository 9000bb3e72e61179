import { Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { mul } from "../ops/mul";
import { sum } from "../ops/sum";
import { Parameter } from "./parameter";

/** The structural parameter @descent/optim accepts (copied here: autograd does not depend on optim). */
interface OptimizerParam {
  data: { data: Float32Array | Float64Array };
  grad: { data: Float32Array | Float64Array } | null;
}

describe("Parameter", () => {
  it("owns a contiguous storage at offset 0 (copying a view)", () => {
    const base = Tensor.arange(6, undefined, undefined, { dtype: "float64" }).reshape([2, 3]);
    const p = new Parameter(base.transpose());
    expect([p.data.offset, p.data.isContiguous(), p.data.data.length]).toEqual([0, true, 6]);
    expect(p.data.toArray()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(p.requiresGrad && p.isLeaf).toBe(true);
  });

  it("is what an optimizer takes: updating param.data.data in place changes the parameter", () => {
    const p = new Parameter(Tensor.from([1, 2], { dtype: "float64" }));
    sum(mul(p, p)).backward();
    const asOptimizerSees: OptimizerParam = p; // a compile-time check as much as a runtime one
    const values = asOptimizerSees.data.data;
    const grad = asOptimizerSees.grad!.data;
    for (let i = 0; i < values.length; i++) values[i] -= 0.25 * grad[i]; // x − 0.25 · 2x = x / 2
    expect(Array.from(p.data.toFlatArray())).toEqual([0.5, 1]);
  });

  it("rejects an int32 tensor", () => {
    expect(() => new Parameter(Tensor.from([1], { dtype: "int32" }))).toThrow(/Parameter: data.dtype is "int32"/);
  });
});
