import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../errors";
import { sharedMemorySupported } from "./host";
import { inKernelMemory, kernelMemoryArray } from "./kernel-memory";
import { adamUpdateWasm, sgdUpdateWasm } from "./optimizer-kernels";

// Node 20 has shared WebAssembly memory, so arrays are placed (the point of these tests)
const placed = sharedMemorySupported();

function filled(type: "float32" | "float64", n: number, seed: number, resident: boolean): Float32Array | Float64Array {
  const a = resident ? kernelMemoryArray(type, n) : type === "float32" ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.sin(seed * 3.7 + i * 0.61) * 2 ** ((i % 9) - 4);
  return a;
}

describe("kernelMemoryArray", () => {
  it("gives zeroed arrays of the asked type and length, placed in the kernel memory with their views", () => {
    expect(placed).toBe(true);
    const a = kernelMemoryArray("float32", 1000);
    const b = kernelMemoryArray("float64", 3);
    expect(a).toBeInstanceOf(Float32Array);
    expect(b).toBeInstanceOf(Float64Array);
    expect([a.length, b.length]).toEqual([1000, 3]);
    expect(a.every((x) => x === 0) && b.every((x) => x === 0)).toBe(true);
    expect([inKernelMemory(a), inKernelMemory(a.subarray(10, 20)), inKernelMemory(b)]).toEqual([true, true, true]);
    expect(inKernelMemory(new Float32Array(4))).toBe(false);
    expect(inKernelMemory(new Int32Array(4))).toBe(false);
    // 64-byte aligned blocks, so SIMD loads never straddle a cache line at the start
    expect(a.byteOffset % 64).toBe(0);
  });

  it("keeps earlier arrays valid and intact while the memory grows for later ones", () => {
    const first = kernelMemoryArray("float64", 10);
    first.forEach((_, i) => (first[i] = i + 0.5));
    const big = [kernelMemoryArray("float32", 4_000_000), kernelMemoryArray("float32", 4_000_000)];
    big[1][3_999_999] = 7;
    expect(Array.from(first)).toEqual(Array.from({ length: 10 }, (_, i) => i + 0.5));
    expect(big[1][3_999_999]).toBe(7);
    expect(big[0][3_999_999]).toBe(0);
  });

  it("rejects a bad dtype or length, naming it", () => {
    expect(() => kernelMemoryArray("int32" as "float32", 3)).toThrow(InvalidArgumentError);
    expect(() => kernelMemoryArray("float32", -1)).toThrow(/length/);
    expect(() => kernelMemoryArray("float32", 2.5)).toThrow(/length/);
  });
});

describe("fused updates on arrays in the kernel memory", () => {
  // in place (all placed), staged (none placed) and mixed, across the 128 KB staging chunks
  const residencies = [[true, true, true, true, true], [false, false, false, false, false], [true, false, true, false, true], [false, true, false, true, false]];

  for (const type of ["float32", "float64"] as const) {
    it(`Adam with AMSGrad gives the same ${type} bits wherever the arrays live`, () => {
      const n = 70_001;
      const results = residencies.map((where) => {
        const [p, m, v, vmax] = [filled(type, n, 1, where[0]), filled(type, n, 0, where[2]), filled(type, n, 0, where[3]), filled(type, n, 0, where[4])];
        m.fill(0);
        v.fill(0);
        vmax.fill(0);
        for (let step = 1; step <= 3; step++) {
          adamUpdateWasm(p, filled(type, n, step + 1, where[1]), m, v, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, step, maxExpAvgSq: vmax });
        }
        return [p, m, v, vmax].map((a) => Array.from(a));
      });
      for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    });

    it(`SGD with Nesterov momentum gives the same ${type} bits wherever the arrays live`, () => {
      const n = 70_001;
      const results = residencies.map((where) => {
        const [p, b] = [filled(type, n, 1, where[0]), filled(type, n, 5, where[2])];
        for (let step = 1; step <= 3; step++) {
          sgdUpdateWasm(p, filled(type, n, step + 1, where[1]), b, { lr: 0.05, momentum: 0.9, dampening: 0, weightDecay: 0.01, nesterov: true, maximize: false, firstStep: step === 1 });
        }
        return [p, b].map((a) => Array.from(a));
      });
      for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    });
  }
});
