/// <reference types="node" />
import { setFlagsFromString } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { getBackend, getBackendSupport, setBackend, setFloat32MatmulPrecision, setNumThreads } from "./backend";
import { THREAD_MIN_MACS } from "./gemm";
import type { Layout } from "./gemm-reference";
import { U32, U64, expectWithinBound, operand, reference } from "./gemm-reference";
import { values } from "../testing/reference";

// Node 20 validates relaxed SIMD only with --experimental-wasm-relaxed-simd (Chromium accepts it by
// default). V8 reads the flag each time it validates a module, so turning it on here runs the
// relaxed build under a plain `vitest run`.
setFlagsFromString("--experimental-wasm-relaxed-simd");

afterAll(() => {
  setBackend("wasm");
  setFloat32MatmulPrecision("high"); // the default
});

describe("relaxed SIMD (fused multiply-add) build", () => {
  it("is accepted once the host allows it, and is then the build setBackend(\"wasm\") picks", () => {
    expect(getBackendSupport().relaxedSimd).toBe(true);
    setBackend("wasm");
    expect(getBackend().matmul).toBe("wasm-relaxed-simd");
  });

  it("agrees with the float64 reference for ragged shapes and every operand layout, in both float32 precisions", () => {
    setBackend("wasm-relaxed-simd");
    const layouts: Layout[] = ["contiguous", "transposed", "strided", "reversed", "scattered"];
    for (const [m, k, n] of [[1, 1, 1], [5, 9, 13], [66, 260, 12], [9, 20, 1030]] as const) {
      for (const left of layouts) {
        for (const right of ["contiguous", "transposed"] as const) {
          for (const dtype of ["float32", "float64"] as const) {
            const a = operand(m, k, left, dtype, m + k);
            const b = operand(k, n, right, dtype, k + n);
            const expected = reference(a, b);
            for (const precision of ["highest", "high"] as const) {
              setFloat32MatmulPrecision(precision);
              const accumulation = dtype === "float32" && precision === "high" ? U32 : U64;
              expectWithinBound(a.matmul(b), expected, k, accumulation);
            }
          }
        }
      }
    }
  });

  it("gives bitwise the same results on 1 and 2 threads", () => {
    setBackend("wasm-relaxed-simd");
    setFloat32MatmulPrecision("high");
    const a = operand(520, 200, "contiguous", "float32", 3);
    const b = operand(200, 90, "contiguous", "float32", 4);
    expect(520 * 200 * 90).toBeGreaterThanOrEqual(THREAD_MIN_MACS); // large enough to be split across threads
    setNumThreads(1);
    const one = values(a.matmul(b));
    setNumThreads(2);
    expect(values(a.matmul(b))).toEqual(one);
  });
});
