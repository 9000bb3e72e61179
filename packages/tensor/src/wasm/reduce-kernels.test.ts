import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { kernels, setKernel } from "../kernels/index";
import type { ReduceKernel } from "../kernels/reduce";
import { maxAbsReduce, maxReduce, minAbsReduce, minReduce, sumAbsReduce, sumReduce, sumRowsReduce, sumSquaresReduce } from "../kernels/reduce";
import { Generator } from "../random";
import { Tensor } from "../tensor";
import { getBackend, setBackend } from "./backend";
import { kernelMemoryArray } from "./kernel-memory";
import type { ReduceOp } from "./reduce-kernels";
import { WASM_REDUCE_MIN, wasmReduceKernels } from "./reduce-kernels";
import { WASM_BATCH_NORM_MAX_CHANNELS } from "./batch-norm-kernels";
import { seededUniform } from "../testing/seeded-uniform";
import { compensatedSum } from "../testing/compensated-sum";

afterEach(() => {
  setBackend("wasm");
});

const wasm = wasmReduceKernels()!;
const TYPESCRIPT: Record<ReduceOp, ReduceKernel> = {
  sum: sumReduce, sumAbs: sumAbsReduce, sumSquares: sumSquaresReduce, max: maxReduce, min: minReduce, maxAbs: maxAbsReduce, minAbs: minAbsReduce,
};
const SUMS = ["sum", "sumAbs", "sumSquares"] as const;
const EXTREMES = ["max", "min", "maxAbs", "minAbs"] as const;
/** The float64 summand each sum adds, as both implementations compute it (x² rounded once in float64). */
const TERM: Record<(typeof SUMS)[number], (x: number) => number> = { sum: (x) => x, sumAbs: Math.abs, sumSquares: (x) => x * x };
const U = 2 ** -53;

type FloatType = "float32" | "float64";
type Signs = "mixed" | "nonpositive" | "nonnegative";

interface Run {
  type: FloatType;
  n: number;
  off: number;
  seed: number;
  /** Exponents spread over [−spread/2, spread/2]: 0 gives uniform values in (−1, 1). */
  spread: number;
  signs: Signs;
  placed: boolean;
  /** [position, value] pairs written over the random values (positions taken mod the length). */
  specials: [number, number][];
}

/** A deterministic generator for the values (mulberry32): the property draws only its seed. */
const random = seededUniform;

function fill(run: Run): Float32Array | Float64Array {
  const { type, n, off, seed, spread, signs, placed, specials } = run;
  const length = off + n;
  const a = placed ? kernelMemoryArray(type, length) : type === "float32" ? new Float32Array(length) : new Float64Array(length);
  const next = random(seed);
  for (let i = 0; i < length; i++) {
    const x = (2 * next() - 1) * 2 ** Math.round((next() - 0.5) * spread);
    a[i] = signs === "mixed" ? x : signs === "nonpositive" ? -Math.abs(x) : Math.abs(x);
  }
  for (const [position, value] of specials) a[off + (position % n)] = value;
  return a;
}

function sameNumber(x: number, y: number): boolean {
  return Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y));
}

const CHUNK_EDGES = [16_383, 16_384, 16_385, 32_767, 32_768, 32_769, 65_539, 100_003];
const length = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: WASM_REDUCE_MIN, max: 3000 }) },
  { weight: 1, arbitrary: fc.constantFrom(WASM_REDUCE_MIN, WASM_REDUCE_MIN + 1, WASM_REDUCE_MIN + 7, ...CHUNK_EDGES) },
);
function runs(options: { spread: fc.Arbitrary<number>; signs: fc.Arbitrary<Signs>; specials: fc.Arbitrary<number> }): fc.Arbitrary<Run> {
  return fc.record({
    type: fc.constantFrom<FloatType>("float32", "float64"),
    n: length,
    off: fc.integer({ min: 0, max: 7 }),
    seed: fc.integer(),
    spread: options.spread,
    signs: options.signs,
    placed: fc.boolean(),
    specials: fc.array(fc.tuple(fc.nat(), options.specials), { maxLength: 6 }),
  });
}

