import { describe, expect, it } from "vitest";
import { Adadelta } from "./adadelta";
import { Adagrad } from "./adagrad";
import { Adam } from "./adam";
import { Adamax } from "./adamax";
import { AdamW } from "./adamw";
import { ASGD } from "./asgd";
import { LBFGS } from "./lbfgs";
import { NAdam } from "./nadam";
import type { Optimizer } from "./optimizer";
import type { OptimizerStateDict } from "./state-dict";
import type { FloatArray, ParamLike } from "./param";
import { RAdam } from "./radam";
import { RMSprop } from "./rmsprop";
import { Rprop } from "./rprop";
import { SGD } from "./sgd";
import { sameBits } from "./test-support";
import { encodeArray } from "./typed-array-codec";

type P = { data: FloatArray; grad: FloatArray | null };
type AnyOptimizer = Optimizer<{ lr: number }, object>;

/** Two parameters (3 and 2 elements) with fixed starting values. */
function makeParams(float32 = false): P[] {
  const make = (v: number[]) => (float32 ? Float32Array.from(v) : Float64Array.from(v));
  return [
    { data: make([0.5, -1.5, 2]), grad: null },
    { data: make([-0.25, 1]), grad: null },
  ];
}

/** f(x) = Σ (xᵢ − 1)² + 0.1 Σ xᵢ⁴ plus a step-dependent tilt (a stand-in for minibatch noise). */
function writeGradients(params: P[], k: number): number {
  let f = 0;
  let i = 0;
  for (const p of params) {
    const g = p.data instanceof Float64Array ? new Float64Array(p.data.length) : new Float32Array(p.data.length);
    for (let j = 0; j < p.data.length; j++, i++) {
      const x = p.data[j];
      f += (x - 1) ** 2 + 0.1 * x ** 4 + 0.01 * Math.sin(k + i) * x;
      g[j] = 2 * (x - 1) + 0.4 * x ** 3 + 0.01 * Math.sin(k + i);
    }
    p.grad = g;
  }
  return f;
}

function run(opt: AnyOptimizer, params: P[], from: number, steps: number): void {
  for (let k = from; k < from + steps; k++) {
    if (opt instanceof LBFGS) {
      opt.step(() => writeGradients(params, k));
    } else {
      writeGradients(params, k);
      opt.step();
    }
  }
}

const OPTIMIZERS: [string, (params: P[]) => AnyOptimizer][] = [
  ["SGD (nesterov, two groups)", (p) => new SGD([{ params: [p[0]] }, { params: [p[1]], lr: 0.02 }], { lr: 0.01, momentum: 0.9, nesterov: true, weightDecay: 0.01 })],
  ["Adam (amsgrad)", (p) => new Adam(p, { lr: 0.05, amsgrad: true, weightDecay: 0.01 })],
  ["AdamW", (p) => new AdamW([{ params: [p[0]] }, { params: [p[1]], weightDecay: 0.1 }], { lr: 0.05 })],
  ["Adamax", (p) => new Adamax(p, { lr: 0.05 })],
  ["Adadelta", (p) => new Adadelta(p, { lr: 0.5, weightDecay: 0.01 })],
  ["Adagrad", (p) => new Adagrad(p, { lr: 0.1, lrDecay: 0.01, initialAccumulatorValue: 0.1 })],
  ["RMSprop (centered, momentum)", (p) => new RMSprop([{ params: [p[0]] }, { params: [p[1]], momentum: 0 }], { lr: 0.01, centered: true, momentum: 0.5 })],
  ["NAdam", (p) => new NAdam(p, { lr: 0.05, weightDecay: 0.01 })],
  ["RAdam", (p) => new RAdam(p, { lr: 0.05 })],
  ["ASGD (t0 3)", (p) => new ASGD(p, { lr: 0.05, lambd: 0.01, t0: 3 })],
  ["Rprop", (p) => new Rprop(p, { lr: 0.05 })],
  ["LBFGS (strongWolfe)", (p) => new LBFGS(p, { lineSearchFn: "strongWolfe", maxIter: 3, historySize: 4 })],
  ["LBFGS (fixed step)", (p) => new LBFGS(p, { lr: 0.2, maxIter: 2, historySize: 3, toleranceChange: 0 })],
];

