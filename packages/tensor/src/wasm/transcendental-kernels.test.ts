import { afterEach, describe, expect, it } from "vitest";
import { kernels } from "../kernels/index";
import { expKernel, sigmoidKernel, tanhKernel } from "../kernels/unary";
import type { UnaryKernel } from "../kernels/unary";
import { Tensor } from "../tensor";
import { getBackend, setBackend } from "./backend";
import { kernelMemoryArray } from "./kernel-memory";
import { wasmTranscendentalKernels } from "./transcendental-kernels";

afterEach(() => {
  setBackend("wasm");
});

type Name = "exp" | "sigmoid" | "tanh";
const TYPESCRIPT: Record<Name, UnaryKernel> = { exp: expKernel, sigmoid: sigmoidKernel, tanh: tanhKernel };
const NAMES: Name[] = ["exp", "sigmoid", "tanh"];

const bits = new Float32Array(1);
const bitsU32 = new Uint32Array(bits.buffer);

function float32FromBits(pattern: number): number {
  bitsU32[0] = pattern;
  return bits[0];
}

/** A float32's place on the number line counted in ulps (−0 and +0 both 0), so that |a − b| is the ulp distance. */
function ordinal(x: number): number {
  bits[0] = x;
  const u = bitsU32[0];
  return u >= 0x80000000 ? -(u - 0x80000000) : u;
}

/** Distance in float32 ulps; 0 for two NaNs, Infinity for a NaN against a number. */
function ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (Object.is(a, b)) return 0;
  if (a === 0 && b === 0) return Infinity; // +0 against −0: a sign error
  return Math.abs(ordinal(a) - ordinal(b));
}

/** Equal bit for bit, except that any NaN equals any NaN (wasm canonicalizes NaN payloads). */
function sameValues(x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i]) && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) return false;
  return true;
}

interface Comparison {
  max: number;
  differing: number;
}

/** The wasm entry's results against the TypeScript kernel's over `a` (both written to fresh arrays). */
function compare(name: Name, a: Float32Array): Comparison {
  const got = new Float32Array(a.length);
  const want = new Float32Array(a.length);
  kernels[name](got, 0, 1, a, 0, 1, a.length);
  TYPESCRIPT[name](want, 0, 1, a, 0, 1, a.length);
  let max = 0;
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    const d = ulps(got[i], want[i]);
    if (d > 0) differing++;
    max = Math.max(max, d);
  }
  return { max, differing };
}

/** Every `step`-th float32 bit pattern from −lo… to hi (both signs, from ±0 outwards: subnormals included). */
function sweep(lo: number, hi: number, step: number): Float32Array {
  bits[0] = hi;
  const positiveEnd = bitsU32[0];
  bits[0] = lo;
  const negativeEnd = bitsU32[0];
  const out = new Float32Array(Math.floor(positiveEnd / step) + Math.floor((negativeEnd - 0x80000000) / step) + 2);
  let n = 0;
  for (let b = 0; b <= positiveEnd; b += step) out[n++] = float32FromBits(b);
  for (let b = 0x80000000; b <= negativeEnd; b += step) out[n++] = float32FromBits(b);
  return out.subarray(0, n);
}