describe("wasm reductions", () => {
  it("are in the kernel table on this host; setBackend('js') puts the TypeScript ones back and getBackend reports each state", () => {
    for (const op of [...SUMS, ...EXTREMES]) expect(kernels[op]).toBe(wasm[op]);
    expect(getBackend().elementwise).toBe("wasm");
    setBackend("js");
    for (const op of [...SUMS, ...EXTREMES]) expect(kernels[op]).toBe(TYPESCRIPT[op]);
    expect(getBackend().elementwise).toBe("js");
    setBackend("wasm");
    expect(kernels.max).toBe(wasm.max);
    expect(getBackend().elementwise).toBe("wasm");
    setKernel("sum", (a, off, s, n) => sumReduce(a, off, s, n));
    expect(getBackend().elementwise).toBe("custom");
  });

  it("sums stay within (n/256 + 42)·u·Σ|term| of the exact sum and (2n/256 + 300)·u·Σ|term| of the TypeScript kernels", () => {
    const property = fc.property(
      runs({ spread: fc.integer({ min: 0, max: 80 }), signs: fc.constantFrom<Signs>("mixed", "mixed", "nonnegative"), specials: fc.constantFrom(0, -0) }),
      (run) => {
        const a = fill(run);
        const { n, off } = run;
        const elements = Array.from(a.subarray(off, off + n));
        for (const op of SUMS) {
          const terms = elements.map(TERM[op]);
          const exact = compensatedSum(terms);
          const magnitude = terms.reduce((s, t) => s + Math.abs(t), 0);
          const got = wasm[op](a, off, 1, n);
          const typescript = TYPESCRIPT[op](a, off, 1, n);
          expect(Math.abs(got - exact), `${op} vs exact`).toBeLessThanOrEqual(1.01 * (n / 256 + 42) * U * magnitude + 2 * U * Math.abs(exact));
          expect(Math.abs(got - typescript), `${op} vs TypeScript`).toBeLessThanOrEqual((2 * n / 256 + 300) * U * magnitude);
        }
      },
    );
    fc.assert(property, { numRuns: 150 });
  });

  it("max, min, maxAbs and minAbs equal the TypeScript kernels bit for bit, with NaN, ±Infinity and ±0 anywhere", () => {
    const property = fc.property(
      runs({
        spread: fc.integer({ min: 0, max: 60 }),
        signs: fc.constantFrom<Signs>("mixed", "nonpositive", "nonnegative"),
        specials: fc.constantFrom(0, -0, 0, -0, Infinity, -Infinity, Number.NaN),
      }),
      (run) => {
        const a = fill(run);
        for (const op of EXTREMES) {
          const got = wasm[op](a, run.off, 1, run.n);
          const want = TYPESCRIPT[op](a, run.off, 1, run.n);
          expect(sameNumber(got, want), `${op}: wasm ${got}, TypeScript ${want}`).toBe(true);
        }
      },
    );
    fc.assert(property, { numRuns: 200 });
  });

  for (const type of ["float32", "float64"] as const) {
    it(`a zero max or min has the sign of the first zero, also across staging chunks (${type})`, () => {
      const make = (n: number, filler: number, zeros: [number, number][]): Float32Array | Float64Array => {
        const a = type === "float32" ? new Float32Array(n).fill(filler) : new Float64Array(n).fill(filler);
        for (const [i, z] of zeros) a[i] = z;
        return a;
      };
      // max of [−0, 0] is −0 and of [0, −0] is 0, as the TypeScript loop (first of equal elements) gives
      expect(Object.is(wasm.max(make(300, -1, [[10, -0], [20, 0]]), 0, 1, 300), -0)).toBe(true);
      expect(Object.is(wasm.max(make(300, -1, [[10, 0], [20, -0]]), 0, 1, 300), 0)).toBe(true);
      expect(Object.is(wasm.min(make(300, 1, [[10, -0], [299, 0]]), 0, 1, 300), -0)).toBe(true);
      expect(Object.is(wasm.min(make(300, 1, [[3, 0], [4, -0]]), 0, 1, 300), 0)).toBe(true);
      // the first zero sits in the second 128 KB chunk, a later one of the other sign in the third
      expect(Object.is(wasm.max(make(80_000, -2, [[40_000, -0], [70_000, 0]]), 0, 1, 80_000), -0)).toBe(true);
      expect(Object.is(wasm.min(make(80_000, 2, [[40_000, 0], [70_000, -0]]), 0, 1, 80_000), 0)).toBe(true);
      // magnitudes are never −0
      expect(Object.is(wasm.maxAbs(make(300, -0, []), 0, 1, 300), 0)).toBe(true);
      expect(Object.is(wasm.minAbs(make(300, 3, [[7, -0]]), 0, 1, 300), 0)).toBe(true);
    });

    it(`NaN and ±Infinity give the TypeScript kernels' results at the run's ends and in later chunks (${type})`, () => {
      const n = 70_001;
      const cases: [number, number][][] = [[[0, Number.NaN]], [[n - 1, Number.NaN]], [[5, Infinity]], [[5, Infinity], [50_000, -Infinity]], [[69_999, -Infinity]]];
      for (const specials of cases) {
        const a = fill({ type, n, off: 0, seed: 11, spread: 10, signs: "mixed", placed: false, specials });
        for (const op of [...SUMS, ...EXTREMES]) {
          expect(sameNumber(wasm[op](a, 0, 1, n), TYPESCRIPT[op](a, 0, 1, n)), `${op} with ${JSON.stringify(specials)}`).toBe(true);
        }
      }
    });
  }

  it("give the same bits for an array in kernel memory and an ordinary copy of it", () => {
    for (const type of ["float32", "float64"] as const) {
      const placed = fill({ type, n: 70_001, off: 5, seed: 3, spread: 30, signs: "mixed", placed: true, specials: [] });
      const plain = placed.slice();
      for (const op of [...SUMS, ...EXTREMES]) expect(wasm[op](placed, 5, 1, 70_001), `${op} ${type}`).toBe(wasm[op](plain, 5, 1, 70_001));
    }
  });

  it("leave strided, short and int32 runs to the TypeScript kernels (the same results bit for bit)", () => {
    const a = fill({ type: "float64", n: 4000, off: 0, seed: 5, spread: 20, signs: "mixed", placed: false, specials: [] });
    const ints = Int32Array.from({ length: 3000 }, (_, i) => (i * 7919) % 2001 - 1000);
    for (const op of [...SUMS, ...EXTREMES]) {
      expect(wasm[op](a, 1, 2, 1999), `${op} strided`).toBe(TYPESCRIPT[op](a, 1, 2, 1999));
      expect(wasm[op](a, 3, 1, WASM_REDUCE_MIN - 1), `${op} short`).toBe(TYPESCRIPT[op](a, 3, 1, WASM_REDUCE_MIN - 1));
      expect(wasm[op](ints, 0, 1, 3000), `${op} int32`).toBe(TYPESCRIPT[op](ints, 0, 1, 3000));
    }
  });

  it("Tensor reductions of float32: sums within one float32 ulp of the TypeScript backend's, max and min identical", () => {
    const g = new Generator(7);
    const x = g.uniform([300, 1000], -1, 1);
    const run = (): Tensor[] => [x.sum(), x.sum(1), x.mean(1), x.norm(), x.abs().sum(), x.max(), x.min(1), x.max(0)];
    const fast = run();
    setBackend("js");
    const plain = run();
    fast.forEach((t, i) => {
      const got = t.data as Float32Array;
      const want = plain[i].data as Float32Array;
      expect(got.length).toBe(want.length);
      want.forEach((w, j) => {
        const ulp = 2 ** (Math.floor(Math.log2(Math.abs(w))) - 23);
        expect(Math.abs(got[j] - w), `result ${i}, element ${j}`).toBeLessThanOrEqual(i >= 5 ? 0 : ulp);
      });
    });
  });
});

