import { InvalidArgumentError, ShapeError, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import type { Variable } from "../variable";
import { ReLU } from "./activations";
import { Linear } from "./linear";
import { Module } from "./module";
import { Parameter } from "./parameter";
import { Sequential } from "./sequential";

/** A module with a parameter, a buffer and a submodule, registered in that order. */
class Block extends Module {
  readonly scale: Parameter;
  readonly count: Tensor;
  readonly inner: Linear;

  constructor() {
    super();
    this.scale = this.registerParameter("scale", new Parameter(Tensor.ones([2])));
    this.count = this.registerBuffer("count", Tensor.zeros([1], { dtype: "int32" }));
    this.inner = this.registerModule("inner", new Linear(2, 2));
  }

  override forward(input: Variable): Variable {
    return this.inner.forward(input);
  }
}

const makeNet = (): Sequential => new Sequential(new Linear(3, 4), new ReLU(), new Block());

describe("Module", () => {
  it("names parameters and buffers with PyTorch's dotted names, in registration order", () => {
    const net = makeNet();
    expect(net.namedParameters().map(([n]) => n)).toEqual(["0.weight", "0.bias", "2.scale", "2.inner.weight", "2.inner.bias"]);
    expect(net.namedBuffers().map(([n]) => n)).toEqual(["2.count"]);
    expect(Object.keys(net.stateDict())).toEqual(["0.weight", "0.bias", "2.scale", "2.count", "2.inner.weight", "2.inner.bias"]);
    expect(net.parameters()).toHaveLength(5);
    expect(net.namedModules().map(([n]) => n)).toEqual(["", "0", "1", "2", "2.inner"]);
  });

  it("lists a parameter shared by two modules once", () => {
    const a = new Linear(2, 2);
    const net = new Sequential(a, a);
    expect(net.parameters()).toHaveLength(2);
  });

  it("switches train/eval recursively", () => {
    const net = makeNet();
    net.eval();
    expect(net.modules().every((m) => !m.training)).toBe(true);
    net.train();
    expect(net.modules().every((m) => m.training)).toBe(true);
  });

  it("zeroGrad sets gradients to null, or to zeros on request", () => {
    const net = makeNet();
    const p = net.parameters()[0];
    p.grad = Tensor.ones(p.shape);
    net.zeroGrad({ setToNone: false });
    expect(Array.from(p.grad!.toFlatArray()).every((v) => v === 0)).toBe(true);
    net.zeroGrad();
    expect(p.grad).toBeNull();
  });

  it("apply visits children before their parent", () => {
    const seen: string[] = [];
    makeNet().apply((m) => seen.push(m.constructor.name));
    expect(seen).toEqual(["Linear", "ReLU", "Linear", "Block", "Sequential"]);
  });

  it("loadStateDict copies into the existing tensors (same storage) and bumps nothing it should not", () => {
    const source = makeNet();
    const target = makeNet();
    const weight = target.namedParameters()[0][1];
    const storage = weight.data.data;
    target.loadStateDict(source.stateDict());
    expect(weight.data.data).toBe(storage);
    for (const [name, t] of Object.entries(target.stateDict())) {
      expect(Array.from(t.toFlatArray())).toEqual(Array.from(source.stateDict()[name].toFlatArray()));
    }
  });

  it("loadStateDict rejects missing and unexpected keys and changes nothing", () => {
    const target = makeNet();
    const before = Array.from(target.stateDict()["0.weight"].toFlatArray());
    const state = { ...makeNet().stateDict() };
    delete (state as Record<string, Tensor | undefined>)["2.scale"];
    state.extra = Tensor.zeros([1]);
    expect(() => target.loadStateDict(state)).toThrow(InvalidArgumentError);
    expect(() => target.loadStateDict(state)).toThrow(/missing keys: 2\.scale; unexpected keys: extra/);
    expect(Array.from(target.stateDict()["0.weight"].toFlatArray())).toEqual(before);
    expect(target.loadStateDict(state, { strict: false })).toEqual({ missingKeys: ["2.scale"], unexpectedKeys: ["extra"] });
  });

  it("loadStateDict rejects a mis-shaped tensor, naming key and shapes, before copying anything", () => {
    const target = makeNet();
    const before = Array.from(target.stateDict()["0.weight"].toFlatArray());
    const state = { ...makeNet().stateDict(), "2.inner.bias": Tensor.zeros([3]) };
    expect(() => target.loadStateDict(state)).toThrow(ShapeError);
    expect(() => target.loadStateDict(state)).toThrow(/size mismatch for 2\.inner\.bias: the state dict has shape \[3\], the module has \[2\]/);
    expect(Array.from(target.stateDict()["0.weight"].toFlatArray())).toEqual(before);
  });

  it("refuses a name used twice for different kinds of members, or containing a dot", () => {
    const m = new Module();
    m.registerParameter("w", new Parameter(Tensor.zeros([1])));
    expect(() => m.registerBuffer("w", Tensor.zeros([1]))).toThrow(/registerBuffer: name is "w"/);
    expect(() => m.registerModule("a.b", new Module())).toThrow(/without '\.'/);
  });

  it("a plain Module has no forward", () => {
    expect(() => new Module().forward(Tensor.zeros([1]))).toThrow(/Module.forward: not implemented/);
  });
});
