import { afterEach, describe, expect, it } from "vitest";
import { kernels } from "../kernels/index";
import { logSoftmaxRow, softmaxRow } from "../kernels/softmax";
import { Generator } from "../random";
import { Tensor } from "../tensor";
import { setBackend } from "./backend";
import { kernelMemoryArray } from "./kernel-memory";
import { ROW_MAX, WASM_SOFTMAX_MIN, wasmSoftmaxKernels } from "./softmax-kernels";

afterEach(() => {
  setBackend("wasm");
});

const wasm = wasmSoftmaxKernels()!;

/** Distance in float32 steps between two float32 values (0 for equal, NaN and NaN, or ±0). */
function ulps(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y) ? 0 : Infinity;
  if (x === y) return 0;
  const bits = new Int32Array(new Float32Array([x, y]).buffer);
  const ordered = (b: number): number => (b < 0 ? -(b & 0x7fffffff) : b);
  return Math.abs(ordered(bits[0]) - ordered(bits[1]));
}

function row(n: number, seed: number, scale: number, resident: boolean): Float32Array {
  const values = new Generator(seed).normal([n], 0, scale).data as Float32Array;
  const out = resident ? kernelMemoryArray("float32", n) : new Float32Array(n);
  out.set(values);
  return out;
}

describe("wasm softmax rows", () => {
  for (const [name, ts] of [["softmax", softmaxRow], ["logSoftmax", logSoftmaxRow]] as const) {
    it(`${name}: float32 rows within 1 ulp of the TypeScript row, equal almost everywhere, in and out of kernel memory`, () => {
      let differing = 0;
      let total = 0;
      for (const n of [WASM_SOFTMAX_MIN, WASM_SOFTMAX_MIN + 3, 1001, 4097, ROW_MAX]) {
        for (const scale of [1, 30]) {
          for (const resident of [false, true]) {
            const a = row(n + 5, n + scale, scale, resident);
            const want = new Float32Array(n + 2);
            const got = resident ? kernelMemoryArray("float32", n + 2) : new Float32Array(n + 2);
            // at offsets: the row starts at a[5] and lands at out[2]
            ts(want, 2, 1, a, 5, 1, n);
            wasm[name](got, 2, 1, a, 5, 1, n);
            for (let i = 0; i < n + 2; i++) {
              expect(ulps(got[i], want[i]), `n ${n} scale ${scale} index ${i}: ${got[i]} vs ${want[i]}`).toBeLessThanOrEqual(1);
              if (got[i] !== want[i]) differing++;
            }
            total += n;
          }
        }
      }
      expect(differing / total).toBeLessThan(0.01);
    });

    it(`${name}: rows with −Infinity, +Infinity or NaN come out as the TypeScript row's`, () => {
      const n = 300;
      for (const special of [[-Infinity], [-Infinity, Infinity], [NaN], [Infinity, Infinity]]) {
        const a = row(n, 7, 3, false);
        special.forEach((v, k) => (a[17 + 100 * k] = v));
        const want = new Float32Array(n);
        const got = new Float32Array(n);
        ts(want, 0, 1, a, 0, 1, n);
        wasm[name](got, 0, 1, a, 0, 1, n);
        for (let i = 0; i < n; i++) expect(ulps(got[i], want[i]), `${special.join(",")} index ${i}`).toBeLessThanOrEqual(1);
      }
    });

    it(`${name}: strided, float64, short and over-long rows go to the TypeScript row, bit for bit`, () => {
      const g = new Generator(4);
      const cases: [Float32Array | Float64Array, number, number][] = [
        [g.normal([2 * 500], 0, 1).data as Float32Array, 2, 500], // strided
        [g.normal([500], 0, 1, { dtype: "float64" }).data as Float64Array, 1, 500], // float64
        [g.normal([WASM_SOFTMAX_MIN - 1], 0, 1).data as Float32Array, 1, WASM_SOFTMAX_MIN - 1], // short
        [g.normal([ROW_MAX + 1], 0, 1).data as Float32Array, 1, ROW_MAX + 1], // longer than one staging area
      ];
      for (const [a, stride, n] of cases) {
        const want = new (a.constructor as Float32ArrayConstructor)(n);
        const got = new (a.constructor as Float32ArrayConstructor)(n);
        ts(want, 0, 1, a, 0, stride, n);
        wasm[name](got, 0, 1, a, 0, stride, n);
        expect(Array.from(got)).toEqual(Array.from(want));
      }
    });
  }

  it("are the table's entries on the wasm backend and step aside for setBackend(\"js\"); Tensor ops agree within 1 ulp", () => {
    const x = new Generator(9).normal([16, 1000], 0, 4);
    expect(kernels.softmax).toBe(wasm.softmax);
    expect(kernels.logSoftmax).toBe(wasm.logSoftmax);
    const [s, l] = [x.softmax(-1), x.logSoftmax(-1)];
    setBackend("js");
    expect(kernels.softmax).toBe(softmaxRow);
    expect(kernels.logSoftmax).toBe(logSoftmaxRow);
    const [sj, lj] = [x.softmax(-1), x.logSoftmax(-1)];
    for (const [p, q] of [[s, sj], [l, lj]] as [Tensor, Tensor][]) {
      const [pd, qd] = [p.data, q.data];
      for (let i = 0; i < pd.length; i++) expect(ulps(pd[i], qd[i])).toBeLessThanOrEqual(1);
    }
  });
});
