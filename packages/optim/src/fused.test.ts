import { getBackend, inKernelMemory, kernelMemoryArray, setBackend } from "@descent/tensor";
import { afterEach, describe, expect, it } from "vitest";
import { Adagrad } from "./adagrad";
import { Adam } from "./adam";
import { AdamW } from "./adamw";
import type { FloatArray, ParamLike } from "./param";
import { RMSprop } from "./rmsprop";
import { SGD } from "./sgd";
import { sameBits } from "./test-support";

afterEach(() => {
  setBackend("wasm");
});

type Make = (params: ParamLike[]) => { step(): unknown };

const OPTIMIZERS: [string, Make][] = [
  ["Adam", (p) => new Adam(p, { lr: 0.01 })],
  ["Adam amsgrad, weight decay, maximize", (p) => new Adam(p, { lr: 0.02, betas: [0.8, 0.99], weightDecay: 0.1, amsgrad: true, maximize: true })],
  ["AdamW amsgrad", (p) => new AdamW(p, { lr: 0.01, weightDecay: 0.1, amsgrad: true })],
  ["SGD", (p) => new SGD(p, { lr: 0.1, weightDecay: 0.01 })],
  ["SGD momentum, dampening", (p) => new SGD(p, { lr: 0.05, momentum: 0.9, dampening: 0.2 })],
  ["SGD Nesterov, maximize", (p) => new SGD(p, { lr: 0.05, momentum: 0.8, nesterov: true, maximize: true })],
  ["RMSprop", (p) => new RMSprop(p, { lr: 0.01 })],
  ["RMSprop centered, momentum, weight decay, maximize", (p) => new RMSprop(p, { lr: 0.01, alpha: 0.9, centered: true, momentum: 0.9, weightDecay: 0.01, maximize: true })],
  ["Adagrad", (p) => new Adagrad(p, { lr: 0.1 })],
  ["Adagrad lr decay, initial accumulator, weight decay", (p) => new Adagrad(p, { lr: 0.1, lrDecay: 0.01, initialAccumulatorValue: 0.1, weightDecay: 0.01 })],
];

/** Five steps of `make` on a seeded parameter of n elements, with gradients of varied magnitude and sign. */
function run(make: Make, Type: typeof Float32Array | typeof Float64Array, n: number, allocate = (length: number): FloatArray => new Type(length)): FloatArray {
  const data = allocate(n);
  const grad = allocate(n);
  data.forEach((_, i) => (data[i] = Math.sin(i * 0.37)));
  const optimizer = make([{ data, grad }]);
  for (let step = 1; step <= 5; step++) {
    grad.forEach((_, i) => (grad[i] = Math.cos(step * 1.7 + i * 0.91) * 2 ** ((i % 7) - 3)));
    optimizer.step();
  }
  return data;
}

describe("the fused updates", () => {
  it("are in use on this host (Node 20 has WebAssembly SIMD)", () => {
    expect(getBackend().optimizer).toBe("wasm");
    setBackend("js");
    expect(getBackend().optimizer).toBe("js");
  });

  for (const [name, make] of OPTIMIZERS) {
    it(`${name}: float64 gives the JavaScript rule's exact bits, across the 128 KB streaming chunks`, () => {
      const fused = run(make, Float64Array, 40_003);
      setBackend("js");
      const rule = run(make, Float64Array, 40_003);
      expect(sameBits(fused, rule)).toBe(true);
    });

    it(`${name}: float32 computes in float32, within float32 rounding of the float64-computing rule`, () => {
      const fused = run(make, Float32Array, 5001);
      setBackend("js");
      const rule = run(make, Float32Array, 5001);
      // Each of five steps rounds a handful of float32 operations (u = 2⁻²⁴ each) that the rule does
      // in float64; the parameters are O(1) and each step moves them by O(lr), so the two stay within
      // a few float32 ulps of 1: 1e-6 absolute.
      let largest = 0;
      let differing = 0;
      fused.forEach((x, i) => {
        largest = Math.max(largest, Math.abs(x - rule[i]));
        if (x !== rule[i]) differing++;
      });
      expect(largest).toBeLessThan(1e-6);
      // float32 arithmetic shows in the last bits somewhere: the fused path really ran
      expect(differing).toBeGreaterThan(0);
    });
  }

  it("update parameters in the kernel memory in place, with their state placed there too", () => {
    const inPlace = run(OPTIMIZERS[1][1], Float32Array, 3000, (n) => kernelMemoryArray("float32", n));
    const streamed = run(OPTIMIZERS[1][1], Float32Array, 3000);
    expect(inKernelMemory(inPlace)).toBe(true);
    expect(sameBits(inPlace, streamed)).toBe(true);
    const data = kernelMemoryArray("float64", 10);
    const optimizer = new Adam([{ data, grad: kernelMemoryArray("float64", 10) }], { amsgrad: true });
    optimizer.step();
    const state = optimizer.state.get(optimizer.paramGroups[0].params[0]);
    expect([state?.expAvg, state?.expAvgSq, state?.maxExpAvgSq].map((a) => a !== undefined && a !== null && inKernelMemory(a))).toEqual([true, true, true]);
  });
});
