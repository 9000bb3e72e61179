import { afterAll, describe, expect, it } from "vitest";
import { Generator } from "../random";
import { Tensor } from "../tensor";
import { values } from "../testing/reference";
import { InvalidArgumentError } from "../errors";
import type { BackendName } from "./backend";
import {
  getBackend, getBackendSupport, getFloat32MatmulPrecision, getNumThreads, setBackend, setFloat32MatmulPrecision, setNumThreads,
} from "./backend";
import { KC, MC, MR, THREAD_MIN_MACS } from "./gemm";
import type { Layout } from "./gemm-reference";
import { U32, U64, expectWithinBound, operand, reference } from "./gemm-reference";
import { placeInKernelMemory } from "../convert";
import { addmm } from "../matmul";
import { loadKernelMemory } from "./kernel-memory";
import { loadRuntime } from "./runtime";
import { waitForWorkers, workerChunkCount } from "./thread-pool";

afterAll(() => {
  setBackend("wasm");
  setFloat32MatmulPrecision("high"); // the default
});

interface Path {
  backend: BackendName;
  precision: "highest" | "high";
  /** Unit roundoff of the accumulation this path uses for float32 products. */
  float32Accumulation: number;
}

/** The paths this host runs: TypeScript, plain SIMD in both float32 precisions and, where accepted, relaxed SIMD. */
function paths(): Path[] {
  const list: Path[] = [
    { backend: "js", precision: "highest", float32Accumulation: U64 },
    { backend: "wasm-simd", precision: "highest", float32Accumulation: U64 },
    { backend: "wasm-simd", precision: "high", float32Accumulation: U32 },
  ];
  if (getBackendSupport().relaxedSimd) {
    list.push({ backend: "wasm-relaxed-simd", precision: "highest", float32Accumulation: U64 });
    list.push({ backend: "wasm-relaxed-simd", precision: "high", float32Accumulation: U32 });
  }
  return list;
}

function use(path: Path): void {
  setBackend(path.backend);
  setFloat32MatmulPrecision(path.precision);
}

// m, k, n: single elements, k = 1, exact tiles (4×8 / 4×4), ragged edges, k past the 256-deep packing
// slice, m past the 64-row block, and a wide n.
const SHAPES: [number, number, number][] = [
  [1, 1, 1], [1, 9, 1], [3, 5, 2], [4, 8, 8], [7, 1, 9], [5, 9, 13], [17, 33, 65], [65, 257, 9], [130, 300, 70], [9, 20, 1030],
];

