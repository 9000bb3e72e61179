import { afterAll, describe, expect, it } from "vitest";
import { setNumThreads } from "./backend";
import { wasmElementwiseKernels } from "./elementwise-kernels";
import { THREADED_PIECE, kernelMemoryArray, loadKernelMemory } from "./kernel-memory";
import { wasmTranscendentalKernels } from "./transcendental-kernels";
import {
  adadeltaUpdateWasm, adagradUpdateWasm, adamaxUpdateWasm, adamUpdateWasm, asgdUpdateWasm, nadamUpdateWasm, radamUpdateWasm, rmspropUpdateWasm,
  rpropUpdateWasm, sgdUpdateWasm,
} from "./optimizer-kernels";
import { PARALLEL_MIN_ELEMENTS, waitForWorkers, workerChunkCount } from "./thread-pool";

afterAll(() => {
  setNumThreads(2);
});

type Kind = "float32" | "float64";

const patterns = new Map<string, Float64Array>();

function filled(type: Kind, n: number, seed: number, resident: boolean): Float32Array | Float64Array {
  const a = resident ? kernelMemoryArray(type, n) : type === "float32" ? new Float32Array(n) : new Float64Array(n);
  const key = `${n} ${seed}`;
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    pattern = new Float64Array(n);
    for (let i = 0; i < n; i++) pattern[i] = Math.sin(seed * 3.7 + i * 0.61) * 2 ** ((i % 9) - 4);
    patterns.set(key, pattern);
  }
  a.set(pattern);
  return a;
}

/** Index of the first element whose bits differ, or −1. */
function firstDifference(x: Float32Array | Float64Array, y: Float32Array | Float64Array): number {
  const [bx, by] = [new Uint8Array(x.buffer, x.byteOffset, x.byteLength), new Uint8Array(y.buffer, y.byteOffset, y.byteLength)];
  for (let i = 0; i < bx.length; i++) if (bx[i] !== by[i]) return Math.floor(i / x.BYTES_PER_ELEMENT);
  return bx.length === by.length ? -1 : x.length;
}

/**
 * Every kernel that splits across threads, over arrays all in the kernel memory (true), none
 * (false), or "mixed": the input a, the gradients and the sum ordinary arrays, everything else
 * placed (a model's parameters with fresh gradients). Returns the arrays they wrote.
 */
function runAll(type: Kind, n: number, placement: boolean | "mixed"): (Float32Array | Float64Array)[] {
  const ew = wasmElementwiseKernels()!;
  const resident = placement !== false;
  const input = placement === true;
  const [a, b] = [filled(type, n, 1, input), filled(type, n, 2, resident)];
  // mixed: sum is written to an ordinary array (copied back), with b still placed
  const [sum, scaled, relu] = [filled(type, n, 0, input), filled(type, n, 0, resident), filled(type, n, 0, resident)];
  ew.add(sum, 0, 1, a, 0, 1, b, 0, 1, n);
  ew.mul(scaled, 0, 1, a, 0, 1, b, 7, 0, n); // b broadcast: b[7] times every element of a
  ew.relu(relu, 0, 1, a, 0, 1, n);
  const exp = filled(type, n, 0, resident);
  wasmTranscendentalKernels()!.exp(exp, 0, 1, a, 0, 1, n); // float32 runs in wasm, float64 in TypeScript
  const [p, m, v, vmax] = [filled(type, n, 3, resident), filled(type, n, 0, resident).fill(0), filled(type, n, 0, resident).fill(0), filled(type, n, 0, resident).fill(0)];
  const [q, buf] = [filled(type, n, 4, resident), filled(type, n, 0, resident)];
  const [r, sq, avg, mom] = [filled(type, n, 5, resident), filled(type, n, 0, resident).fill(0), filled(type, n, 0, resident).fill(0), filled(type, n, 0, resident).fill(0)];
  const [s, acc] = [filled(type, n, 6, resident), filled(type, n, 0, resident).fill(0.1)];
  const zeros = (): Float32Array | Float64Array => filled(type, n, 0, resident).fill(0);
  const [x1, xm, xu] = [filled(type, n, 7, resident), zeros(), zeros()];
  const [x2, nm, nv] = [filled(type, n, 8, resident), zeros(), zeros()];
  const [x3, rm, rv] = [filled(type, n, 9, resident), zeros(), zeros()];
  const [x4, dsq, dacc] = [filled(type, n, 10, resident), zeros(), zeros()];
  const [x5, ax] = [filled(type, n, 11, resident), zeros()];
  const [x6, prev, sizes] = [filled(type, n, 12, resident), zeros(), zeros().fill(0.01)];
  for (let step = 1; step <= 2; step++) {
    const g = filled(type, n, 10 + step, input);
    adamUpdateWasm(p, g, m, v, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, step, maxExpAvgSq: vmax });
    sgdUpdateWasm(q, g, buf, { lr: 0.05, momentum: 0.9, dampening: 0, weightDecay: 0.01, nesterov: true, maximize: false, firstStep: step === 1 });
    rmspropUpdateWasm(r, g, sq, { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0.9, maximize: true, gradAvg: avg, momentumBuffer: mom });
    adagradUpdateWasm(s, g, acc, { lr: 0.1, lrDecay: 0.01, weightDecay: 0.001, eps: 1e-10, maximize: false, step });
    adamaxUpdateWasm(x1, g, xm, xu, { lr: 2e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, step, maximize: true });
    nadamUpdateWasm(x2, g, nm, nv, { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, biasCorrection2: 1 - 0.999 ** step, gradStep: -0.01, momentumStep: -0.02 });
    radamUpdateWasm(x3, g, rm, rv, {
      lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, biasCorrection1: 1 - 0.9 ** step, biasCorrection2Sqrt: Math.sqrt(1 - 0.999 ** step),
      rectification: step === 1 ? null : 0.5,
    });
    adadeltaUpdateWasm(x4, g, dsq, dacc, { lr: 1, rho: 0.9, eps: 1e-6, weightDecay: 0.01, maximize: false });
    asgdUpdateWasm(x5, g, ax, { eta: 0.01, mu: step === 1 ? 1 : 0.5, lambd: 1e-4, weightDecay: 0.01, maximize: false });
    rpropUpdateWasm(x6, g, prev, sizes, { etaMinus: 0.5, etaPlus: 1.2, stepMin: 1e-6, stepMax: 50, maximize: step === 2 });
  }
  return [sum, scaled, relu, exp, p, m, v, vmax, q, buf, r, sq, avg, mom, s, acc, x1, xm, xu, x2, nm, nv, x3, rm, rv, x4, dsq, dacc, x5, ax, x6, prev, sizes];
}