describe("stateDict round trip", () => {
  it.each(OPTIMIZERS)("%s: 10 steps, JSON, restore, 10 more = 20 uninterrupted steps, bit for bit", (_, make) => {
    for (const float32 of [false, true]) {
      const straight = makeParams(float32);
      const optStraight = make(straight);
      run(optStraight, straight, 0, 20);

      const first = makeParams(float32);
      const optFirst = make(first);
      run(optFirst, first, 0, 10);
      const json = JSON.stringify(optFirst.stateDict());
      const resumed: P[] = first.map((p) => ({ data: p.data.slice(), grad: null }));
      const optResumed = make(resumed);
      optResumed.loadStateDict(JSON.parse(json) as OptimizerStateDict);
      run(optResumed, resumed, 10, 10);

      resumed.forEach((p, i) => {
        expect(sameBits(p.data, straight[i].data)).toBe(true);
      });
      expect(JSON.stringify(optResumed.stateDict())).toBe(JSON.stringify(optStraight.stateDict()));
    }
  });
});

describe("stateDict layout", () => {
  it("is PyTorch's: state by parameter index, groups with options and index lists", () => {
    const params = makeParams();
    const opt = new SGD([{ params: [params[1]] }, { params: [params[0]], lr: 0.5 }], { lr: 0.1, momentum: 0.9 });
    run(opt, params, 0, 1);
    const dict = opt.stateDict();
    expect(dict).toMatchObject({ format: "descent-optim-state/1", optimizer: "SGD", keyBy: "index" });
    expect(dict.paramGroups).toEqual([
      { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false, params: [0] },
      { lr: 0.5, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false, params: [1] },
    ]);
    // Index 1 is params[0] (it comes second over the groups); its buffer is its first gradient.
    expect(dict.state["1"].momentumBuffer).toEqual(encodeArray(params[0].grad!));
  });
});

describe("stateDict keyed by name", () => {
  it("loads after the parameters are reordered and one is added", () => {
    const [w, b] = makeParams();
    const opt = new Adam([["w", w], ["b", b]] as [string, ParamLike][], { lr: 0.05 });
    run(opt, [w, b], 0, 5);
    opt.paramGroups[0].lr = 0.02;
    const dict = JSON.parse(JSON.stringify(opt.stateDict({ keyBy: "name" }))) as OptimizerStateDict;
    expect(Object.keys(dict.state)).toEqual(["w", "b"]);
    expect(dict.paramGroups[0].params).toEqual(["w", "b"]);

    const w2 = { data: w.data.slice(), grad: null };
    const b2 = { data: b.data.slice(), grad: null };
    const extra = { data: new Float64Array([3]), grad: null };
    const opt2 = new Adam(
      new Map<string, P>([
        ["extra", extra],
        ["b", b2],
        ["w", w2],
      ]),
    );
    opt2.loadStateDict(dict);
    expect(opt2.paramGroups[0].lr).toBe(0.02);
    expect(opt2.state.has(extra)).toBe(false);
    run(opt, [w, b], 5, 5);
    run(opt2, [w2, b2, extra], 5, 5);
    expect(sameBits(w2.data, w.data)).toBe(true);
    expect(sameBits(b2.data, b.data)).toBe(true);
    expect(opt2.state.get(extra)?.step).toBe(5);
  });

  it("needs every parameter named, and rejects names the optimizer does not have", () => {
    const [w, b] = makeParams();
    expect(() => new Adam([w, b]).stateDict({ keyBy: "name" })).toThrow('Adam.stateDict: parameter 0 has no name, expected every parameter named (pass [name, parameter] pairs) for keyBy "name"');
    const dict = new Adam([["w", w]] as [string, P][]).stateDict({ keyBy: "name" });
    expect(() => {
      new Adam([["v", b]] as [string, P][]).loadStateDict(dict);
    }).toThrow('Adam.loadStateDict: stateDict.paramGroups[0].params[0] is "w", expected the name of one of the optimizer\'s parameters');
    expect(() => new Adam([["w", w], ["w", b]] as [string, P][])).toThrow('Adam: parameter name is "w", expected names that are unique across all groups');
  });
});

