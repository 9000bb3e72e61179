import { describe, expect, it } from "vitest";
import { Adam } from "./adam";
import { SGD } from "./sgd";
import { param } from "./test-support";

describe("Optimizer: parameter groups", () => {
  it("fills each group's options from the defaults, as PyTorch does", () => {
    const a = param([1]);
    const b = param([2]);
    const opt = new SGD([{ params: [a], lr: 0.5 }, { params: [b] }], { lr: 0.1, momentum: 0.9 });
    expect(opt.paramGroups[0]).toMatchObject({ lr: 0.5, momentum: 0.9, dampening: 0, params: [a] });
    expect(opt.paramGroups[1]).toMatchObject({ lr: 0.1, momentum: 0.9, params: [b] });
  });

  it("adds groups and rejects a parameter that is already in one, changing nothing", () => {
    const a = param([1]);
    const b = param([2]);
    const opt = new Adam([a]);
    opt.addParamGroup({ params: [b], lr: 0.5 });
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([1e-3, 0.5]);
    expect(() => {
      opt.addParamGroup({ params: [param([3]), a] });
    }).toThrow("Adam.addParamGroup: parameter 1 of group 2 is already in group 0, expected each parameter in one group only");
    expect(opt.paramGroups.length).toBe(2);
    expect(() => new Adam([{ params: [a] }, { params: [a] }])).toThrow("parameter 0 of group 1 is already in group 0");
    expect(() => new Adam([a, a])).toThrow("parameter 1 of group 0 is already in group 0");
  });

  it("rejects empty and malformed parameter lists and unknown group options", () => {
    expect(() => new Adam([])).toThrow("Adam: params is [], expected a non-empty iterable");
    expect(() => new Adam([{ params: [] }])).toThrow("Adam: params[0].params is [], expected a non-empty iterable");
    expect(() => new Adam([1] as never)).toThrow("Adam: params[0] is 1, expected a parameter { data, grad }");
    expect(() => new Adam([{ params: [param([1])], weight_decay: 1 }] as never)).toThrow('Adam: unknown option "params[0].weight_decay"');
    expect(() => new Adam([{ params: [param([1])], lr: -1 }])).toThrow("Adam: params[0].lr is -1");
    expect(() => {
      new Adam([param([1])]).addParamGroup({ params: [param([1])], lr: -1 });
    }).toThrow("Adam.addParamGroup: group.lr is -1");
    expect(() => new Adam([{ data: new Int32Array(2), grad: null }] as never)).toThrow("Adam: param.data is Int32Array(2), expected a Float32Array or Float64Array");
  });

  it("accepts objects holding their storage in .data (tensors) and named parameters", () => {
    // An autograd-style parameter: .data and .grad are tensors whose .data is the storage.
    const p = { data: { data: new Float64Array([1]) }, grad: { data: new Float64Array([2]) } as { data: Float64Array } | null };
    const opt = new SGD(new Map([["w", p]]), { lr: 0.25 });
    opt.step();
    expect(p.data.data[0]).toBe(0.5); // 1 − 0.25·2
    opt.zeroGrad();
    expect(p.grad).toBeNull();
  });
});

describe("Optimizer: step", () => {
  it("returns the closure's loss, evaluated before the update, and skips parameters without a gradient", () => {
    const a = param([1], [1]);
    const b = param([1]);
    const opt = new SGD([a, b], { lr: 0.5 });
    const seen: number[] = [];
    expect(opt.step(() => (seen.push(a.data[0]), 42))).toBe(42);
    expect(seen).toEqual([1]);
    expect([a.data[0], b.data[0]]).toEqual([0.5, 1]);
    expect(opt.state.has(b)).toBe(false);
    expect(opt.step()).toBeUndefined();
  });

  it("rejects a gradient of the wrong length or options made invalid since, changing nothing", () => {
    const a = param([1], [1]);
    const b = param([1, 2], [1]);
    const opt = new Adam([a, b], { lr: 0.1 });
    expect(() => opt.step()).toThrow("Adam.step: a parameter of 2 elements has a gradient of 1");
    expect(a.data[0]).toBe(1);
    expect(opt.state.size).toBe(0);
    b.grad = null;
    opt.paramGroups[0].lr = -0.5;
    expect(() => opt.step()).toThrow("Adam.step: paramGroups[0].lr is -0.5, expected a finite number >= 0");
    expect(a.data[0]).toBe(1);
    expect(opt.state.size).toBe(0);
  });

  it("runs pre- and post-hooks around the update until removed", () => {
    const p = param([1], [1]);
    const opt = new SGD([p], { lr: 1 });
    const log: string[] = [];
    const pre = opt.registerStepPreHook((o) => log.push(`pre ${o.name} ${p.data[0]}`));
    const post = opt.registerStepPostHook(() => log.push(`post ${p.data[0]}`));
    opt.step();
    pre.remove();
    opt.step();
    post.remove();
    opt.step();
    expect(log).toEqual(["pre SGD 1", "post 0", "post -1"]);
  });
});

describe("Optimizer: zeroGrad", () => {
  it("sets gradients to null by default, or fills them with zeros", () => {
    const a = param([1], [3]);
    const b = param([1, 2], [4, 5]);
    const opt = new SGD([a, b], { lr: 1 });
    const bGrad = b.grad;
    opt.zeroGrad({ setToNone: false });
    expect(b.grad).toBe(bGrad);
    expect(Array.from(b.grad!)).toEqual([0, 0]);
    opt.zeroGrad();
    expect([a.grad, b.grad]).toEqual([null, null]);
    expect(() => {
      opt.zeroGrad({ setToNone: "no" as never });
    }).toThrow('SGD.zeroGrad: setToNone is "no", expected true or false');
  });
});