describe("element-wise and optimizer kernels on worker threads", () => {
  for (const type of ["float32", "float64"] as const) {
    it(`give the same ${type} bits on 1, 2 and 3 threads as staged arrays on one, with the workers taking chunks`, () => {
      const runtime = loadKernelMemory()!.runtime;
      // odd, past two chunks per thread, so chunks end mid-vector and a last short chunk remains
      const n = 2 * PARALLEL_MIN_ELEMENTS + 13;
      setNumThreads(1);
      const staged = runAll(type, n, false);
      for (const threads of [1, 2, 3]) {
        setNumThreads(threads);
        if (threads > 1) {
          expect(waitForWorkers(runtime, 30_000)).toBe(true);
          const before = workerChunkCount(runtime);
          let results = runAll(type, n, true);
          // on a busy machine the calling thread may take every chunk itself: repeat until a worker helped
          for (let tries = 0; tries < 20 && workerChunkCount(runtime) === before; tries++) results = runAll(type, n, true);
          expect(workerChunkCount(runtime)).toBeGreaterThan(before);
          expect(results.map((r, i) => firstDifference(r, staged[i]))).toEqual(staged.map(() => -1));
        } else {
          expect(runAll(type, n, true).map((r, i) => firstDifference(r, staged[i]))).toEqual(staged.map(() => -1));
        }
      }
    }, 60_000);

    it(`give the same ${type} bits with placed states and ordinary inputs (through the workspace, on the threads) as staged arrays`, () => {
      const runtime = loadKernelMemory()!.runtime;
      const n = 2 * PARALLEL_MIN_ELEMENTS + 13;
      setNumThreads(1);
      const staged = runAll(type, n, false);
      expect(runAll(type, n, "mixed").map((r, i) => firstDifference(r, staged[i])), "one thread, piece by piece").toEqual(staged.map(() => -1));
      setNumThreads(2);
      expect(waitForWorkers(runtime, 30_000)).toBe(true);
      const before = workerChunkCount(runtime);
      let results = runAll(type, n, "mixed");
      for (let tries = 0; tries < 20 && workerChunkCount(runtime) === before; tries++) results = runAll(type, n, "mixed");
      expect(workerChunkCount(runtime)).toBeGreaterThan(before);
      expect(results.map((r, i) => firstDifference(r, staged[i])), "two threads, through the workspace").toEqual(staged.map(() => -1));
    }, 60_000);
  }

  it("copy long runs through the workspace in pieces for the threads: float32 exp of ordinary arrays, Adam with an ordinary gradient", () => {
    const runtime = loadKernelMemory()!.runtime;
    // past one piece, ending mid-vector: the second piece starts at THREADED_PIECE, placed arrays read from there
    const n = THREADED_PIECE + 3 * PARALLEL_MIN_ELEMENTS + 5;
    const run = (): (Float32Array | Float64Array)[] => {
      const a = filled("float32", n, 1, false);
      const e = new Float32Array(n);
      wasmTranscendentalKernels()!.tanh(e, 0, 1, a, 0, 1, n);
      const [p, m, v] = [filled("float32", n, 3, true), filled("float32", n, 0, true).fill(0), filled("float32", n, 0, true).fill(0)];
      // and an ordinary parameter (read and written: its buffers are reused every other piece) with placed moments
      const [q, mq, vq] = [filled("float32", n, 4, false), filled("float32", n, 0, true).fill(0), filled("float32", n, 0, true).fill(0)];
      for (let step = 1; step <= 2; step++) {
        const g = filled("float32", n, 10 + step, false);
        adamUpdateWasm(p, g, m, v, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, step });
        adamUpdateWasm(q, g, mq, vq, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, step });
      }
      return [e, p, m, v, q, mq, vq];
    };
    setNumThreads(1);
    const alone = run();
    setNumThreads(2);
    expect(waitForWorkers(runtime, 30_000)).toBe(true);
    const before = workerChunkCount(runtime);
    let shared = run();
    for (let tries = 0; tries < 20 && workerChunkCount(runtime) === before; tries++) shared = run();
    expect(workerChunkCount(runtime)).toBeGreaterThan(before);
    expect(shared.map((r, i) => firstDifference(r, alone[i]))).toEqual(alone.map(() => -1));
  }, 60_000);
});