describe("loadStateDict rejects bad input and changes nothing", () => {
  const rejections: [string, (d: OptimizerStateDict) => void, string][] = [
    ["missing format", (d) => Reflect.deleteProperty(d, "format"), 'stateDict has no "format"'],
    ["another optimizer's", (d) => (d.optimizer = "SGD"), 'stateDict.optimizer is "SGD", expected "Adam"'],
    ["a missing state field", (d) => Reflect.deleteProperty(d.state["0"], "expAvg"), 'stateDict.state["0"] has no field "expAvg"'],
    ["an unknown state field", (d) => (d.state["0"].momentum = 1), 'stateDict.state["0"] has an unknown field "momentum"'],
    ["a buffer of the wrong length", (d) => (d.state["1"].expAvgSq = encodeArray(new Float64Array(3))), 'stateDict.state["1"].expAvgSq.length is 3, expected 2'],
    ["a non-finite buffer value", (d) => (d.state["0"].expAvg = encodeArray(new Float64Array([0, NaN, 0]))), 'stateDict.state["0"].expAvg[1] is NaN, expected a finite number'],
    ["a non-finite scalar", (d) => (d.state["0"].step = Infinity), 'stateDict.state["0"].step is Infinity, expected a finite number'],
    ["corrupt base64", (d) => ((d.state["0"].expAvg as { base64: string }).base64 = "@@@@"), 'stateDict.state["0"].expAvg.base64'],
    ["a missing option", (d) => Reflect.deleteProperty(d.paramGroups[0], "eps"), 'stateDict.paramGroups[0] has no option "eps"'],
    ["an invalid option", (d) => (d.paramGroups[0].betas = [0.9, 1]), "stateDict.paramGroups[0].betas[1] is 1, expected a number in [0, 1)"],
    ["a different number of groups", (d) => d.paramGroups.push({ ...d.paramGroups[0], params: [] }), "stateDict.paramGroups.length is 2, expected 1"],
    ["a group of another size", (d) => (d.paramGroups[0].params = [0]), "stateDict.paramGroups[0].params.length is 1, expected 2"],
    ["state for an unknown index", (d) => (d.state["7"] = d.state["0"]), 'stateDict.state key is "7", expected a key listed in a group\'s params'],
  ];

  it.each(rejections)("%s", (_, corrupt, message) => {
    const params = makeParams();
    const opt = new Adam(params, { lr: 0.05 });
    run(opt, params, 0, 3);
    const group = opt.paramGroups[0];
    const before = JSON.stringify(opt.stateDict());
    const dict = JSON.parse(before) as OptimizerStateDict;
    corrupt(dict);
    expect(() => {
      opt.loadStateDict(dict);
    }).toThrow(message);
    expect(JSON.stringify(opt.stateDict())).toBe(before);
    expect(opt.paramGroups[0]).toBe(group);
  });

  it("replaces group options in place, so schedulers holding a group see the loaded values", () => {
    const params = makeParams();
    const opt = new Adam(params, { lr: 0.05 });
    const dict = opt.stateDict();
    dict.paramGroups[0].lr = 0.5;
    dict.paramGroups[0].initialLr = 0.05;
    const group = opt.paramGroups[0];
    opt.loadStateDict(dict);
    expect(opt.paramGroups[0]).toBe(group);
    expect(group).toMatchObject({ lr: 0.5, initialLr: 0.05 });
  });
});
