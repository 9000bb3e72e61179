import { getBackend, inKernelMemory, kernelMemoryArray, setBackend, setNumThreads } from "@descent/tensor";
import { afterEach, describe, expect, it } from "vitest";
import { Adadelta } from "./adadelta";
import { Adagrad } from "./adagrad";
import { Adam } from "./adam";
import { Adamax } from "./adamax";
import { AdamW } from "./adamw";
import { ASGD } from "./asgd";
import { NAdam } from "./nadam";
import type { FloatArray, ParamLike } from "./param";
import { RAdam } from "./radam";
import { RMSprop } from "./rmsprop";
import { Rprop } from "./rprop";
import { SGD } from "./sgd";
import { sameBits } from "./test-support";

afterEach(() => {
  setBackend("wasm");
  setNumThreads(2);
});

interface Stepper {
  step(): unknown;
  state: ReadonlyMap<ParamLike, object>;
}

type Make = (params: ParamLike[]) => Stepper;

// Every option that changes what a kernel computes, at least once per optimizer.
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
  ["Adamax", (p) => new Adamax(p)],
  ["Adamax weight decay, maximize", (p) => new Adamax(p, { lr: 0.01, betas: [0.8, 0.9], eps: 1e-3, weightDecay: 0.1, maximize: true })],
  ["NAdam", (p) => new NAdam(p, { lr: 0.01 })],
  ["NAdam weight decay, momentum decay", (p) => new NAdam(p, { lr: 0.01, betas: [0.8, 0.95], weightDecay: 0.05, momentumDecay: 0.01 })],
  // β₂ = 0.9: ρₜ passes 5 at step 6, so steps 1–5 are plain momentum steps and 6–10 rectified
  ["RAdam, rectified from step 6", (p) => new RAdam(p, { lr: 0.01, betas: [0.9, 0.9] })],
  ["RAdam weight decay, rectified from step 6", (p) => new RAdam(p, { lr: 0.01, betas: [0.8, 0.9], weightDecay: 0.05 })],
  ["Adadelta", (p) => new Adadelta(p)],
  ["Adadelta weight decay, maximize", (p) => new Adadelta(p, { lr: 0.5, rho: 0.8, eps: 1e-4, weightDecay: 0.05, maximize: true })],
  ["ASGD", (p) => new ASGD(p, { lr: 0.05 })],
  // t0 = 2: μ = 1 (ax copies θ) through step 4, then 1/2, 1/3, … (ax averages)
  ["ASGD averaging from step 5, weight decay, maximize", (p) => new ASGD(p, { lr: 0.05, lambd: 0.01, alpha: 0.6, t0: 2, weightDecay: 0.05, maximize: true })],
  ["Rprop", (p) => new Rprop(p)],
  // a narrow range: the clamp at both ends is in play
  ["Rprop narrow step sizes, maximize", (p) => new Rprop(p, { lr: 0.02, etas: [0.3, 1.5], stepSizes: [5e-3, 0.03], maximize: true })],
];

const FUSED_SINCE_JS = ["Adamax", "NAdam", "RAdam", "Adadelta", "ASGD", "Rprop"];
const NEWLY_FUSED = OPTIMIZERS.filter(([name]) => FUSED_SINCE_JS.some((prefix) => name.startsWith(prefix)));

const STEPS = 10;

type Allocate = (length: number) => FloatArray;

interface Run {
  data: FloatArray;
  /** The parameter's state after the last step (arrays and scalars). */
  state: Record<string, unknown>;
}

/**
 * STEPS steps of `make` on a seeded parameter of n elements, with gradients of varied magnitude
 * and sign; `allocate` makes the parameter, `allocateGrad` (by default the same) the gradient.
 * `afterFirst` may change the state after step 1.
 */
function run(make: Make, Type: typeof Float32Array | typeof Float64Array, n: number, allocate: Allocate = (length) => new Type(length), {
  allocateGrad = allocate, afterFirst = (): void => undefined,
}: { allocateGrad?: Allocate; afterFirst?: (state: Record<string, unknown>) => void } = {}): Run {
  const data = allocate(n);
  const grad = allocateGrad(n);
  data.forEach((_, i) => (data[i] = Math.sin(i * 0.37)));
  const param = { data, grad };
  const optimizer = make([param]);
  for (let step = 1; step <= STEPS; step++) {
    grad.forEach((_, i) => (grad[i] = Math.cos(step * 1.7 + i * 0.91) * 2 ** ((i % 7) - 3)));
    optimizer.step();
    if (step === 1) afterFirst(optimizer.state.get(param) as Record<string, unknown>);
  }
  return { data, state: { ...(optimizer.state.get(param) as Record<string, unknown>) } };
}

function isArray(value: unknown): value is FloatArray {
  return value instanceof Float32Array || value instanceof Float64Array;
}

/** The names of the fields (the parameter, state arrays and scalars) where two runs differ in any bit. */
function differingFields(a: Run, b: Run): string[] {
  const fields = [["data", a.data, b.data], ...Object.keys(a.state).map((key) => [key, a.state[key], b.state[key]])] as [string, unknown, unknown][];
  return fields.filter(([, x, y]) => (isArray(x) && isArray(y) ? !sameBits(x, y) : !Object.is(x, y))).map(([name]) => name);
}

