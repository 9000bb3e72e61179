import { Generator, InvalidArgumentError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { Linear } from "./nn/linear";
import { add } from "./ops/add";
import { linear } from "./ops/linear";
import { mul } from "./ops/mul";
import { sum } from "./ops/sum";
import { GRADIENT_IN_SINK, Node, Variable } from "./variable";

const bits = (t: Tensor | null): number[] => Array.from(t!.toFlatArray());

describe("gradient sinks: Linear's weight gradient written into W.grad", () => {
  it("gives W.grad the bits of the product the engine would add (no gradient yet, zeroed, or accumulating), float32 and float64", () => {
    const generator = new Generator(11);
    for (const dtype of ["float32", "float64"] as const) {
      // batch 300 > the GEMM's 256-deep slice: the product is summed in two slices
      for (const batch of [5, 300]) {
        const layer = new Linear(7, 3, { dtype, generator });
        const x = generator.normal([batch, 7], 0, 1, { dtype });
        const c = generator.normal([batch, 3], 0, 1, { dtype });
        const loss = (): Variable => sum(mul(layer.forward(x), c));
        // dL/dW = cᵀ·x: the fresh product the engine would clone into W.grad or add to it
        const product = c.transpose(0, 1).matmul(x);

        loss().backward();
        expect(bits(layer.weight.grad)).toEqual(bits(product));
        const kept = layer.weight.grad;

        layer.zeroGrad({ setToNone: false });
        loss().backward();
        expect(layer.weight.grad).toBe(kept); // added into in place: the same tensor
        expect(bits(layer.weight.grad)).toEqual(bits(product));

        if (batch <= 256) {
          // one slice: the kernel adds the old gradient to the finished sum, as the engine's add would
          loss().backward();
          expect(bits(layer.weight.grad)).toEqual(bits(product.add(product)));
        }
        // the bias has no sink (its gradient is a sum, not a product): unchanged path
        expect(bits(layer.bias!.grad)).toEqual(bits(c.sum(0).mul(batch <= 256 ? 2 : 1)));
      }
    }
  });

  it("is what Linear's backward writes W's gradient into (added, or written fresh), returning GRADIENT_IN_SINK for W", () => {
    const generator = new Generator(14);
    const layer = new Linear(4, 2, { dtype: "float64", generator });
    const x = generator.normal([3, 4], 0, 1, { dtype: "float64" });
    const g = generator.normal([3, 2], 0, 1, { dtype: "float64" });
    const product = g.transpose(0, 1).matmul(x);
    for (const add of [true, false]) {
      const target = Tensor.full([2, 4], 1, { dtype: "float64" });
      const node = layer.forward(x).gradFn!;
      const grads = node.backwardFn!(new Variable(g), [null, { add, into: () => target }, null]);
      expect(grads[1]).toBe(GRADIENT_IN_SINK);
      expect(bits(target)).toEqual(bits(add ? product.add(1) : product));
    }
  });

  it("is offered by the engine for a leaf used once, and not for one used twice, a non-leaf, or under createGraph", () => {
    const seen: (readonly unknown[] | undefined)[] = [];
    const once = new Variable(Tensor.from([1, 2]), { requiresGrad: true });
    const twice = new Variable(Tensor.from([3, 4]), { requiresGrad: true });
    const inner = mul(once, 2);
    const spy = (inputs: Variable[]): Variable =>
      new Variable(Tensor.from([0, 0]), {}, new Node("spy", inputs, (gradOutput, sinks) => {
        seen.push(sinks);
        return inputs.map(() => gradOutput);
      }, []));
    sum(spy([inner, twice, twice])).backward();
    expect(seen[0]).toEqual([null, null, null]); // inner is not a leaf; twice is used twice
    seen.length = 0;
    sum(spy([new Variable(Tensor.from([5, 6]), { requiresGrad: true })])).backward();
    expect((seen[0]![0] as { add: boolean }).add).toBe(false); // no gradient yet: a fresh one to write
    seen.length = 0;
    sum(spy([once])).backward(undefined, { createGraph: true });
    expect(seen[0]).toBeUndefined();
  });

  it("is not offered for a leaf that two ops use: their terms are summed first, then added to the old gradient", () => {
    const generator = new Generator(12);
    const w = new Variable(generator.normal([3, 4]), { requiresGrad: true });
    const old = generator.normal([3, 4]);
    w.grad = old.clone();
    const [x1, x2] = [generator.normal([6, 4]), generator.normal([6, 4])];
    const [c1, c2] = [generator.normal([6, 3]), generator.normal([6, 3])];
    add(sum(mul(linear(new Variable(x1), w), c1)), sum(mul(linear(new Variable(x2), w), c2))).backward();
    const terms = c1.transpose(0, 1).matmul(x1).add(c2.transpose(0, 1).matmul(x2));
    // A sink would have given (old + term₁) + term₂, which rounds differently in float32.
    expect(bits(w.grad)).toEqual(bits(old.add(terms)));
  });

  it("is not offered under createGraph, where the gradient is recorded as a graph", () => {
    const generator = new Generator(13);
    const layer = new Linear(4, 2, { dtype: "float64", generator });
    const x = generator.normal([3, 4], 0, 1, { dtype: "float64" });
    sum(layer.forward(x)).backward(undefined, { createGraph: true });
    expect(layer.weight.gradVariable).not.toBeNull();
    expect(bits(layer.weight.grad)).toEqual(bits(Tensor.ones([3, 2], { dtype: "float64" }).transpose(0, 1).matmul(x)));
  });

  it("rejects a backward that claims a sink it was not given, naming the op and the input", () => {
    const leaf = new Variable(Tensor.from([1, 2]), { requiresGrad: true });
    // used twice, so the engine offers it no sink
    const claims = new Variable(Tensor.from([3, 4]), {}, new Node("claimsSink", [leaf, leaf], () => [GRADIENT_IN_SINK, null], []));
    expect(() => { sum(claims).backward(); }).toThrow(InvalidArgumentError);
    expect(() => { sum(claims).backward(); }).toThrow(/claimsSink: backward returned GRADIENT_IN_SINK for input 0, which was given no gradient sink/);
  });
});
