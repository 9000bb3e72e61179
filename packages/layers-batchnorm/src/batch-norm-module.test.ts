import { Variable } from "@descent/autograd";
import { InvalidArgumentError, ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { BatchNorm1d, BatchNorm2d, BatchNorm3d } from "./batch-norm-module";
import { flat, maxRelativeError, randn } from "./test-utils";

const f64 = { dtype: "float64" } as const;

/** Per-channel mean and unbiased variance of an (N, C) tensor, straight from the definitions. */
function columnStatistics(x: Tensor): { mean: number[]; unbiased: number[] } {
  const rows = x.toArray() as number[][];
  const channels = rows[0].length;
  const mean = Array.from({ length: channels }, (_, c) => rows.reduce((s, r) => s + r[c], 0) / rows.length);
  const unbiased = mean.map((m, c) => rows.reduce((s, r) => s + (r[c] - m) ** 2, 0) / (rows.length - 1));
  return { mean, unbiased };
}

describe("BatchNorm modules: construction and state", () => {
  it("has PyTorch's defaults: γ = 1, β = 0, running mean 0, running var 1, no batches", () => {
    const bn = new BatchNorm1d(3);
    expect([bn.eps, bn.momentum, bn.affine, bn.trackRunningStats]).toEqual([1e-5, 0.1, true, true]);
    expect(flat(bn.weight!.data)).toEqual([1, 1, 1]);
    expect(flat(bn.bias!.data)).toEqual([0, 0, 0]);
    expect(flat(bn.runningMean!)).toEqual([0, 0, 0]);
    expect(flat(bn.runningVar!)).toEqual([1, 1, 1]);
    expect(bn.numBatchesTracked!.item()).toBe(0);
    expect(bn.weight!.dtype).toBe("float32");
  });

  it("names its state as PyTorch's state_dict, in camelCase and the same order", () => {
    expect(Object.keys(new BatchNorm2d(2).stateDict())).toEqual(["weight", "bias", "runningMean", "runningVar", "numBatchesTracked"]);
    expect(Object.keys(new BatchNorm2d(2, { affine: false }).stateDict())).toEqual(["runningMean", "runningVar", "numBatchesTracked"]);
    expect(Object.keys(new BatchNorm2d(2, { trackRunningStats: false }).stateDict())).toEqual(["weight", "bias"]);
    expect(new BatchNorm2d(2).parameters()).toHaveLength(2);
    expect(new BatchNorm2d(2, { affine: false }).parameters()).toHaveLength(0);
  });

  it("round-trips its state through stateDict / loadStateDict", () => {
    const a = new BatchNorm1d(2, { dtype: "float64" });
    a.forward(randn([5, 2], 1, 3, 2));
    a.forward(randn([5, 2], 2, 3, 2));
    const b = new BatchNorm1d(2, { dtype: "float64" });
    b.loadStateDict(a.stateDict());
    expect(flat(b.runningMean!)).toEqual(flat(a.runningMean!));
    expect(flat(b.runningVar!)).toEqual(flat(a.runningVar!));
    expect(b.numBatchesTracked!.item()).toBe(2);
  });

  it.each([
    ["numFeatures 0", () => new BatchNorm1d(0), /BatchNorm1d: numFeatures is 0, expected an integer >= 1/],
    ["eps 0", () => new BatchNorm2d(2, { eps: 0 }), /BatchNorm2d: eps is 0, expected a finite number > 0/],
    ["eps negative", () => new BatchNorm2d(2, { eps: -1 }), /eps is -1/],
    ["momentum 2", () => new BatchNorm3d(2, { momentum: 2 }), /BatchNorm3d: momentum is 2, expected a number in \[0, 1\]/],
    ["momentum NaN", () => new BatchNorm1d(2, { momentum: Number.NaN }), /momentum is NaN/],
  ])("rejects %s", (_name, make, message) => {
    expect(make).toThrow(InvalidArgumentError);
    expect(make).toThrow(message);
  });

  it("resetRunningStats and resetParameters restore the initial state", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64" });
    bn.forward(randn([4, 2], 3, 1, 2));
    bn.weight!.data.fill(3);
    bn.bias!.data.fill(-1);
    bn.resetRunningStats();
    expect([flat(bn.runningMean!), flat(bn.runningVar!), bn.numBatchesTracked!.item()]).toEqual([[0, 0], [1, 1], 0]);
    expect(flat(bn.weight!.data)).toEqual([3, 3]);
    bn.forward(randn([4, 2], 4, 1, 2));
    bn.resetParameters();
    expect([flat(bn.runningMean!), flat(bn.runningVar!), bn.numBatchesTracked!.item()]).toEqual([[0, 0], [1, 1], 0]);
    expect([flat(bn.weight!.data), flat(bn.bias!.data)]).toEqual([[1, 1], [0, 0]]);
  });
});