describe("wasm matmul against a float64 reference", () => {
  it("agrees on every path for odd shapes and ragged tiles (float32 and float64, contiguous operands)", () => {
    for (const dtype of ["float32", "float64"] as const) {
      for (const [m, k, n] of SHAPES) {
        const a = operand(m, k, "contiguous", dtype, m + 2 * k);
        const b = operand(k, n, "contiguous", dtype, k + 3 * n);
        const expected = reference(a, b);
        for (const path of paths()) {
          use(path);
          const c = a.matmul(b);
          expect(c.shape).toEqual([m, n]);
          expect(c.dtype).toBe(dtype);
          expectWithinBound(c, expected, k, dtype === "float32" ? path.float32Accumulation : U64);
        }
      }
    }
  });

  it("reads transposed, strided, reversed and scattered operands through their strides", () => {
    const layouts: Layout[] = ["contiguous", "transposed", "strided", "reversed", "scattered"];
    for (const [m, k, n] of [[13, 70, 21], [66, 260, 12]] as const) {
      for (const left of layouts) {
        for (const right of layouts) {
          const a = operand(m, k, left, "float32", 11);
          const b = operand(k, n, right, "float32", 12);
          const expected = reference(a, b);
          for (const path of paths()) {
            use(path);
            expectWithinBound(a.matmul(b), expected, k, path.float32Accumulation);
          }
        }
      }
    }
  });

  it("handles int32 and mixed-precision operands (converted while staged)", () => {
    // int32·int32 runs in float64 and is exact: every partial sum is an integer below 2^53.
    const a = operand(19, 40, "contiguous", "int32", 1);
    const b = operand(40, 23, "transposed", "int32", 2);
    const exact = reference(a, b).c;
    for (const path of paths()) {
      use(path);
      const c = a.matmul(b);
      expect(c.dtype).toBe("int32");
      expect(values(c)).toEqual(exact);
      // float32·float64 promotes to float64: float64 accumulation on every path.
      const x = operand(19, 40, "strided", "float32", 3);
      const y = operand(40, 23, "contiguous", "float64", 4);
      expectWithinBound(x.matmul(y), reference(x, y), 40, U64);
    }
  });

  it("k = 0 gives zeros, and empty products give empty results", () => {
    for (const path of paths()) {
      use(path);
      // an empty sum is 0
      expect(values(operand(6, 0, "contiguous", "float32", 1).matmul(operand(0, 10, "contiguous", "float32", 2)))).toEqual(new Array<number>(60).fill(0));
      expect(operand(0, 5, "contiguous", "float32", 1).matmul(operand(5, 9, "contiguous", "float32", 2)).shape).toEqual([0, 9]);
    }
  });

  it("batched products broadcast their batch dimensions on the wasm kernels too", () => {
    const g = new Generator(5);
    const a = g.uniform([3, 1, 10, 37], -2, 2, { dtype: "float32" });
    const b = g.uniform([4, 37, 12], -2, 2, { dtype: "float32" });
    for (const path of paths()) {
      use(path);
      const c = a.matmul(b);
      expect(c.shape).toEqual([3, 4, 10, 12]);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 4; j++) {
          const left = a.slice(i, 0);
          const right = b.slice(j);
          expectWithinBound(c.slice(i, j), reference(left, right), 37, path.float32Accumulation);
        }
      }
    }
  });

  it("float32 at precision \"high\" really accumulates in float32: a sum float64 would keep exactly comes out rounded", () => {
    // 1 + 2^-24 + 2^-24 + ... : each 2^-24 is half an ulp of 1 in float32, so float32 accumulation
    // (round-to-nearest-even from 1) drops every one of them while float64 keeps all 8.
    const k = 9;
    const a = Tensor.ones([8, k], { dtype: "float32" });
    const column = [1, ...new Array<number>(k - 1).fill(2 ** -24)];
    const b = Tensor.from(column.map((x) => new Array<number>(8).fill(x)), { dtype: "float32" });
    use({ backend: "wasm-simd", precision: "high", float32Accumulation: U32 });
    expect(values(a.matmul(b))).toEqual(new Array<number>(64).fill(1));
    use({ backend: "wasm-simd", precision: "highest", float32Accumulation: U64 });
    // float64 keeps 1 + 8·2^-24 = 1 + 2^-21, which is a float32 number, so rounding once keeps it
    expect(values(a.matmul(b))).toEqual(new Array<number>(64).fill(1 + 2 ** -21));
  });
});

describe("operands in the kernel memory", () => {
  it("are read where they lie (also through transposed and offset views), with the bits of staged ones", () => {
    const memory = loadKernelMemory()!;
    setBackend(memory.runtime.variant === "simd" ? "wasm-simd" : "wasm-relaxed-simd");
    for (const precision of ["high", "highest"] as const) {
      setFloat32MatmulPrecision(precision);
      for (const dtype of ["float32", "float64"] as const) {
        const a = operand(70, 45, "contiguous", dtype, 3);
        const bt = operand(33, 45, "contiguous", dtype, 4);
        const [pa, pbt] = [placeInKernelMemory(a), placeInKernelMemory(bt)];
        expect(memory.runtime.addressOf(pa.data)).toBeGreaterThanOrEqual(0);
        expect(values(pa.matmul(pbt.transpose(0, 1)))).toEqual(values(a.matmul(bt.transpose(0, 1))));
        // rows 5… of a placed operand: an offset view into the placed block
        expect(values(pa.slice([5, 70]).matmul(pbt.transpose(0, 1)))).toEqual(values(a.slice([5, 70]).matmul(bt.transpose(0, 1))));
      }
    }
    setFloat32MatmulPrecision("high");
    setBackend("wasm");
  });

  it("compute into an output there (a row block of a placed array) with the bits of an ordinary output, on 1 and 2 threads", () => {
    const memory = loadKernelMemory()!;
    setBackend(memory.runtime.variant === "simd" ? "wasm-simd" : "wasm-relaxed-simd");
    // whole tiles (computed where the output lies), ragged ones (through the workspace), and one large enough to thread
    const shapes: [number, number, number][] = [[68, 45, 40], [70, 45, 33], [520, 200, 96]];
    for (const threads of [1, 2]) {
      setNumThreads(threads);
      for (const dtype of ["float32", "float64"] as const) {
        for (const [m, k, n] of shapes) {
          const a = operand(m, k, "contiguous", dtype, m + k);
          const b = operand(k, n, "transposed", dtype, k + n);
          const bias = operand(m, n, "contiguous", dtype, m + n + 1);
          const block = placeInKernelMemory(Tensor.full([m + 4, n], 7, { dtype }));
          const out = block.slice([2, m + 2]);
          const untouched = (): void => {
            expect(values(block.slice([0, 2]))).toEqual(new Array<number>(2 * n).fill(7));
            expect(values(block.slice([m + 2, m + 4]))).toEqual(new Array<number>(2 * n).fill(7));
          };
          expect(a.matmul(b, { out })).toBe(out);
          expect(values(out)).toEqual(values(a.matmul(b)));
          untouched();
          // addmm_: out is the input the product is added to
          out.copyFrom(bias);
          expect(addmm(out, a, b, { out })).toBe(out);
          expect(values(out)).toEqual(values(addmm(bias, a, b)));
          untouched();
        }
      }
    }
    setNumThreads(2);
    setBackend("wasm");
  });
});