/** A seeded xorshift stream of uint32s. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

// the threshold 1024 (whole vectors, and one below it: the TypeScript kernel), tails of 1 to 3,
// one 128 KB staging chunk of float32 (32 768) and around it, several chunks with a tail
const LENGTHS = [1023, 1024, 1025, 1026, 1027, 32_767, 32_768, 32_769, 70_001];

describe("wasm exp, sigmoid and tanh (float32)", () => {
  it("are in the kernel table on this host, and setBackend('js') puts the TypeScript kernels back", () => {
    const made = wasmTranscendentalKernels();
    expect(made).not.toBeNull();
    expect(kernels.exp).toBe(made?.exp);
    expect(kernels.sigmoid).toBe(made?.sigmoid);
    expect(kernels.tanh).toBe(made?.tanh);
    setBackend("js");
    expect(getBackend().elementwise).toBe("js");
    expect([kernels.exp, kernels.sigmoid, kernels.tanh]).toEqual([expKernel, sigmoidKernel, tanhKernel]);
    setBackend("wasm");
    expect(getBackend().elementwise).toBe("wasm");
    expect(kernels.exp).toBe(made?.exp);
  });

  // every 97th float32 in each range: about 23 million inputs per function
  const RANGES: [Name, number, number][] = [["exp", -110, 90], ["sigmoid", -110, 110], ["tanh", -12, 12]];
  for (const [name, lo, hi] of RANGES) {
    it(`${name}: within 1 ulp of the TypeScript kernel on every 97th float32 in [${lo}, ${hi}], equal on all but 1 in 10^6`, () => {
      const inputs = sweep(lo, hi, 97);
      expect(inputs.length).toBeGreaterThan(2e7);
      const { max, differing } = compare(name, inputs);
      expect(max).toBeLessThanOrEqual(1);
      expect(differing).toBeLessThanOrEqual(inputs.length * 1e-6);
    });
  }

  it("within 1 ulp on random float32 bit patterns (every finite magnitude, NaNs, infinities) and on random normals at several scales", () => {
    const next = xorshift(12345);
    const patterns = Float32Array.from({ length: 200_003 }, () => float32FromBits(next()));
    const normals = Float32Array.from({ length: 200_003 }, (_, i) => {
      // Box–Muller from two uniforms, scaled by 10^-6 … 10^2
      const u = (next() + 1) / 2 ** 32;
      const v = next() / 2 ** 32;
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v) * 10 ** ((i % 9) - 6);
    });
    for (const name of NAMES) {
      for (const inputs of [patterns, normals]) {
        const { max, differing } = compare(name, inputs);
        expect(max, name).toBeLessThanOrEqual(1);
        expect(differing, name).toBeLessThanOrEqual(2);
      }
    }
  });

  it("edge cases, wherever they fall in a run (whole vectors or the 1–3 element tail)", () => {
    const largestFinite = float32FromBits(0x42b17217); // 88.72283172607422: e^x rounds to 3.4027985e38 (bits 0x7f7fff84)
    const firstOverflow = float32FromBits(0x42b17218); // 88.72283935546875: e^x rounds to +Inf
    // ln 2^-150 = −103.972077083…: above it e^x rounds up to the least subnormal, below it to +0
    const lastSubnormal = float32FromBits(0xc2cff1b4); // −103.97207641601562
    const firstZero = float32FromBits(0xc2cff1b5); // −103.97208404541016
    const tiny = float32FromBits(1); // 2^-149
    // [x, exp(x), sigmoid(x), tanh(x)], exact float32 values
    const cases: [number, number, number, number][] = [
      [0, 1, 0.5, 0],
      [-0, 1, 0.5, -0],
      [Infinity, Infinity, 1, 1],
      [-Infinity, 0, 0, -1],
      [Number.NaN, Number.NaN, Number.NaN, Number.NaN],
      [largestFinite, float32FromBits(0x7f7fff84), 1, 1],
      [firstOverflow, Infinity, 1, 1],
      [lastSubnormal, tiny, tiny, -1],
      [firstZero, 0, 0, -1],
      [tiny, 1, 0.5, tiny],
      [-tiny, 1, 0.5, -tiny],
      [1e-30, 1, 0.5, Math.fround(1e-30)],
      [-200, 0, 0, -1],
      [200, Infinity, 1, 1],
    ];
    // the TypeScript kernels as a check of the table itself
    for (const [x, e, s, t] of cases) {
      const one = Float32Array.of(x);
      for (const [name, want] of [["exp", e], ["sigmoid", s], ["tanh", t]] as const) {
        const out = new Float32Array(1);
        TYPESCRIPT[name](out, 0, 1, one, 0, 1, 1);
        expect(Object.is(out[0], want) || (Number.isNaN(out[0]) && Number.isNaN(want)), `typescript ${name}(${x})`).toBe(true);
      }
    }
    for (const n of [1024, 1025, 1026, 1027]) {
      for (const start of [0, n - cases.length - 1, n - cases.length]) {
        const a = Float32Array.from({ length: n }, (_, i) => Math.sin(i));
        cases.forEach(([x], j) => (a[start + j] = x));
        for (const [k, name] of NAMES.entries()) {
          const out = new Float32Array(n);
          kernels[name](out, 0, 1, a, 0, 1, n);
          cases.forEach((c, j) => {
            const want = c[k + 1];
            const got = out[start + j];
            expect(Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want)), `${name}(${c[0]}) n=${n} at ${start + j}: ${got}`).toBe(true);
          });
        }
      }
    }
  });

  it("agree with the TypeScript kernels at every length around the threshold and the staging chunk, at offsets and in place", () => {
    for (const n of LENGTHS) {
      const a = Float32Array.from({ length: n + 3 }, (_, i) => Math.sin(i * 0.37) * 2 ** ((i % 15) - 5));
      for (const name of NAMES) {
        const got = new Float32Array(n + 2);
        const want = new Float32Array(n + 2);
        kernels[name](got, 2, 1, a, 3, 1, n);
        TYPESCRIPT[name](want, 2, 1, a, 3, 1, n);
        expect(got.every((v, i) => ulps(v, want[i]) <= 1), `${name} n=${n}`).toBe(true);
        expect(got[0] === 0 && got[1] === 0, "nothing written before the run").toBe(true);
        const inPlace = a.slice();
        kernels[name](inPlace, 3, 1, inPlace, 3, 1, n);
        expect(inPlace.subarray(3).every((v, i) => ulps(v, want[i + 2]) <= 1), `${name} in place n=${n}`).toBe(true);
      }
    }
  });

  it("read and write arrays placed in kernel memory where they are (and in place), with the same values", () => {
    const n = 70_001;
    const a = kernelMemoryArray("float32", n);
    a.set(Float32Array.from({ length: n }, (_, i) => Math.cos(i * 0.11) * 30));
    for (const name of NAMES) {
      const want = new Float32Array(n);
      TYPESCRIPT[name](want, 0, 1, a, 0, 1, n);
      const out = kernelMemoryArray("float32", n);
      kernels[name](out, 0, 1, a, 0, 1, n);
      expect(out.every((v, i) => ulps(v, want[i]) <= 1), name).toBe(true);
      const ordinaryOut = new Float32Array(n);
      kernels[name](ordinaryOut, 0, 1, a, 0, 1, n);
      expect(sameValues(ordinaryOut, out), `${name} into an ordinary array`).toBe(true);
      const inPlace = kernelMemoryArray("float32", n);
      inPlace.set(a);
      kernels[name](inPlace, 0, 1, inPlace, 0, 1, n);
      expect(sameValues(inPlace, out), `${name} in place`).toBe(true);
    }
  });

  it("leave float64, strided, int32 and mixed-type runs to the TypeScript kernels (same bits)", () => {
    const n = 4000;
    const f64 = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 20);
    const f32 = Float32Array.from(f64);
    for (const name of NAMES) {
      const runs: [Float32Array | Float64Array | Int32Array, number, Float32Array | Float64Array | Int32Array, number, number][] = [
        [new Float64Array(n), 1, f64, 1, n], // float64
        [new Float32Array(n / 2), 1, f32, 2, n / 2], // strided input
        [new Float32Array(n), 2, f32, 1, n / 2], // strided output
        [new Float64Array(n), 1, f32, 1, n], // float32 into float64
        [new Float32Array(n), 1, Int32Array.from(f64), 1, n], // int32 input
      ];
      for (const [out, os, a, as, m] of runs) {
        const want = out.slice();
        kernels[name](out, 0, os, a, 0, as, m);
        TYPESCRIPT[name](want, 0, os, a, 0, as, m);
        expect(sameValues(out, want), `${name} ${out.constructor.name} os=${os} ${a.constructor.name} as=${as}`).toBe(true);
      }
    }
  });

  it("Tensor.exp, sigmoid and tanh give tensors within 1 ulp of the TypeScript backend's", () => {
    const x = Tensor.from(Float32Array.from({ length: 6000 }, (_, i) => Math.sin(i * 1.3) * 12)).reshape([60, 100]);
    const run = (): Tensor[] => [x.exp(), x.sigmoid(), x.tanh(), x.transpose(0, 1).exp()];
    const fast = run();
    setBackend("js");
    const plain = run();
    fast.forEach((t, k) => {
      const got = t.contiguous().data as Float32Array;
      const want = plain[k].contiguous().data as Float32Array;
      expect(got.every((v, i) => ulps(v, want[i]) <= 1), `tensor op ${k}`).toBe(true);
    });
  });
});