describe("sumRows (column sums of a contiguous block)", () => {
  /** Column c of the rows×cols block at off, summed by sumReduce down its stride: the number the strided walk gives. */
  function columnsBySumReduce(a: Float32Array | Float64Array | Int32Array, off: number, rows: number, cols: number): number[] {
    return Array.from({ length: cols }, (_, c) => sumReduce(a, off + c, cols, rows));
  }

  const SHAPES: [number, number][] = [[1, 5000], [128, 256], [256, 40], [257, 40], [700, 33], [1300, 7], [3, 2000]];

  it("in TypeScript and in wasm give, bit for bit, sumReduce's sum down each column (blocks of 256 rows included)", () => {
    const sumRows = wasm.sumRows;
    for (const type of ["float32", "float64"] as const) {
      for (const [rows, cols] of SHAPES) {
        for (const placed of [false, true]) {
          const a = fill({ type, n: rows * cols, off: 3, seed: rows + cols, spread: 24, signs: "mixed", placed, specials: [] });
          const want = columnsBySumReduce(a, 3, rows, cols);
          const ts = new Float64Array(cols);
          sumRowsReduce(a, 3, rows, cols, ts);
          const fast = new Float64Array(cols).fill(Number.NaN);
          sumRows(a, 3, rows, cols, fast);
          expect(Array.from(ts), `TypeScript ${type} ${rows}×${cols}`).toEqual(want);
          expect(Array.from(fast), `wasm ${type} ${rows}×${cols} placed=${placed}`).toEqual(want);
        }
      }
    }
  });

  it("sum int32 blocks, and blocks wider than the channel kernel takes, in TypeScript with the same result", () => {
    const ints = Int32Array.from({ length: 300 * 20 }, (_, i) => ((i * 7919) % 2001) - 1000);
    const out = new Float64Array(20);
    wasm.sumRows(ints, 0, 300, 20, out);
    expect(Array.from(out)).toEqual(columnsBySumReduce(ints, 0, 300, 20));
    const cols = WASM_BATCH_NORM_MAX_CHANNELS + 1;
    const wide = fill({ type: "float32", n: 5 * cols, off: 0, seed: 9, spread: 10, signs: "mixed", placed: false, specials: [] });
    const wideOut = new Float64Array(cols);
    wasm.sumRows(wide, 0, 5, cols, wideOut);
    expect(Array.from(wideOut)).toEqual(columnsBySumReduce(wide, 0, 5, cols));
  });

  it("serve Tensor sum and mean over leading axes with the strided walk's very numbers", () => {
    const g = new Generator(11);
    for (const dtype of ["float32", "float64"] as const) {
      const x = g.uniform([3, 130, 50], -1, 1, { dtype });
      const leading = [x.sum(0), x.sum([0, 1]), x.mean([0, 1], true)];
      // The same reductions through a non-contiguous view take the strided walk.
      const strided = x.permute([2, 0, 1]);
      const walked = [strided.sum(1).transpose().contiguous(), strided.sum([1, 2]), strided.mean([1, 2], true).reshape([1, 1, 50])];
      leading.forEach((t, i) => {
        expect(t.shape, `result ${i}`).toEqual(walked[i].shape);
        expect(Array.from(t.data), `${dtype} result ${i}`).toEqual(Array.from(walked[i].data));
      });
    }
  });
});

