import { describe, expect, it } from "vitest";
import { DTypeError, InvalidArgumentError, ShapeError } from "./errors";
import { addmm } from "./matmul";
import { Tensor } from "./tensor";
import { at, indices, randomTensor, values } from "./testing/reference";
import { setBackend } from "./wasm/backend";

/** A contiguous row block [start, start + rows) of a fresh [total, cols] tensor: an out with an offset and neighbours. */
function rowBlock(total: number, cols: number, start: number, rows: number, dtype: "float32" | "float64" = "float64"): { whole: Tensor; block: Tensor } {
  const whole = new Tensor(dtype === "float32" ? new Float32Array(total * cols).fill(-7) : new Float64Array(total * cols).fill(-7), [total, cols]);
  return { whole, block: whole.narrow(0, start, rows) };
}

/** The elements of `whole` outside rows [start, start + rows). */
function outside(whole: Tensor, start: number, rows: number): number[] {
  return indices(whole.shape).filter(([i]) => i < start || i >= start + rows).map((index) => at(whole, index));
}

/** The first flat index where two same-shape tensors differ in value, or −1 (a diff of 300 000 elements would take minutes to print). */
function firstDifference(x: Tensor, y: Tensor): number {
  const xs = values(x);
  const ys = values(y);
  return xs.findIndex((v, i) => !Object.is(v, ys[i]));
}

describe("element-wise ops into out", () => {
  it("write the op's values into out's own elements, return out, and leave its neighbours alone", () => {
    const a = randomTensor([3, 5], 1);
    const b = randomTensor([3, 5], 2);
    const { whole, block } = rowBlock(6, 5, 2, 3);
    const result = a.mul(b, { out: block });
    expect(result).toBe(block);
    expect(values(block)).toEqual(indices([3, 5]).map((index) => at(a, index) * at(b, index)));
    expect(outside(whole, 2, 3).every((v) => v === -7)).toBe(true);
  });

  it("broadcast, take a number operand, and read non-contiguous inputs", () => {
    const a = randomTensor([4, 3], 3);
    const row = randomTensor([3], 4);
    const out = new Tensor(new Float64Array(12), [4, 3]);
    a.sub(row, { out });
    expect(values(out)).toEqual(indices([4, 3]).map(([i, j]) => at(a, [i, j]) - at(row, [j])));
    a.div(2.5, { out });
    expect(values(out)).toEqual(values(a).map((v) => v / 2.5));
    const t = a.transpose(0, 1);
    const outT = new Tensor(new Float64Array(12), [3, 4]);
    t.exp({ out: outT });
    expect(values(outT)).toEqual(indices([3, 4]).map(([i, j]) => Math.exp(at(a, [j, i]))));
  });

  it("may be exactly an input (the op then runs in place)", () => {
    const a = randomTensor([2, 7], 5);
    const b = randomTensor([2, 7], 6);
    const expected = indices([2, 7]).map((index) => at(a, index) + at(b, index));
    expect(a.add(b, { out: a })).toBe(a);
    expect(values(a)).toEqual(expected);
    const c = randomTensor([9], 7);
    const relu = values(c).map((v) => Math.max(v, 0));
    c.relu({ out: c });
    expect(values(c)).toEqual(relu);
  });

  it("give the fresh result's bits on every backend, through the wasm kernels' staging at an offset", () => {
    try {
      for (const backend of ["js", "wasm"] as const) {
        setBackend(backend);
        const n = 300_001;
        const a = randomTensor([n], 8, "float32");
        const b = randomTensor([n], 9, "float32");
        const { whole, block } = rowBlock(3, n, 1, 1, "float32");
        const out = block.reshape([n]);
        a.add(b, { out });
        expect(firstDifference(out, a.add(b))).toBe(-1);
        a.exp({ out });
        expect(firstDifference(out, a.exp())).toBe(-1);
        expect(outside(whole, 1, 1).every((v) => v === -7)).toBe(true);
      }
    } finally {
      setBackend("wasm");
    }
  });

  it("refuse an out of the wrong dtype, shape or layout, or overlapping an input otherwise, and write nothing", () => {
    const a = randomTensor([4, 4], 10);
    const before = values(a);
    expect(() => a.add(1, { out: new Tensor(new Float32Array(16), [4, 4]) })).toThrow(DTypeError);
    expect(() => a.add(1, { out: new Tensor(new Float32Array(16), [4, 4]) })).toThrow(/out has dtype float32, expected float64/);
    expect(() => a.add(1, { out: new Tensor(new Float64Array(16), [16]) })).toThrow(ShapeError);
    expect(() => a.add(1, { out: new Tensor(new Float64Array(16), [4, 4]).transpose(0, 1) })).toThrow(/out is a view with strides \[1, 4\], expected a contiguous tensor/);
    // Int32 comparisons give float32, so an int32 out is refused.
    expect(() => new Tensor(new Int32Array(2), [2]).lt(1, { out: new Tensor(new Int32Array(2), [2]) })).toThrow(DTypeError);
    // One element apart from a: a partial overlap, which would read elements already written.
    const big = new Tensor(new Float64Array(17), [17]);
    const x = big.narrow(0, 0, 16);
    const shifted = big.narrow(0, 1, 16);
    x.copyFrom(a.reshape([16]));
    expect(() => x.exp({ out: shifted })).toThrow(InvalidArgumentError);
    expect(() => x.exp({ out: shifted })).toThrow(/out shares memory with an input of shape \[16\]/);
    expect(values(big)).toEqual([...before, 0]);
    expect(() => a.add(1, { out: values(a) as unknown as Tensor })).toThrow(/add: out is .*expected a Tensor/);
    expect(() => a.add(1, null as unknown as undefined)).toThrow(/add: options is null, expected \{ out\?: Tensor \}/);
    expect(values(a)).toEqual(before);
  });
});

