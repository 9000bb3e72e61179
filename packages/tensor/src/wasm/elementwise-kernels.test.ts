import { afterEach, describe, expect, it } from "vitest";
import { addKernel, divKernel, eqKernel, geKernel, gtKernel, leKernel, ltKernel, mulKernel, neKernel, reluBackwardKernel, subKernel } from "../kernels/binary";
import type { BinaryKernel } from "../kernels/binary";
import { kernels } from "../kernels/index";
import { absKernel, negKernel, reluKernel, sqrtKernel } from "../kernels/unary";
import type { UnaryKernel } from "../kernels/unary";
import { Tensor } from "../tensor";
import { getBackend, setBackend } from "./backend";
import { kernelMemoryArray } from "./kernel-memory";

afterEach(() => {
  setBackend("wasm");
});

const BINARY: [string, BinaryKernel][] = [
  ["add", addKernel], ["sub", subKernel], ["mul", mulKernel], ["div", divKernel],
  ["eq", eqKernel], ["ne", neKernel], ["lt", ltKernel], ["le", leKernel], ["gt", gtKernel], ["ge", geKernel], ["reluBackward", reluBackwardKernel],
];
const UNARY: [string, UnaryKernel][] = [["neg", negKernel], ["abs", absKernel], ["sqrt", sqrtKernel], ["relu", reluKernel]];

/** Values of both signs over many magnitudes, with ±0, ±∞ and NaN mixed in. */
function values(type: "float32" | "float64", n: number, seed: number, placed = false): Float32Array | Float64Array {
  const out = placed ? kernelMemoryArray(type, n) : type === "float32" ? new Float32Array(n) : new Float64Array(n);
  // every 53rd a special value; every 31st a small integer, so equal pairs occur for eq/ne/le/ge
  const specials = [0, -0, Infinity, -Infinity, Number.NaN];
  for (let i = 0; i < n; i++) {
    out[i] = i % 53 === 7 ? specials[(i + seed) % 5] : i % 31 === 3 ? i % 3 : Math.sin(seed * 5.3 + i * 0.77) * 2 ** ((i * 7 + seed) % 41 - 20);
  }
  return out;
}

/** Equal bit for bit, except that any NaN equals any NaN (wasm canonicalizes NaN payloads). */
function sameValues(x: Float32Array | Float64Array, y: Float32Array | Float64Array): boolean {
  return x.length === y.length && x.every((v, i) => Object.is(v, y[i]) || (Number.isNaN(v) && Number.isNaN(y[i])));
}

// 1024 (the threshold, whole vectors), 1025 and 40 003 (tails), 70 001 (across 128 KB staging chunks)
const LENGTHS = [1024, 1025, 40_003, 70_001];

describe("wasm element-wise kernels", () => {
  it("are in the kernel table on this host, and setBackend switches them", () => {
    expect(getBackend().elementwise).toBe("wasm");
    setBackend("js");
    expect(getBackend().elementwise).toBe("js");
    expect(kernels.add).toBe(addKernel);
  });

  for (const type of ["float32", "float64"] as const) {
    it(`binary ops give the TypeScript kernels' ${type} values, with b a run or one broadcast value, at offsets`, () => {
      for (const [name, typescript] of BINARY) {
        const wasm = kernels[name as "add"];
        for (const n of LENGTHS) {
          const a = values(type, n + 3, 1);
          const b = values(type, n + 5, 2);
          for (const bs of [1, 0]) {
            const got = type === "float32" ? new Float32Array(n + 2) : new Float64Array(n + 2);
            const want = got.slice();
            wasm(got, 2, 1, a, 3, 1, b, 5, bs, n);
            typescript(want, 2, 1, a, 3, 1, b, 5, bs, n);
            expect(sameValues(got, want), `${name} ${type} n=${n} bs=${bs}`).toBe(true);
          }
        }
      }
    });

    it(`unary ops give the TypeScript kernels' ${type} values (relu of −0 is +0, of NaN NaN)`, () => {
      for (const [name, typescript] of UNARY) {
        const wasm = kernels[name as "neg"];
        for (const n of LENGTHS) {
          const a = values(type, n + 1, 3);
          const got = type === "float32" ? new Float32Array(n) : new Float64Array(n);
          const want = got.slice();
          wasm(got, 0, 1, a, 1, 1, n);
          typescript(want, 0, 1, a, 1, 1, n);
          expect(sameValues(got, want), `${name} ${type} n=${n}`).toBe(true);
        }
      }
    });
  }

  it("read and write arrays placed in kernel memory where they are, with the same values", () => {
    const n = 70_001;
    const a = values("float32", n, 4, true);
    const b = values("float32", n, 5, true);
    const out = kernelMemoryArray("float32", n);
    kernels.mul(out, 0, 1, a, 0, 1, b, 0, 1, n);
    const want = new Float32Array(n);
    mulKernel(want, 0, 1, a, 0, 1, b, 0, 1, n);
    expect(sameValues(out, want)).toBe(true);
  });

  it("leave strided, short, int32 and mixed-type runs to the TypeScript kernel", () => {
    const a = values("float64", 4000, 6);
    const out = new Float64Array(2000);
    kernels.add(out, 0, 1, a, 0, 2, a, 1, 2, 2000); // strided operands
    expect(out[10]).toBe(a[20] + a[21]);
    const ints = Int32Array.from({ length: 3000 }, (_, i) => i - 1500);
    const intOut = new Int32Array(3000);
    kernels.relu(intOut, 0, 1, ints, 0, 1, 3000);
    expect(intOut[0]).toBe(0);
    expect(intOut[2999]).toBe(1499);
    const mixed = new Float64Array(2000);
    kernels.add(mixed, 0, 1, values("float32", 2000, 7), 0, 1, a, 0, 1, 2000);
    expect(mixed[5]).toBe(Math.fround(Math.sin(7 * 5.3 + 5 * 0.77) * 2 ** ((5 * 7 + 7) % 41 - 20)) + a[5]);
  });

  it("Tensor ops give the same tensors with and without them", () => {
    const x = Tensor.from(values("float32", 5000, 8)).reshape([50, 100]);
    const y = Tensor.from(values("float32", 5000, 9)).reshape([50, 100]);
    const run = (): Tensor[] => [x.add(y), x.sub(2), x.mul(y), x.div(y), x.gt(0), x.le(y), x.neg(), x.abs(), x.sqrt(), x.relu()];
    const fast = run();
    setBackend("js");
    const plain = run();
    fast.forEach((t, i) => {
      expect(sameValues(t.data as Float32Array, plain[i].data as Float32Array)).toBe(true);
    });
  });
});
