import { InvalidArgumentError, ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { customOp } from "./custom-op";
import { gradients } from "./functional/gradients";
import { isGradEnabled, noGrad } from "./grad-mode";
import { modifyInPlace } from "./in-place";
import { add } from "./ops/add";
import { exp } from "./ops/exp";
import { mul } from "./ops/mul";
import { sum } from "./ops/sum";
import { tanh } from "./ops/tanh";
import { Variable, variable } from "./variable";
import { bumpVersion, versionOf } from "./version-counter";

const f64 = (values: number[]): Variable => variable(values, { dtype: "float64", requiresGrad: true });
const values = (t: Tensor | null): number[] => Array.from(t!.toFlatArray());

describe("Variable.backward", () => {
  it("accumulates fan-out: d/dx (x·x + x) = 2x + 1", () => {
    const x = f64([3, -1]);
    sum(add(mul(x, x), x)).backward();
    expect(values(x.grad)).toEqual([7, -1]);
  });

  it("accumulates across backward calls until the gradient is cleared", () => {
    const x = f64([2]);
    sum(mul(x, 3)).backward();
    sum(mul(x, 3)).backward();
    expect(values(x.grad)).toEqual([6]); // 3 + 3
    x.grad = null;
    sum(mul(x, 5)).backward();
    expect(values(x.grad)).toEqual([5]);
  });

  it("gives every leaf its own gradient storage even when an op hands both inputs the same tensor", () => {
    const a = f64([1, 2]);
    const b = f64([3, 4]);
    add(a, b).backward(Tensor.from([1, 1], { dtype: "float64" }));
    expect(a.grad!.data).not.toBe(b.grad!.data);
    a.grad!.fill(0);
    expect(values(b.grad)).toEqual([1, 1]);
  });

  it("stores grad contiguous, at offset 0, in the leaf's dtype and shape", () => {
    const x = variable([[1, 2, 3]], { requiresGrad: true }); // float32
    sum(mul(x, x)).backward();
    const g = x.grad!;
    expect([g.dtype, g.shape, g.offset, g.isContiguous()]).toEqual(["float32", [1, 3], 0, true]);
    expect(values(g)).toEqual([2, 4, 6]);
  });

  it("uses the given gradOutput for a non-scalar output, and refuses to guess one", () => {
    const x = f64([1, 2, 3]);
    const y = mul(x, x);
    expect(() => {
      y.backward();
    }).toThrow(/implicitly created only for a one-element output/);
    y.backward(Tensor.from([1, 0, 2], { dtype: "float64" }));
    expect(values(x.grad)).toEqual([2, 0, 12]); // 2x · gradOutput
  });

  it("rejects a gradOutput of the wrong shape, naming both shapes", () => {
    const y = mul(f64([1, 2, 3]), 2);
    expect(() => {
      y.backward(Tensor.zeros([2], { dtype: "float64" }));
    }).toThrow(ShapeError);
    expect(() => {
      y.backward(Tensor.zeros([2], { dtype: "float64" }));
    }).toThrow(/\[2\].*\[3\]/);
  });

  it("refuses a second backward through a freed graph, and allows it with retainGraph", () => {
    const x = f64([0.5]);
    const y = sum(exp(x));
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect(values(x.grad)[0]).toBeCloseTo(2 * Math.exp(0.5), 14);
    expect(() => {
      y.backward();
    }).toThrow(/backward through the graph a second time/);
  });

  it("refuses backward from an output that does not require grad", () => {
    const y = sum(mul(variable([1, 2], { dtype: "float64" }), 2));
    expect(() => {
      y.backward();
    }).toThrow(/does not require grad/);
  });

  it("gives non-leaves no grad unless retainGrad was asked for", () => {
    const x = f64([2]);
    const h = mul(x, x);
    const k = mul(x, 3).retainGrad();
    sum(add(mul(h, 2), k)).backward();
    expect(h.grad).toBeNull();
    expect(values(k.grad)).toEqual([1]);
    expect(values(x.grad)).toEqual([11]); // d/dx (2x² + 3x) = 4x + 3
  });

  it("handles a deep chain without recursion (iterative topological sort)", () => {
    let y = f64([1]);
    const x = y;
    for (let i = 0; i < 20_000; i++) y = add(y, 1e-4);
    sum(y).backward();
    expect(values(x.grad)).toEqual([1]);
  });

  it("with createGraph, the gradient is differentiable: d²/dx² tanh(x) = −2 tanh(x)(1 − tanh²x)", () => {
    const x = f64([0.3]);
    sum(tanh(x)).backward(undefined, { createGraph: true });
    const t = Math.tanh(0.3);
    expect(values(x.grad)[0]).toBeCloseTo(1 - t * t, 15);
    const [second] = gradients(x.gradVariable!, x);
    expect(second!.item()).toBeCloseTo(-2 * t * (1 - t * t), 15);
  });
});

describe("detach and noGrad", () => {
  it("detach shares the storage but cuts the graph", () => {
    const x = f64([1, 2]);
    const d = mul(x, 2).detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.gradFn).toBeNull();
  });

  it("noGrad records nothing and restores the mode after a throw", () => {
    const x = f64([1]);
    const y = noGrad(() => mul(x, 2));
    expect(y.requiresGrad).toBe(false);
    expect(() =>
      noGrad(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(isGradEnabled()).toBe(true);
  });
});

describe("version counter", () => {
  it("catches an in-place change to a tensor a recorded op saved", () => {
    const x = f64([1, 2]);
    const w = variable([3, 4], { dtype: "float64" });
    const y = sum(mul(x, w));
    modifyInPlace(w, (t) => t.mulInPlace(2));
    expect(() => {
      y.backward();
    }).toThrow(/modified by an in-place operation.*version 1, expected version 0/);
  });

  it("lets backward run when nothing saved was changed", () => {
    const x = f64([1, 2]);
    const c = variable([3, 4], { dtype: "float64" });
    const y = sum(add(x, c)); // add saves nothing
    modifyInPlace(c, (t) => t.fill(0));
    y.backward();
    expect(values(x.grad)).toEqual([1, 1]);
  });

  it("counts per storage, so views share the counter", () => {
    const t = Tensor.zeros([2, 2], { dtype: "float64" });
    const view = t.transpose();
    expect(versionOf(view)).toBe(0);
    bumpVersion(t);
    expect(versionOf(view)).toBe(1);
  });

  it("refuses an in-place change to a Variable that requires grad outside noGrad", () => {
    const p = f64([1]);
    expect(() => {
      modifyInPlace(p, (t) => t.fill(0));
    }).toThrow(InvalidArgumentError);
    expect(values(p.data)).toEqual([1]);
    noGrad(() => {
      modifyInPlace(p, (t) => t.fill(0));
    });
    expect(values(p.data)).toEqual([0]);
  });
});

describe("customOp", () => {
  const cube = (x: Variable): Variable =>
    customOp({ name: "cube", inputs: [x], forward: (t) => t.mul(t).mul(t), backward: (g, [v]) => [mul(g, mul(mul(v, v), 3))] });

  it("runs its forward and its hand-written backward, twice differentiable", () => {
    const x = f64([2]);
    const y = cube(x);
    expect(y.item()).toBe(8);
    const [g] = gradients(y, x, { createGraph: true });
    expect(g!.item()).toBe(12); // 3x²
    const [h] = gradients(g!, x);
    expect(h!.item()).toBe(12); // 6x
  });

  it("names itself when its backward returns a gradient of the wrong shape", () => {
    const x = f64([1, 2]);
    const bad = customOp({ name: "badOp", inputs: [x], forward: (t) => t.mul(2), backward: (g) => [sum(g)] });
    expect(() => {
      sum(bad).backward();
    }).toThrow(/badOp: backward returned a float64 gradient of shape \[\] for input 0/);
  });
});