describe("the fused updates", () => {
  it("are in use on this host (Node 20 has WebAssembly SIMD)", () => {
    expect(getBackend().optimizer).toBe("wasm");
    setBackend("js");
    expect(getBackend().optimizer).toBe("js");
  });

  for (const [name, make] of OPTIMIZERS) {
    it(`${name}: float64 gives the JavaScript rule's exact bits in the parameter and every state field, at odd lengths and across the 128 KB streaming chunks`, () => {
      for (const n of [1, 7, 1029, 40_003]) {
        const fused = run(make, Float64Array, n);
        setBackend("js");
        const rule = run(make, Float64Array, n);
        setBackend("wasm");
        expect(differingFields(fused, rule), `n = ${n}`).toEqual([]);
      }
    });

    it(`${name}: float32 computes in float32, within float32 rounding of the float64-computing rule`, () => {
      const fused = run(make, Float32Array, 5001);
      setBackend("js");
      const rule = run(make, Float32Array, 5001);
      // Each step both round the parameter to float32 (the rule once, on store; the fused update in
      // its last addition), ≤ 1 ulp = 2u·|θ| apart (u = 2⁻²⁴); the other float32 roundings (u each,
      // a handful per step) change the step, O(lr), by O(u·lr). So 4u·max(1, |θ|) per step bounds the drift.
      let worst = 0;
      let differing = 0;
      fused.data.forEach((x, i) => {
        worst = Math.max(worst, Math.abs(x - rule.data[i]) / (STEPS * 4 * 2 ** -24 * Math.max(1, Math.abs(rule.data[i]))));
        if (x !== rule.data[i]) differing++;
      });
      expect(worst).toBeLessThanOrEqual(1);
      // float32 arithmetic shows in the last bits somewhere: the fused path really ran
      expect(differing).toBeGreaterThan(0);
    });
  }

  it("update parameters in the kernel memory in place, with their state placed there too", () => {
    const inPlace = run(OPTIMIZERS[1][1], Float32Array, 3000, (n) => kernelMemoryArray("float32", n));
    const streamed = run(OPTIMIZERS[1][1], Float32Array, 3000);
    expect(inKernelMemory(inPlace.data)).toBe(true);
    expect(differingFields(inPlace, streamed)).toEqual([]);
    const data = kernelMemoryArray("float64", 10);
    const optimizer = new Adam([{ data, grad: kernelMemoryArray("float64", 10) }], { amsgrad: true });
    optimizer.step();
    const state = optimizer.state.get(optimizer.paramGroups[0].params[0]);
    expect([state?.expAvg, state?.expAvgSq, state?.maxExpAvgSq].map((a) => a !== undefined && a !== null && inKernelMemory(a))).toEqual([true, true, true]);
  });

  for (const [name, make] of NEWLY_FUSED) {
    it(`${name}: in the kernel memory, in place with placed state, the same bits as ordinary arrays`, () => {
      for (const type of ["float32", "float64"] as const) {
        const Type = type === "float32" ? Float32Array : Float64Array;
        const inPlace = run(make, Type, 3001, (n) => kernelMemoryArray(type, n));
        expect(inKernelMemory(inPlace.data)).toBe(true);
        expect(Object.values(inPlace.state).filter(isArray).every((a) => inKernelMemory(a))).toBe(true);
        expect(differingFields(inPlace, run(make, Type, 3001)), type).toEqual([]);
      }
    });

    it(`${name}: one and two threads give the same bits, placed or with an ordinary gradient`, () => {
      // past twice the threading threshold (2¹⁷ elements), odd: chunks end mid-vector
      const n = 300_001;
      const placed = (length: number): FloatArray => kernelMemoryArray("float32", length);
      const ordinary = (length: number): FloatArray => new Float32Array(length);
      for (const allocateGrad of [placed, ordinary]) {
        setNumThreads(1);
        const alone = run(make, Float32Array, n, placed, { allocateGrad });
        setNumThreads(2);
        expect(differingFields(run(make, Float32Array, n, placed, { allocateGrad }), alone)).toEqual([]);
      }
    });

    it(`${name}: a float32 parameter with float64 state (kept from a float64 run) takes the JavaScript rule`, () => {
      // The kernels need one element type; with a mix the rule runs (the fused update would reject the arrays).
      const widen = (state: Record<string, unknown>): void => {
        for (const [key, value] of Object.entries(state)) if (value instanceof Float32Array) state[key] = Float64Array.from(value);
      };
      const mixed = run(make, Float32Array, 1029, undefined, { afterFirst: widen });
      // the same first step (fused, all float32), then the rule
      const rule = run(make, Float32Array, 1029, undefined, {
        afterFirst: (state) => {
          widen(state);
          setBackend("js");
        },
      });
      expect(mixed.state[Object.keys(mixed.state).find((key) => isArray(mixed.state[key]))!]).toBeInstanceOf(Float64Array);
      expect(differingFields(mixed, rule)).toEqual([]);
    });
  }
});
