import { Variable, gradcheck, gradgradcheck, gradients, sum, mul } from "@descent/autograd";
import { DTypeError, InvalidArgumentError, ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { batchNorm } from "./batch-norm";
import { flat, maxRelativeError, randn } from "./test-utils";

const f64 = { dtype: "float64" } as const;
/** The tolerance of autograd's own op checks: central differences in float64. */
const FD = { eps: 1e-6, rtol: 1e-7, atol: 1e-9 } as const;

describe("batchNorm forward", () => {
  // One channel, batch {1, 2, 3, 4}: mean 2.5, biased variance 1.25, unbiased 5/3.
  const x = Tensor.from([[1], [2], [3], [4]], f64);

  it("normalizes with the batch statistics in training and moves the running buffers", () => {
    const runningMean = Tensor.from([0], f64);
    const runningVar = Tensor.from([1], f64);
    const y = batchNorm(x, runningMean, runningVar, Tensor.from([2], f64), Tensor.from([1], f64), { training: true, eps: 1e-5 });
    // y = 2·(x − 2.5)/√(1.25 + 1e-5) + 1
    const s = Math.sqrt(1.25 + 1e-5);
    expect(maxRelativeError(flat(y.data), [1, 2, 3, 4].map((v) => (2 * (v - 2.5)) / s + 1))).toBeLessThan(1e-15);
    // momentum 0.1: mean 0.9·0 + 0.1·2.5 = 0.25; var 0.9·1 + 0.1·5/3 = 1.0666…
    expect(flat(runningMean)[0]).toBeCloseTo(0.25, 15);
    expect(flat(runningVar)[0]).toBeCloseTo(0.9 + 1 / 6, 15);
  });

  it("normalizes with the running buffers in evaluation, leaving them unchanged", () => {
    const runningMean = Tensor.from([2], f64);
    const runningVar = Tensor.from([4], f64);
    const y = batchNorm(x, runningMean, runningVar, null, null, { training: false, eps: 1e-5 });
    // y = (x − 2)/√(4 + 1e-5)
    expect(maxRelativeError(flat(y.data), [1, 2, 3, 4].map((v) => (v - 2) / Math.sqrt(4 + 1e-5)))).toBeLessThan(1e-15);
    expect(flat(runningMean)).toEqual([2]);
    expect(flat(runningVar)).toEqual([4]);
  });

  it("uses the batch statistics of each channel of an (N, C, L) input", () => {
    // (N, C, L) = (1, 2, 2): channel 0 = {0, 2} (mean 1, var 1), channel 1 = {10, 14} (mean 12, var 4). eps tiny.
    const y = batchNorm(Tensor.from([[[0, 2], [10, 14]]], f64), null, null, null, null, { training: true, eps: 1e-12 });
    expect(maxRelativeError(flat(y.data), [-1, 1, -1, 1])).toBeLessThan(1e-11);
  });

  it("keeps float32 in float32, close to the float64 result", () => {
    const x64 = randn([6, 3, 2], 1, 0.5, 2);
    const x32 = x64.astype("float32");
    const y32 = batchNorm(x32, null, null, null, null, { training: true });
    const y64 = batchNorm(x64, null, null, null, null, { training: true });
    expect(y32.dtype).toBe("float32");
    expect(maxRelativeError(flat(y32.data), flat(y64.data))).toBeLessThan(1e-5);
  });

  it("reads non-contiguous inputs and running buffers", () => {
    // The transpose of a (2, 4) tensor is a non-contiguous (4, 2) view with the same values as the contiguous copy.
    const x = randn([2, 4], 2).transpose();
    const buffer = Tensor.from([[0, 1], [0, 1]], f64).transpose(); // rows: running mean [0, 0], running var [1, 1]
    const rm = buffer.slice(0);
    const rv = buffer.slice(1);
    const y = batchNorm(x, rm, rv, null, null, { training: true, momentum: 0.5 });
    const rmRef = Tensor.from([0, 0], f64);
    const rvRef = Tensor.from([1, 1], f64);
    const yRef = batchNorm(x.contiguous(), rmRef, rvRef, null, null, { training: true, momentum: 0.5 });
    expect(flat(y.data)).toEqual(flat(yRef.data));
    expect(flat(rm)).toEqual(flat(rmRef));
    expect(flat(rv)).toEqual(flat(rvRef));
  });
});

describe("batchNorm gradients (float64, central differences)", () => {
  const weight = Tensor.from([1.5, -0.5, 0.8], f64);
  const bias = Tensor.from([0.1, 0.2, -0.3], f64);
  const running = () => [Tensor.from([0.3, -0.2, 0.1], f64), Tensor.from([0.7, 1.3, 2.1], f64)] as const;

  it.each([
    ["(N, C)", [5, 3]],
    ["(N, C, L)", [3, 3, 4]],
    ["(N, C, H, W)", [2, 3, 2, 2]],
  ])("training, %s input: first and second order in x, γ and β", (_name, shape) => {
    const x = randn(shape, 3, 0.2, 1.5);
    const f = (xv: Variable, w: Variable, b: Variable) => batchNorm(xv, null, null, w, b, { training: true, eps: 1e-3 });
    expect(gradcheck(f, [x, weight, bias], FD)).toBe(true);
    expect(gradgradcheck(f, [x, weight, bias], FD)).toBe(true);
  });

  it("training without γ/β: first and second order", () => {
    const f = (xv: Variable) => batchNorm(xv, null, null, null, null, { training: true });
    expect(gradcheck(f, [randn([4, 3, 2], 4)], FD)).toBe(true);
    expect(gradgradcheck(f, [randn([4, 3, 2], 4)], FD)).toBe(true);
  });

  it("evaluation with running statistics: first and second order", () => {
    const [rm, rv] = running();
    const f = (xv: Variable, w: Variable, b: Variable) => batchNorm(xv, rm, rv, w, b, { training: false });
    expect(gradcheck(f, [randn([4, 3, 2], 5), weight, bias], FD)).toBe(true);
    expect(gradgradcheck(f, [randn([4, 3, 2], 5), weight, bias], FD)).toBe(true);
  });

  it("the createGraph backward gives the fused backward's numbers", () => {
    // Two implementations of one closed form: typed-array kernel (ordinary backward) and differentiable ops (createGraph).
    const x = new Variable(randn([5, 3, 2], 6), { requiresGrad: true });
    const w = new Variable(weight, { requiresGrad: true });
    const b = new Variable(bias, { requiresGrad: true });
    const dy = randn([5, 3, 2], 7);
    for (const training of [true, false]) {
      const [rm, rv] = running();
      const y = () => batchNorm(x, rm, rv, w, b, { training, momentum: 0 });
      const fused = gradients(y(), [x, w, b], { gradOutputs: dy });
      const graph = gradients(y(), [x, w, b], { gradOutputs: dy, createGraph: true });
      // dx and dγ depend on x (and γ), so under createGraph they are graphs; dβ = Σ dy is a constant.
      expect([graph[0]!.requiresGrad, graph[1]!.requiresGrad, graph[2]!.requiresGrad]).toEqual([true, true, false]);
      fused.forEach((g, i) => {
        expect(maxRelativeError(flat(g!.data), flat(graph[i]!.data))).toBeLessThan(1e-13);
      });
    }
  });

  it("float32 gradients are close to the float64 ones", () => {
    const x64 = randn([4, 3], 8);
    const dy = randn([4, 3], 9);
    const grad = (x: Tensor, dtype: "float32" | "float64") => {
      const xv = new Variable(x, { requiresGrad: true });
      const w = new Variable(weight.astype(dtype), { requiresGrad: true });
      batchNorm(xv, null, null, w, null, { training: true }).backward(dy.astype(dtype));
      return [flat(xv.grad!), flat(w.grad!)];
    };
    const [dx32, dw32] = grad(x64.astype("float32"), "float32");
    const [dx64, dw64] = grad(x64, "float64");
    expect(maxRelativeError(dx32, dx64)).toBeLessThan(1e-5);
    expect(maxRelativeError(dw32, dw64)).toBeLessThan(1e-5);
  });

  it("a loss through two batch norms trains γ of both (gradients flow through the statistics)", () => {
    // Σ bn(bn(x))·c: the inner γ only matters through the outer normalization, whose output is invariant to it
    // (scaling a channel before batch norm changes nothing), so d/dγ_inner = 0 up to eps; the outer γ gets Σ c·x̂.
    const x = randn([6, 2], 10);
    const inner = new Variable(Tensor.from([2, 3], f64), { requiresGrad: true });
    const outer = new Variable(Tensor.from([1, 1], f64), { requiresGrad: true });
    const c = randn([6, 2], 11);
    const y = batchNorm(batchNorm(x, null, null, inner, null, { training: true, eps: 1e-12 }), null, null, outer, null, { training: true, eps: 1e-12 });
    sum(mul(y, c)).backward();
    expect(Math.max(...flat(inner.grad!).map(Math.abs))).toBeLessThan(1e-9);
    expect(Math.max(...flat(outer.grad!).map(Math.abs))).toBeGreaterThan(1e-3);
  });
});

describe("batchNorm rejects bad input and changes nothing", () => {
  const fresh = () => [Tensor.from([0, 0], f64), Tensor.from([1, 1], f64)] as const;
  const x = randn([3, 2], 12);
  const cases: [string, (rm: Tensor, rv: Tensor) => unknown, new (...args: never[]) => Error, RegExp][] = [
    ["eps = 0", (rm, rv) => batchNorm(x, rm, rv, null, null, { training: true, eps: 0 }), InvalidArgumentError, /batchNorm: eps is 0, expected a finite number > 0/],
    ["eps < 0", (rm, rv) => batchNorm(x, rm, rv, null, null, { training: true, eps: -1e-5 }), InvalidArgumentError, /eps is -0.00001/],
    ["momentum > 1", (rm, rv) => batchNorm(x, rm, rv, null, null, { training: true, momentum: 1.5 }), InvalidArgumentError, /momentum is 1.5, expected a number in \[0, 1\]/],
    ["momentum < 0", (rm, rv) => batchNorm(x, rm, rv, null, null, { training: true, momentum: -0.1 }), InvalidArgumentError, /momentum is -0.1/],
    ["one value per channel", (rm, rv) => batchNorm(randn([1, 2], 1), rm, rv, null, null, { training: true }), ShapeError,
      /Expected more than 1 value per channel when training, got input size \[1, 2\]/],
    ["one value per channel (N, C, 1)", (rm, rv) => batchNorm(randn([1, 2, 1], 1), rm, rv, null, null, { training: true }), ShapeError, /more than 1 value per channel/],
    ["1-d input", (rm, rv) => batchNorm(randn([4], 1), rm, rv, null, null, { training: true }), ShapeError, /input has shape \[4\], expected at least 2 dimensions/],
    ["running mean of the wrong length", (_rm, rv) => batchNorm(x, Tensor.from([0, 0, 0], f64), rv, null, null, { training: true }), ShapeError,
      /runningMean has shape \[3\], expected \[2\]/],
    ["weight of the wrong length", (rm, rv) => batchNorm(x, rm, rv, Tensor.from([1], f64), null, { training: true }), ShapeError, /weight has shape \[1\], expected \[2\]/],
    ["bias of another dtype", (rm, rv) => batchNorm(x, rm, rv, null, Tensor.from([0, 0], { dtype: "float32" }), { training: true }), DTypeError,
      /bias is float32, expected float64/],
    ["int32 input", (rm, rv) => batchNorm(Tensor.from([[1, 2], [3, 4]], { dtype: "int32" }), rm, rv, null, null, { training: true }), DTypeError, /input is int32/],
    ["only one running buffer", (rm) => batchNorm(x, rm, null, null, null, { training: true }), InvalidArgumentError, /both or neither/],
  ];

  it.each(cases)("%s", (_name, call, errorClass, message) => {
    const [rm, rv] = fresh();
    expect(() => call(rm, rv)).toThrow(errorClass);
    expect(() => call(rm, rv)).toThrow(message);
    expect(flat(rm)).toEqual([0, 0]);
    expect(flat(rv)).toEqual([1, 1]);
  });

  it("evaluation without running statistics is PyTorch's error", () => {
    expect(() => batchNorm(x, null, null, null, null, { training: false })).toThrow(/running_mean must be defined in evaluation mode/);
  });

  it("refuses to backward an evaluation output after a training call changed the running buffers it read", () => {
    // As PyTorch's version counter: the eval output's gradient depends on the old running variance.
    const [rm, rv] = fresh();
    const xv = new Variable(x, { requiresGrad: true });
    const y = batchNorm(xv, rm, rv, null, null, { training: false });
    batchNorm(x, rm, rv, null, null, { training: true });
    expect(() => { sum(y).backward(); }).toThrow(/modified by an in-place operation/);
  });
});