describe("BatchNorm modules: training and evaluation", () => {
  it("tracks exponential averages of the batch mean and unbiased variance", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64", momentum: 0.25 });
    const batches = [randn([5, 2], 5, 1, 2), randn([4, 2], 6, -1, 0.5)];
    let mean = [0, 0];
    let variance = [1, 1];
    for (const x of batches) {
      bn.forward(x);
      const s = columnStatistics(x);
      mean = mean.map((m, c) => 0.75 * m + 0.25 * s.mean[c]);
      variance = variance.map((v, c) => 0.75 * v + 0.25 * s.unbiased[c]);
    }
    expect(maxRelativeError(flat(bn.runningMean!), mean)).toBeLessThan(1e-14);
    expect(maxRelativeError(flat(bn.runningVar!), variance)).toBeLessThan(1e-14);
    expect(bn.numBatchesTracked!.item()).toBe(2);
  });

  it("with momentum null keeps the plain average of every batch's statistics", () => {
    // The cumulative average with weights 1/k makes running = (1/K) Σ_k stat_k exactly (the initial 0/1 drop out at k = 1).
    const bn = new BatchNorm1d(2, { dtype: "float64", momentum: null });
    const batches = [randn([5, 2], 7, 2), randn([3, 2], 8, -1), randn([6, 2], 9, 0, 3)];
    for (const x of batches) bn.forward(x);
    const stats = batches.map(columnStatistics);
    const average = (pick: (s: { mean: number[]; unbiased: number[] }) => number[]) =>
      [0, 1].map((c) => stats.reduce((acc, s) => acc + pick(s)[c], 0) / stats.length);
    expect(maxRelativeError(flat(bn.runningMean!), average((s) => s.mean))).toBeLessThan(1e-14);
    expect(maxRelativeError(flat(bn.runningVar!), average((s) => s.unbiased))).toBeLessThan(1e-14);
    expect(bn.numBatchesTracked!.item()).toBe(3);
  });

  it("evaluates with the running statistics and leaves them unchanged", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64" });
    bn.forward(randn([6, 2], 10, 2, 3));
    const before = [flat(bn.runningMean!), flat(bn.runningVar!)];
    bn.eval();
    const x = randn([3, 2], 11);
    const y = bn.forward(x);
    const [rm, rv] = before;
    const want = flat(x).map((v, i) => (v - rm[i % 2]) / Math.sqrt(rv[i % 2] + 1e-5));
    expect(maxRelativeError(flat(y.data), want)).toBeLessThan(1e-14);
    expect([flat(bn.runningMean!), flat(bn.runningVar!)]).toEqual(before);
    expect(bn.numBatchesTracked!.item()).toBe(1);
  });

  it("without tracked statistics uses the batch's in evaluation too (as PyTorch)", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64", trackRunningStats: false });
    const x = randn([4, 2], 12, 1, 2);
    const yTrain = bn.forward(x);
    const yEval = bn.eval().forward(x);
    expect(flat(yEval.data)).toEqual(flat(yTrain.data));
    expect(bn.runningMean).toBeNull();
  });

  it("BatchNorm2d normalizes each channel over N, H and W: equal to BatchNorm1d on (N·H·W, C)", () => {
    const x = randn([2, 3, 2, 4], 13, 0.5, 2);
    const rows = x.permute([0, 2, 3, 1]).reshape([16, 3]);
    const bn2 = new BatchNorm2d(3, { dtype: "float64" });
    const bn1 = new BatchNorm1d(3, { dtype: "float64" });
    const y2 = bn2.forward(x).data.permute([0, 2, 3, 1]).reshape([16, 3]);
    const y1 = bn1.forward(rows).data;
    expect(maxRelativeError(flat(y2), flat(y1))).toBeLessThan(1e-14);
    expect(maxRelativeError(flat(bn2.runningVar!), flat(bn1.runningVar!))).toBeLessThan(1e-14);
  });

  it("BatchNorm3d takes (N, C, D, H, W) and agrees with BatchNorm1d on (N, C, D·H·W)", () => {
    const x = randn([2, 2, 2, 2, 3], 14);
    const y3 = new BatchNorm3d(2, { dtype: "float64" }).forward(x).data;
    const y1 = new BatchNorm1d(2, { dtype: "float64" }).forward(x.reshape([2, 2, 12])).data;
    expect(flat(y3)).toEqual(flat(y1));
  });

  it("gives γ and β their gradients: dβ = Σ dy, dγ = Σ dy·x̂", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64", eps: 1e-12 });
    const x = Tensor.from([[1, 10], [3, 30]], f64); // x̂ = [[−1, −1], [1, 1]] up to eps
    const dy = Tensor.from([[0.5, 2], [1.5, -1]], f64);
    bn.forward(x).backward(dy);
    expect(maxRelativeError(flat(bn.bias!.grad!), [2, 1])).toBeLessThan(1e-12);
    expect(maxRelativeError(flat(bn.weight!.grad!), [1, -3])).toBeLessThan(1e-11);
  });
});

