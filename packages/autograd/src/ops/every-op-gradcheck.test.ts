// Every differentiable op against central differences in float64, first and second derivatives,
// with broadcasting and non-contiguous (transposed) inputs.
import { Tensor } from "@descent/tensor";
import { describe, it } from "vitest";
import { awayFromZero, expectGradientsMatch, nonContiguous, randn, uniform } from "../test-utils";
import type { Variable } from "../variable";
import { abs } from "./abs";
import { add } from "./add";
import { expand, sumTo } from "./broadcast";
import { clamp } from "./clamp";
import { concat, stack } from "./concat";
import { div } from "./div";
import { erf } from "./erf";
import { exp } from "./exp";
import { gather, scatterAdd } from "./gather";
import { gelu } from "./gelu";
import { leakyRelu } from "./leaky-relu";
import { linear } from "./linear";
import { log } from "./log";
import { logSoftmax } from "./log-softmax";
import { logsumexp } from "./logsumexp";
import { matmul } from "./matmul";
import { max, min } from "./max";
import { mean } from "./mean";
import { mul } from "./mul";
import { neg } from "./neg";
import { permute, transpose } from "./permute";
import { pow } from "./pow";
import { relu } from "./relu";
import { flatten, reshape, squeeze, unsqueeze } from "./reshape";
import { sigmoid } from "./sigmoid";
import { narrow, select, slice } from "./slice";
import { softmax } from "./softmax";
import { softplus } from "./softplus";
import { sqrt } from "./sqrt";
import { sub } from "./sub";
import { sum } from "./sum";
import { tanh } from "./tanh";
import { std, variance } from "./var";
import { where } from "./where";

type Case = [name: string, f: (...xs: Variable[]) => Variable, inputs: () => Tensor[]];

const index = (values: number[][]): Tensor => Tensor.from(values, { dtype: "int32" });