describe("matmul and addmm into out", () => {
  const backends = ["js", "wasm"] as const;

  it("matmul writes the fresh product's bits into out (2-D, batched, 1-D, int32)", () => {
    try {
      for (const backend of backends) {
        setBackend(backend);
        for (const dtype of ["float32", "float64"] as const) {
          const a = randomTensor([2, 37, 45], 11, dtype);
          const b = randomTensor([45, 29], 12, dtype);
          const { whole, block } = rowBlock(4, 37 * 29, 1, 2, dtype);
          const out = block.reshape([2, 37, 29]);
          expect(a.matmul(b, { out })).toBe(out);
          expect(values(out)).toEqual(values(a.matmul(b)));
          expect(outside(whole, 1, 2).every((v) => v === -7)).toBe(true);
          const v = randomTensor([45], 13, dtype);
          const outV = new Tensor(dtype === "float32" ? new Float32Array(2 * 37) : new Float64Array(2 * 37), [2, 37]);
          a.matmul(v, { out: outV });
          expect(values(outV)).toEqual(values(a.matmul(v)));
        }
        const ai = new Tensor(Int32Array.from({ length: 12 }, (_, i) => i - 5), [3, 4]);
        const bi = new Tensor(Int32Array.from({ length: 8 }, (_, i) => 2 * i - 7), [4, 2]);
        const outI = new Tensor(new Int32Array(10).fill(99), [5, 2]).narrow(0, 1, 3);
        ai.matmul(bi, { out: outI });
        expect(values(outI)).toEqual(indices([3, 2]).map(([i, j]) => [0, 1, 2, 3].reduce((s, p) => s + at(ai, [i, p]) * at(bi, [p, j]), 0)));
        expect(Array.from(outI.data.subarray(0, 2)).concat(Array.from(outI.data.subarray(8)))).toEqual([99, 99, 99, 99]);
      }
    } finally {
      setBackend("wasm");
    }
  });

  it("matmul refuses an out that shares memory with an operand, even exactly", () => {
    const a = randomTensor([6, 6], 14);
    const b = randomTensor([6, 6], 15);
    const before = values(a);
    expect(() => a.matmul(b, { out: a })).toThrow(/matmul: out shares memory with an input of shape \[6, 6\], expected a tensor apart from the inputs/);
    expect(values(a)).toEqual(before);
    expect(() => a.matmul(b, { out: new Tensor(new Float64Array(36), [36]) })).toThrow(ShapeError);
  });

  it("addmm writes β·input + α·mat1·mat2 into out, which may be input itself (addmm_)", () => {
    try {
      for (const backend of backends) {
        setBackend(backend);
        const mat1 = randomTensor([33, 20], 16, "float32");
        const mat2 = randomTensor([20, 19], 17, "float32");
        const bias = randomTensor([19], 18, "float32");
        for (const options of [{}, { beta: 0 }, { beta: 0.5 }, { alpha: 2, beta: 3 }]) {
          const fresh = addmm(bias, mat1, mat2, options);
          // Stale values in out (NaN included) must not leak into the result, β = 0 included.
          const out = new Tensor(new Float32Array(33 * 19).fill(NaN), [33, 19]);
          expect(addmm(bias, mat1, mat2, { ...options, out })).toBe(out);
          expect(values(out)).toEqual(values(fresh));
          const input = bias.broadcastTo([33, 19]).contiguous();
          addmm(input, mat1, mat2, { ...options, out: input });
          expect(values(input)).toEqual(values(fresh));
        }
      }
    } finally {
      setBackend("wasm");
    }
  });

  it("addmm refuses an out overlapping mat1 or mat2", () => {
    const m = randomTensor([5, 5], 19);
    const before = values(m);
    expect(() => addmm(randomTensor([5], 20), m, randomTensor([5, 5], 21), { out: m })).toThrow(/addmm: out shares memory with an input of shape \[5, 5\]/);
    expect(values(m)).toEqual(before);
  });
});