describe("BatchNorm modules: frozen statistics", () => {
  it("normalize with the running statistics in training mode, leave them alone, and still train γ and β", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64" });
    bn.forward(randn([6, 2], 15, 1, 2));
    const before = [flat(bn.runningMean!), flat(bn.runningVar!), bn.numBatchesTracked!.item()];
    const x = randn([4, 2], 16);
    const dy = randn([4, 2], 17);
    const run = (module: BatchNorm1d) => {
      module.zeroGrad();
      const xv = new Variable(x, { requiresGrad: true });
      const y = module.forward(xv);
      y.backward(dy);
      return [flat(y.data), flat(xv.grad!), flat(module.weight!.grad!), flat(module.bias!.grad!)];
    };
    const frozen = run(bn.freezeStatistics());
    expect(bn.training).toBe(true);
    expect(bn.statisticsFrozen).toBe(true);
    expect([flat(bn.runningMean!), flat(bn.runningVar!), bn.numBatchesTracked!.item()]).toEqual(before);
    const evaluated = run(bn.eval());
    frozen.forEach((values, i) => { expect(values).toEqual(evaluated[i]); });
    expect(Math.max(...frozen[2].map(Math.abs))).toBeGreaterThan(0);
    bn.train().freezeStatistics(false);
    bn.forward(x);
    expect(bn.numBatchesTracked!.item()).toBe(2);
  });

  it("cannot freeze what is not tracked", () => {
    expect(() => new BatchNorm2d(2, { trackRunningStats: false }).freezeStatistics()).toThrow(/trackRunningStats is false/);
  });
});

