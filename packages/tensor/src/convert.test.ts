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

describe("astype and contiguous copies", () => {
  // Long contiguous runs are copied with TypedArray.set, short and strided ones element by element:
  // both must convert exactly as an element assignment does.
  const specials = [1.7, -1.7, 2.5, -0.5, 2 ** 31 + 3, -(2 ** 33) - 1, Number.NaN, Infinity, -Infinity, 1e-40, 16777217, -0];
  const values = Array.from({ length: 96 }, (_, i) => specials[i % specials.length] * (i < 48 ? 1 : -3));

  it("convert long and short runs to every dtype as element assignment does", () => {
    for (const length of [96, 31]) {
      const source = Tensor.from(values.slice(0, length), { dtype: "float64" });
      for (const [dtype, Make] of [["int32", Int32Array], ["float32", Float32Array]] as const) {
        const expected = new Make(length);
        for (let i = 0; i < length; i++) expected[i] = values[i];
        expect(Array.from(source.astype(dtype).data), `${dtype}, ${length} elements`).toEqual(Array.from(expected));
      }
    }
  });

  it("copy broadcast rows and transposed views element for element", () => {
    const row = Tensor.from(values.slice(0, 40), { dtype: "float64" });
    const rows = row.broadcastTo([3, 40]).contiguous();
    expect(Array.from(rows.data)).toEqual([...values.slice(0, 40), ...values.slice(0, 40), ...values.slice(0, 40)]);
    const m = Tensor.from(Array.from({ length: 6 }, (_, i) => Array.from({ length: 40 }, (_, j) => i * 40 + j)));
    const t = m.transpose().contiguous();
    for (let j = 0; j < 40; j++) for (let i = 0; i < 6; i++) expect(t.data[j * 6 + i]).toBe(i * 40 + j);
  });
});
