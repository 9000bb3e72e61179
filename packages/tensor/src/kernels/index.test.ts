import { afterEach, describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../errors";
import { Tensor } from "../tensor";
import { getBackend, kernels, resetKernels, setKernel } from "./index";
import type { BinaryKernel, GemmKernel } from "./index";

afterEach(() => {
  resetKernels();
});

describe("kernel table", () => {
  it("setKernel swaps the implementation every caller uses, and resetKernels restores it", () => {
    let calls = 0;
    const previous = kernels.add;
    const counting: BinaryKernel = (out, o, os, a, ai, as, b, bi, bs, n) => {
      calls++;
      previous(out, o, os, a, ai, as, b, bi, bs, n);
    };
    expect(setKernel("add", counting, "counting")).toBe(previous);
    expect(getBackend()).toBe("counting");
    expect(Tensor.from([1, 2]).add(Tensor.from([3, 4])).toArray()).toEqual([4, 6]);
    expect(calls).toBe(1);
    resetKernels();
    expect(getBackend()).toBe("typescript");
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
    const a = Tensor.eye(3, 3, { dtype: "float64" });
    expect(a.matmul(a).toArray()).toEqual(Tensor.eye(3, 3).toArray());
    Tensor.eye(3).matmul(Tensor.eye(3));
    expect(seen).toEqual(["f64"]);
  });

  it("rejects unknown names and non-functions", () => {
    expect(() => setKernel("nope" as never, (() => 0) as never)).toThrow(InvalidArgumentError);
    expect(() => setKernel("add", 3 as never)).toThrow(InvalidArgumentError);
    expect(getBackend()).toBe("typescript");
  });
});