describe("thread count", () => {
  it("gives bitwise the same float32 and float64 results on 1, 2 and 3 threads, with the workers taking chunks", () => {
    const runtime = loadRuntime("simd")!;
    for (const dtype of ["float32", "float64"] as const) {
      const a = operand(520, 200, "contiguous", dtype, 1);
      const b = operand(200, 90, "transposed", dtype, 2);
      expect(520 * 200 * 90).toBeGreaterThanOrEqual(THREAD_MIN_MACS); // large enough to be split across threads
      setBackend("wasm-simd");
      setFloat32MatmulPrecision("high");
      const results = [1, 2, 3].map((threads) => {
        setNumThreads(threads);
        let c = a.matmul(b);
        if (threads > 1) {
          expect(waitForWorkers(runtime, 30_000)).toBe(true);
          // Workers wake on each job; on a busy machine the calling thread may finish a job alone, so repeat until one helped.
          for (let tries = 0; tries < 100 && workerChunkCount(runtime) === 0; tries++) c = a.matmul(b);
          expect(workerChunkCount(runtime)).toBeGreaterThan(0);
        }
        return c;
      });
      setNumThreads(2);
      expectWithinBound(results[0], reference(a, b), 200, dtype === "float32" ? U32 : U64);
      expect(values(results[1])).toEqual(values(results[0]));
      expect(values(results[2])).toEqual(values(results[0]));
    }
  });

  it("rejects a thread count that is not a positive integer, leaving the setting as it was", () => {
    setNumThreads(3);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => { setNumThreads(bad); }).toThrow(InvalidArgumentError);
    expect(getNumThreads()).toBe(3);
    setNumThreads(2);
  });
});

describe("backend selection", () => {
  it("the JavaScript side pads and allocates with the wasm build's own tile and block sizes", () => {
    const { blocking } = loadRuntime("simd")!.exports;
    expect([blocking(0), blocking(1), blocking(2), blocking(3), blocking(4)]).toEqual([MR, 8, 4, KC, MC]);
  });

  it("getBackend reports what setBackend, setFloat32MatmulPrecision and setNumThreads chose", () => {
    setBackend("js");
    setFloat32MatmulPrecision("highest");
    expect(getBackend()).toEqual({ matmul: "js", optimizer: "js", elementwise: "js", threads: 1, float32MatmulPrecision: "highest" });
    setBackend("wasm-simd");
    setFloat32MatmulPrecision("high");
    setNumThreads(2);
    expect(getBackend()).toEqual({ matmul: "wasm-simd", optimizer: "wasm", elementwise: "wasm", threads: 2, float32MatmulPrecision: "high" });
    expect(getFloat32MatmulPrecision()).toBe("high");
  });

  it("rejects unknown backends and precisions without changing anything", () => {
    setBackend("wasm-simd");
    setFloat32MatmulPrecision("high");
    const before = getBackend();
    expect(() => { setBackend("webgpu" as BackendName); }).toThrow(InvalidArgumentError);
    expect(() => { setFloat32MatmulPrecision("medium" as "high"); }).toThrow(InvalidArgumentError);
    expect(getBackend()).toEqual(before);
  });
});