describe("BatchNorm modules reject bad input and change nothing", () => {
  const state = (bn: BatchNorm1d | BatchNorm2d) => [flat(bn.runningMean!), flat(bn.runningVar!), bn.numBatchesTracked!.item()];

  it.each([
    ["a 4-d input to BatchNorm1d", () => new BatchNorm1d(2), randn([2, 2, 2, 2], 1), /BatchNorm1d.forward: input has shape \[2, 2, 2, 2\] \(4-d\), expected a 2-d \(N, C\) or 3-d \(N, C, L\) input/],
    ["a 3-d input to BatchNorm2d", () => new BatchNorm2d(2), randn([2, 2, 2], 1), /BatchNorm2d.forward: input has shape \[2, 2, 2\] \(3-d\), expected a 4-d \(N, C, H, W\) input/],
    ["a channel count other than numFeatures", () => new BatchNorm1d(3), randn([4, 2], 1), /input has 2 channels \(shape \[4, 2\]\), expected numFeatures = 3/],
    ["one value per channel in training", () => new BatchNorm1d(2), randn([1, 2], 1), /Expected more than 1 value per channel when training, got input size \[1, 2\]/],
    ["one value per channel of a 2-d batch", () => new BatchNorm2d(2), randn([1, 2, 1, 1], 1), /Expected more than 1 value per channel when training/],
  ])("%s", (_name, make, x, message) => {
    const bn = make();
    const before = state(bn);
    expect(() => bn.forward(x.astype("float32"))).toThrow(ShapeError);
    expect(() => bn.forward(x.astype("float32"))).toThrow(message);
    expect(state(bn)).toEqual(before);
  });

  it("accepts one sample in evaluation with running statistics, refuses it without (PyTorch uses the batch's then)", () => {
    const x = randn([1, 2], 2).astype("float32");
    expect(new BatchNorm1d(2).eval().forward(x).shape).toEqual([1, 2]);
    expect(() => new BatchNorm1d(2, { trackRunningStats: false }).eval().forward(x)).toThrow(/Expected more than 1 value per channel/);
  });

  it("refuses an input of another dtype than its parameters, before touching the buffers", () => {
    const bn = new BatchNorm1d(2);
    expect(() => bn.forward(randn([3, 2], 3))).toThrow(/BatchNorm1d.forward: input is float64, expected float32 \(the module's dtype\)/);
    expect(state(bn)).toEqual([[0, 0], [1, 1], 0]);
  });

  it("changes nothing when the input is not a tensor", () => {
    expect(() => new BatchNorm1d(2).forward([[1, 2]] as unknown as Tensor)).toThrow(/input is \[\[1,2\]\], expected a Variable or a Tensor/);
  });
});

describe("BatchNorm1d against PyTorch 1.13 (case bn1d/2d/no-track of the conformance set)", () => {
  // torch.nn.BatchNorm1d(2, eps=1e-3, track_running_stats=False) in float64 with the γ/β below: a training call on a
  // (3, 2) batch, then an evaluation call on a (4, 2) batch (which, without running statistics, uses the batch's).
  const weight = [0.7740117370535758, 1.0168248871982115];
  const bias = [0.04477832254181631, -0.6538306575369557];
  const calls = [
    {
      mode: "train",
      x: [1.9711116990439366, 2.476883020942399, 2.3551535574434306, 0.2362289198627272, 2.3870099234663185, 1.521297326474281],
      dy: [0.5361660516754132, -0.6580845183562857, 0.749836862820422, -1.0001625881168215, -0.4391660100430956, -0.2241138005465524],
      y: [-1.0322723906864533, 0.5255338743556601, 0.5189658822085015, -1.9547693670350896, 0.6476414761033966, -0.5322564799314371],
      dx: [-0.1525171381505579, -0.24341656157846076, 2.4072244237250433, -0.1814652991818485, -2.254707285574489, 0.424881860760309],
      dweight: [-0.628765299917927, 0.4895456848190276],
      dbias: [0.8468369044527395, -1.8823609070196594],
    },
    {
      mode: "eval",
      x: [-3.5046670155415813, -2.8955502738349894, -2.183509700062108, -2.691299364502965, -1.4301979138611294, 0.4544383573706372, -4.148964956689738, -4.274747186011664],
      dy: [0.2855848012277601, 0.8815075399445444, -0.2275915562129329, -0.7316729702194452, -0.09555916947074179, -1.2202642249988913, 0.6129634828533149, -0.09454317929659373],
      y: [-0.45300289956983725, -0.9732177732018409, 0.50311311323635, -0.8532475106371136, 1.048281696101891, 0.9944553058994864, -0.9192786196011378, -1.7833126522083553],
      dx: [-0.03772729961477677, 0.5962916577368476, -0.13962768767500328, -0.3164756817262284, 0.10958044183193626, -0.06807972494958542, 0.0677745454578438, -0.21173625106103383],
      dweight: [-1.2057924768279253, -2.0064357492631464],
      dbias: [0.5753975583974004, -1.1649728345703858],
    },
  ];

  it("reproduces y, dx, dγ and dβ to 1e-12", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64", eps: 1e-3, trackRunningStats: false });
    bn.weight!.data.copyFrom(Tensor.from(weight, f64));
    bn.bias!.data.copyFrom(Tensor.from(bias, f64));
    for (const call of calls) {
      bn.train(call.mode === "train");
      bn.zeroGrad();
      const x = new Variable(Tensor.from(call.x, { dtype: "float64", shape: [call.x.length / 2, 2] }), { requiresGrad: true });
      const y = bn.forward(x);
      y.backward(Tensor.from(call.dy, { dtype: "float64", shape: y.shape }));
      expect(maxRelativeError(flat(y.data), call.y)).toBeLessThan(1e-12);
      expect(maxRelativeError(flat(x.grad!), call.dx)).toBeLessThan(1e-12);
      expect(maxRelativeError(flat(bn.weight!.grad!), call.dweight)).toBeLessThan(1e-12);
      expect(maxRelativeError(flat(bn.bias!.grad!), call.dbias)).toBeLessThan(1e-12);
    }
  });
});
