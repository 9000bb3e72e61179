import { Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { expectGradientsMatch, randn } from "../test-utils";
import { Variable } from "../variable";
import { binaryCrossEntropyWithLogits, crossEntropy, huberLoss, l1Loss, mseLoss, nllLoss } from "./losses";

const f64 = (values: number[][] | number[]): Tensor => Tensor.from(values, { dtype: "float64" });
const int = (values: number[]): Tensor => Tensor.from(values, { dtype: "int32" });

const logits = [
  [1.2, -0.3, 0.5],
  [0.1, 2.0, -1.1],
  [-0.7, 0.4, 0.9],
  [0.3, 0.3, -0.2],
];
const labels = [0, 1, 2, 1];

/** log softmax of one row, written out: x_c − log Σ e^x. */
const logSoftmaxRow = (row: number[]): number[] => {
  const lse = Math.log(row.reduce((acc, v) => acc + Math.exp(v), 0));
  return row.map((v) => v - lse);
};

describe("crossEntropy", () => {
  it("is the mean of −log softmax at the label (and the sum, and per sample)", () => {
    const perSample = logits.map((row, i) => -logSoftmaxRow(row)[labels[i]]);
    const total = perSample.reduce((a, b) => a + b, 0);
    expect(crossEntropy(f64(logits), int(labels)).item()).toBeCloseTo(total / 4, 14);
    expect(crossEntropy(f64(logits), int(labels), { reduction: "sum" }).item()).toBeCloseTo(total, 14);
    const none = crossEntropy(f64(logits), int(labels), { reduction: "none" }).data.toFlatArray();
    perSample.forEach((v, i) => { expect(none[i]).toBeCloseTo(v, 14); });
  });

  it("with label smoothing ε is (1 − ε)·nll + ε·mean over classes of −log p", () => {
    const eps = 0.1;
    const want =
      logits.reduce((acc, row, i) => {
        const lp = logSoftmaxRow(row);
        return acc + (1 - eps) * -lp[labels[i]] + (eps / 3) * -lp.reduce((a, b) => a + b, 0);
      }, 0) / 4;
    expect(crossEntropy(f64(logits), int(labels), { labelSmoothing: eps }).item()).toBeCloseTo(want, 14);
  });

  it("with class weights divides by the weights of the labels (PyTorch's weighted mean)", () => {
    const w = [0.5, 2, 1];
    const num = logits.reduce((acc, row, i) => acc + w[labels[i]] * -logSoftmaxRow(row)[labels[i]], 0);
    const den = labels.reduce((acc, c) => acc + w[c], 0);
    expect(crossEntropy(f64(logits), int(labels), { weight: f64(w) }).item()).toBeCloseTo(num / den, 14);
  });

  it("skips targets equal to ignoreIndex, in the sum and in the count", () => {
    const want = (-logSoftmaxRow(logits[0])[0] - logSoftmaxRow(logits[2])[2]) / 2;
    expect(crossEntropy(f64(logits), int([0, -100, 2, -100])).item()).toBeCloseTo(want, 14);
  });

  it("accepts class probabilities as a float target of the input's shape", () => {
    const p = [
      [0.2, 0.5, 0.3],
      [1, 0, 0],
      [0, 0.5, 0.5],
      [0.1, 0.1, 0.8],
    ];
    const want = logits.reduce((acc, row, i) => acc - logSoftmaxRow(row).reduce((a, lp, c) => a + p[i][c] * lp, 0), 0) / 4;
    expect(crossEntropy(f64(logits), f64(p)).item()).toBeCloseTo(want, 14);
  });

  it("has the right gradients (and second derivatives) in every variant", () => {
    const x = randn([4, 3], 1);
    expectGradientsMatch((v) => crossEntropy(v, int(labels)), [x]);
    expectGradientsMatch((v) => crossEntropy(v, int(labels), { labelSmoothing: 0.2, reduction: "sum" }), [x]);
    expectGradientsMatch((v) => crossEntropy(v, int([0, -100, 2, 1]), { weight: f64([0.5, 2, 1]), labelSmoothing: 0.1 }), [x]);
    expectGradientsMatch((v, t) => crossEntropy(v, t), [x, Tensor.from([[0.2, 0.5, 0.3], [1, 0, 0], [0, 0.5, 0.5], [0.1, 0.1, 0.8]], { dtype: "float64" })]);
    expectGradientsMatch((v) => crossEntropy(v, Tensor.from([[1, 0], [2, 1]], { dtype: "int32" })), [randn([2, 3, 2], 2)]);
  });

  it("rejects out-of-range labels and float labels of the wrong shape", () => {
    expect(() => crossEntropy(f64(logits), int([0, 3, 1, 1]))).toThrow(/crossEntropy: target\[1\] is 3, expected a class index in \[0, 3\)/);
    expect(() => crossEntropy(f64(logits), f64(labels))).toThrow(/int32 tensor/);
    expect(() => crossEntropy(f64(logits), int([0, 1]))).toThrow(/target has shape \[2\], expected \[4\]/);
  });
});

describe("nllLoss", () => {
  it("is −input[label] averaged", () => {
    const lp = logits.map(logSoftmaxRow);
    const want = -(lp[0][0] + lp[1][1] + lp[2][2] + lp[3][1]) / 4;
    expect(nllLoss(f64(lp), int(labels)).item()).toBeCloseTo(want, 14);
  });
});

describe("regression losses", () => {
  const a = [0.5, -1.5, 2, 0.2];
  const b = [0.1, 0.5, -1, 0.25];
  const d = a.map((v, i) => v - b[i]); // [0.4, −2, 3, −0.05]

  it("mseLoss = mean (a − b)², l1Loss = mean |a − b|", () => {
    expect(mseLoss(f64(a), f64(b)).item()).toBeCloseTo(d.reduce((s, v) => s + v * v, 0) / 4, 14);
    expect(mseLoss(f64(a), f64(b), { reduction: "sum" }).item()).toBeCloseTo(d.reduce((s, v) => s + v * v, 0), 14);
    expect(l1Loss(f64(a), f64(b)).item()).toBeCloseTo(d.reduce((s, v) => s + Math.abs(v), 0) / 4, 14);
  });

  it("huberLoss is ½d² inside delta and delta(|d| − ½delta) outside", () => {
    const delta = 1.5;
    const want = d.map((v) => (Math.abs(v) < delta ? 0.5 * v * v : delta * (Math.abs(v) - 0.5 * delta)));
    const got = huberLoss(f64(a), f64(b), { delta, reduction: "none" }).data.toFlatArray();
    want.forEach((v, i) => { expect(got[i]).toBeCloseTo(v, 14); });
  });

  it("binaryCrossEntropyWithLogits = −[y log σ(x) + (1 − y) log(1 − σ(x))], weighted by posWeight on positives", () => {
    const x = [0.3, -2, 40, -40];
    const y = [1, 0, 0.5, 1];
    const pw = 3;
    const sig = (v: number): number => 1 / (1 + Math.exp(-v));
    // log σ(x) = −log(1 + e^(−x)); for x = −40, σ(x) ≈ e^(−40) and log σ(x) ≈ −40.
    const logSig = (v: number): number => (v < -30 ? v : Math.log(sig(v)));
    const logOneMinusSig = (v: number): number => logSig(-v);
    const want = x.map((v, i) => -(pw * y[i] * logSig(v) + (1 - y[i]) * logOneMinusSig(v)));
    const got = binaryCrossEntropyWithLogits(f64(x), f64(y), { posWeight: f64([pw]), reduction: "none" }).data.toFlatArray();
    want.forEach((v, i) => { expect(got[i]).toBeCloseTo(v, 12); });
    const plain = binaryCrossEntropyWithLogits(f64(x), f64(y), { reduction: "sum" }).item();
    expect(plain).toBeCloseTo(x.reduce((acc, v, i) => acc - (y[i] * logSig(v) + (1 - y[i]) * logOneMinusSig(v)), 0), 12);
  });

  it("have the right gradients in both arguments", () => {
    const [p, q] = [randn([3, 2], 3), randn([3, 2], 4)];
    expectGradientsMatch((u, v) => mseLoss(u, v), [p, q]);
    expectGradientsMatch((u, v) => l1Loss(u, v, { reduction: "sum" }), [p, q]);
    expectGradientsMatch((u, v) => huberLoss(u, v, { delta: 0.8 }), [p, q]);
    expectGradientsMatch((u, v) => binaryCrossEntropyWithLogits(u, v, { posWeight: f64([2, 0.5]), weight: f64([1, 3]) }), [p, q.sigmoid()]);
  });

  it("reject inputs of different shapes, naming both", () => {
    expect(() => mseLoss(new Variable(f64([1, 2])), f64([1, 2, 3]))).toThrow(/mseLoss: input has shape \[2\] and target \[3\]/);
  });
});
