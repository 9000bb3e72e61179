import { describe, expect, it } from "vitest";
import { Generator, Tensor, inKernelMemory, placeInKernelMemory } from "./index";
import { loadKernelMemory } from "./wasm/kernel-memory";

// Placement needs wasm SIMD and shared memory (Node has both); elsewhere the tensor comes back as is.
const placeable = loadKernelMemory()?.place("float32", 1) != null;

describe("placeInKernelMemory", () => {
  it.runIf(placeable)("copies a float tensor into the kernel memory with the same dtype, shape and values", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const t = new Generator(3).normal([7, 5], 0, 1, { dtype });
      const placed = placeInKernelMemory(t);
      expect(placed).not.toBe(t);
      expect(inKernelMemory(placed.data)).toBe(true);
      expect(inKernelMemory(t.data)).toBe(false);
      expect(placed.dtype).toBe(dtype);
      expect(placed.shape).toEqual([7, 5]);
      expect(Array.from(placed.data)).toEqual(Array.from(t.data));
      // a placed tensor is returned as it is
      expect(placeInKernelMemory(placed)).toBe(placed);
    }
  });

  it.runIf(placeable)("lays a strided view out contiguously", () => {
    const t = Tensor.from([[1, 2, 3], [4, 5, 6]]).transpose(0, 1);
    const placed = placeInKernelMemory(t);
    expect(placed.isContiguous()).toBe(true);
    expect(placed.toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it("leaves int32 tensors where they are and rejects what is not a tensor", () => {
    const t = Tensor.from([1, 2, 3], { dtype: "int32" });
    expect(placeInKernelMemory(t)).toBe(t);
    expect(() => placeInKernelMemory([1, 2] as unknown as Tensor)).toThrow(/placeInKernelMemory: t is .*expected a Tensor/);
  });
});
