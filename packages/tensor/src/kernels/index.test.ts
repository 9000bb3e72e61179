import { afterEach, describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../errors";
import { Tensor } from "../tensor";
import { getBackend, getBackendSupport } from "../wasm/backend";
import { kernels, resetKernels, setKernel } from "./index";
import type { BinaryKernel, GemmKernel } from "./index";

// read before any test replaces a kernel
const atLoad = getBackend();

afterEach(() => {
  resetKernels();
});

/**
 * What getBackend reports once resetKernels put the TypeScript kernels back (one thread: no wasm
 * matmul). The kernel table does not hold the optimizer updates: they stay on wasm where it runs.
 */
const TYPESCRIPT = { matmul: "js", optimizer: getBackendSupport().simd ? "wasm" : "js", elementwise: "js", threads: 1, float32MatmulPrecision: "high" };

describe("kernel table", () => {
  it("at load, matmul runs on the best wasm build the host has, with float32 accumulation for float32", () => {
    const support = getBackendSupport();
    const expected = support.relaxedSimd ? "wasm-relaxed-simd" : support.simd ? "wasm-simd" : "js";
    expect(atLoad.matmul).toBe(expected);
    expect(atLoad.elementwise).toBe(support.simd ? "wasm" : "js");
    expect(atLoad.optimizer).toBe(support.simd ? "wasm" : "js");
    expect(atLoad.float32MatmulPrecision).toBe("high");
  });

  it("setKernel swaps the implementation every caller uses, and resetKernels restores it", () => {
    let calls = 0;
    const previous = kernels.add;
    const counting: BinaryKernel = (out, o, os, a, ai, as, b, bi, bs, n) => {
      calls++;
      previous(out, o, os, a, ai, as, b, bi, bs, n);
    };
    expect(setKernel("add", counting)).toBe(previous);
    expect(getBackend().elementwise).toBe("custom");
    expect(Tensor.from([1, 2]).add(Tensor.from([3, 4])).toArray()).toEqual([4, 6]);
    expect(calls).toBe(1);
    resetKernels();
    expect(getBackend()).toEqual(TYPESCRIPT);
    expect(kernels.add).toBe(previous);
  });

  it("a replacement matmul kernel is used by Tensor.matmul (float64 and float32 entries are separate)", () => {
    const seen: string[] = [];
    const original = kernels.matmulF64;
    const spy: GemmKernel = (...args) => {
      seen.push("f64");
      original(...args);
    };
    setKernel("matmulF64", spy);
    expect(getBackend().matmul).toBe("custom");
    const a = Tensor.eye(3, 3, { dtype: "float64" });
    expect(a.matmul(a).toArray()).toEqual(Tensor.eye(3, 3).toArray());
    Tensor.eye(3).matmul(Tensor.eye(3));
    expect(seen).toEqual(["f64"]);
  });

  it("rejects unknown names and non-functions", () => {
    resetKernels();
    expect(() => setKernel("nope" as never, (() => 0) as never)).toThrow(InvalidArgumentError);
    expect(() => setKernel("add", 3 as never)).toThrow(InvalidArgumentError);
    expect(getBackend()).toEqual(TYPESCRIPT);
  });
});
