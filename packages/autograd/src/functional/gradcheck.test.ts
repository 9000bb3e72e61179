import { Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { customOp } from "../custom-op";
import { mul } from "../ops/mul";
import { sum } from "../ops/sum";
import { nonContiguous } from "../test-utils";
import type { Variable } from "../variable";
import { GradcheckError, gradcheck, gradgradcheck } from "./gradcheck";

// x³ with a deliberately wrong backward (2x instead of 3x²): gradcheck must notice.
const wrongCube = (x: Variable): Variable => customOp({ name: "wrongCube", inputs: [x], forward: (t) => t.mul(t).mul(t), backward: (g, [v]) => [mul(g, mul(v, 2))] });
// x³ with a first derivative that is right but a second derivative that is wrong (3x² from constants).
const cubeWithConstantBackward = (x: Variable): Variable =>
  customOp({ name: "cube", inputs: [x], forward: (t) => t.mul(t).mul(t), backward: (g, [v]) => [mul(g, v.data.mul(v.data).mul(3))] });

describe("gradcheck", () => {
  const x = Tensor.from([0.7, -1.3, 2.1], { dtype: "float64" });

  it("passes a correct gradient", () => {
    expect(gradcheck((v) => sum(mul(v, v)), [x])).toBe(true);
  });

  it("throws at a wrong gradient, naming the entry and both values", () => {
    expect(() => gradcheck(wrongCube, [x])).toThrow(GradcheckError);
    expect(() => gradcheck(wrongCube, [x])).toThrow(/input 0, output element 0, input element 0: analytical 1.4, numerical 1.4[67]/);
  });

  it("returns false instead with raiseException: false", () => {
    expect(gradcheck(wrongCube, [x], { raiseException: false })).toBe(false);
  });

  it("gradgradcheck finds a backward that is not itself differentiable", () => {
    expect(gradcheck(cubeWithConstantBackward, [x])).toBe(true);
    expect(() => gradgradcheck(cubeWithConstantBackward, [x])).toThrow(GradcheckError);
  });

  it("leaves a non-contiguous input exactly as it was", () => {
    const t = nonContiguous([2, 3], 1);
    const before = Array.from(t.data);
    gradcheck((v) => sum(mul(v, v)), [t]);
    expect(Array.from(t.data)).toEqual(before);
  });

  it("requires float64 inputs", () => {
    expect(() => gradcheck((v) => sum(v), [Tensor.from([1, 2])])).toThrow(/float64/);
  });
});