const cases: Case[] = [
  ["add broadcast 3x1 + 1x4", add, () => [randn([3, 1], 1), randn([1, 4], 2)]],
  ["add 2x3 + 3, non-contiguous", add, () => [nonContiguous([2, 3], 3), randn([3], 4)]],
  ["add number", (x) => add(x, 2.5), () => [randn([4], 5)]],
  ["sub broadcast", sub, () => [randn([2, 3], 6), randn([3], 7)]],
  ["sub number on the left", (x) => sub(1, x), () => [randn([2, 2], 8)]],
  ["mul broadcast", mul, () => [randn([3, 1], 9), nonContiguous([3, 4], 10)]],
  ["mul same input twice (fan-out)", (x) => mul(x, x), () => [randn([5], 11)]],
  ["div broadcast", div, () => [randn([2, 3], 12), awayFromZero([3], 13)]],
  ["div number on the left", (x) => div(2, x), () => [awayFromZero([4], 14)]],
  ["neg", neg, () => [nonContiguous([2, 3], 15)]],
  ["pow 2", (x) => pow(x, 2), () => [randn([2, 3], 16)]],
  ["pow 3", (x) => pow(x, 3), () => [randn([2, 3], 17)]],
  ["pow 0.5", (x) => pow(x, 0.5), () => [uniform([5], 18, 0.5, 2)]],
  ["pow −1.5", (x) => pow(x, -1.5), () => [uniform([5], 19, 0.5, 2)]],
  ["pow tensor ** tensor, broadcast", pow, () => [uniform([2, 3], 20, 0.5, 2), randn([3], 21)]],
  ["pow number ** tensor", (x) => pow(2, x), () => [randn([4], 22)]],
  ["exp", exp, () => [nonContiguous([3, 2], 23)]],
  ["log", log, () => [uniform([2, 3], 24, 0.3, 3)]],
  ["sqrt", sqrt, () => [uniform([2, 3], 25, 0.3, 3)]],
  ["abs", abs, () => [awayFromZero([2, 3], 26)]],
  ["tanh", tanh, () => [nonContiguous([3, 3], 27)]],
  ["sigmoid", sigmoid, () => [randn([2, 4], 28)]],
  ["relu", relu, () => [awayFromZero([3, 4], 29)]],
  ["leakyRelu", (x) => leakyRelu(x, 0.2), () => [awayFromZero([3, 4], 30)]],
  ["gelu (erf)", (x) => gelu(x), () => [randn([2, 5], 31).mul(2)]],
  ["gelu (tanh)", (x) => gelu(x, { approximate: "tanh" }), () => [randn([2, 5], 32).mul(2)]],
  ["erf", erf, () => [randn([6], 33).mul(1.5)]],
  ["softplus", (x) => softplus(x), () => [randn([2, 5], 34).mul(3)]],
  ["softplus beta 2, past the threshold", (x) => softplus(x, { beta: 2, threshold: 3 }), () => [Tensor.from([-2, -0.3, 0.4, 1.2, 2.5, 4], { dtype: "float64" })]],
  ["clamp", (x) => clamp(x, -0.5, 0.7), () => [Tensor.from([-1.3, -0.2, 0.1, 0.6, 0.9, 2], { dtype: "float64" })]],
  ["clamp min only", (x) => clamp(x, 0.1), () => [Tensor.from([-1.3, -0.2, 0.4, 0.6], { dtype: "float64" })]],
  ["matmul 2-D", matmul, () => [randn([3, 4], 35), randn([4, 2], 36)]],
  ["matmul non-contiguous", matmul, () => [nonContiguous([3, 4], 37), nonContiguous([4, 2], 38)]],
  ["matmul batched", matmul, () => [randn([2, 3, 4], 39), randn([2, 4, 2], 40)]],
  ["matmul broadcast batch", matmul, () => [randn([3, 4], 41), randn([2, 4, 2], 42)]],
  ["matmul vector·matrix", matmul, () => [randn([4], 43), randn([4, 3], 44)]],
  ["matmul matrix·vector", matmul, () => [randn([3, 4], 45), randn([4], 46)]],
  ["matmul dot", matmul, () => [randn([4], 47), randn([4], 48)]],
  ["linear", (x, w, b) => linear(x, w, b), () => [randn([2, 3, 4], 49), randn([5, 4], 50), randn([5], 51)]],
  ["linear no bias, vector input", (x, w) => linear(x, w), () => [randn([4], 52), nonContiguous([2, 4], 53)]],
  ["sum all", (x) => sum(x), () => [randn([3, 4], 54)]],
  ["sum axis 1 keepdim", (x) => sum(x, 1, true), () => [nonContiguous([3, 4], 55)]],
  ["sum axes [0, 2]", (x) => sum(x, [0, -1]), () => [randn([2, 3, 2], 56)]],
  ["mean all", (x) => mean(x), () => [randn([2, 5], 57)]],
  ["mean axis 0", (x) => mean(x, 0), () => [randn([3, 4], 58)]],
  ["variance axis 1", (x) => variance(x, 1), () => [randn([3, 4], 59)]],
  ["variance all, correction 0", (x) => variance(x, null, { correction: 0 }), () => [randn([2, 3], 60)]],
  ["std axis 0 keepdim", (x) => std(x, 0, { keepdim: true }), () => [randn([4, 3], 61)]],
  ["max axis 1", (x) => max(x, 1), () => [randn([3, 5], 62)]],
  ["max axis 0 keepdim, non-contiguous", (x) => max(x, 0, true), () => [nonContiguous([4, 3], 63)]],
  ["max all", (x) => max(x), () => [randn([3, 4], 64)]],
  ["min axis −1", (x) => min(x, -1), () => [randn([3, 5], 65)]],
  ["logsumexp axis 1", (x) => logsumexp(x, 1), () => [randn([3, 4], 66)]],
  ["logsumexp all keepdim", (x) => logsumexp(x, null, true), () => [randn([2, 3], 67)]],
  ["softmax axis 1", (x) => softmax(x, 1), () => [randn([3, 4], 68)]],
  ["softmax axis 0, non-contiguous", (x) => softmax(x, 0), () => [nonContiguous([3, 4], 69)]],
  ["logSoftmax axis −1", (x) => logSoftmax(x, -1), () => [randn([3, 5], 70)]],
  ["reshape with −1", (x) => reshape(x, [3, -1]), () => [randn([2, 6], 71)]],
  ["reshape of a non-contiguous view", (x) => reshape(x, [12]), () => [nonContiguous([3, 4], 72)]],
  ["flatten", (x) => flatten(x, 1), () => [randn([2, 3, 2], 73)]],
  ["squeeze / unsqueeze", (x) => unsqueeze(squeeze(x), 0), () => [randn([3, 1, 2], 74)]],
  ["transpose 2-D", (x) => transpose(x), () => [randn([3, 4], 75)]],
  ["transpose dims 0, 2", (x) => transpose(x, 0, 2), () => [randn([2, 3, 4], 76)]],
  ["permute", (x) => permute(x, [1, 2, 0]), () => [randn([2, 3, 4], 77)]],
  ["expand", (x) => expand(x, [2, 3, 4]), () => [randn([3, 1], 78)]],
  ["sumTo", (x) => sumTo(x, [3, 1]), () => [randn([2, 3, 4], 79)]],
  ["slice with step", (x) => slice(x, [0, 3, 2], [1, 4]), () => [randn([4, 4], 80)]],
  ["slice reversed", (x) => slice(x, null, [null, null, -1]), () => [randn([2, 4], 81)]],
  ["slice index drops a dimension", (x) => slice(x, 1), () => [randn([3, 4], 82)]],
  ["narrow", (x) => narrow(x, 1, 1, 2), () => [randn([3, 4], 83)]],
  ["select", (x) => select(x, 0, -1), () => [randn([3, 4], 84)]],
  ["gather along axis 1", (x) => gather(x, 1, index([[0, 2], [1, 1], [3, 0]])), () => [randn([3, 4], 85)]],
  ["scatterAdd", (x, s) => scatterAdd(x, 0, index([[0, 1, 2], [2, 0, 0]]), s), () => [randn([3, 3], 86), randn([2, 3], 87)]],
  ["concat axis 1", (a, b) => concat([a, b], 1), () => [randn([2, 3], 88), nonContiguous([2, 2], 89)]],
  ["stack axis 0", (a, b) => stack([a, b]), () => [randn([2, 3], 90), randn([2, 3], 91)]],
  ["where with broadcasting", (a, b) => where(Tensor.from([1, 0, 1], { dtype: "float64" }), a, b), () => [randn([2, 3], 92), randn([3], 93)]],
  ["a composite: softmax(tanh(x·W + b)) weighted and summed", (x, w, b) => sum(mul(softmax(tanh(add(matmul(x, w), b)), 1), Tensor.arange(5, undefined, undefined, { dtype: "float64" }))), () => [randn([3, 4], 94), randn([4, 5], 95), randn([5], 96)]],
];

describe("every op against central differences (float64, first and second derivatives)", () => {
  for (const [name, f, inputs] of cases) {
    it(name, () => {
      expectGradientsMatch(f, inputs());
    });
  }
});
