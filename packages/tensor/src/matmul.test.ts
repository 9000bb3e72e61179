import { describe, expect, it } from "vitest";
import { DTypeError, InvalidArgumentError, ShapeError } from "./errors";
import { addmm } from "./matmul";
import { Tensor } from "./tensor";
import { at, broadcastAt, expectClose, indices, randomTensor, values } from "./testing/reference";
import { getBackend, getFloat32MatmulPrecision, setBackend, setFloat32MatmulPrecision } from "./wasm/backend";
import { U32, U64, expectWithinBound, operand, reference } from "./wasm/gemm-reference";

/** C[..., i, j] = Σ_p A[..., i, p] B[..., p, j] with broadcast batch dims, by plain loops. */
function matmulRef(a: Tensor, b: Tensor): number[] {
  const m = a.shape[a.ndim - 2];
  const k = a.shape[a.ndim - 1];
  const n = b.shape[b.ndim - 1];
  const ab = a.shape.slice(0, -2);
  const bb = b.shape.slice(0, -2);
  const nd = Math.max(ab.length, bb.length);
  const batch = Array.from({ length: nd }, (_, i) => {
    const x = ab[i - (nd - ab.length)] ?? 1;
    const y = bb[i - (nd - bb.length)] ?? 1;
    return Math.max(x, y);
  });
  const out: number[] = [];
  for (const bi of indices(batch)) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += broadcastAt(a, [...bi, i, p]) * broadcastAt(b, [...bi, p, j]);
        out.push(s);
      }
    }
  }
  return out;
}

/** The 2-D case with the operands read once into row-major arrays (fast enough for the big sizes). */
function matmul2dRef(a: Tensor, b: Tensor): number[] {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const av = values(a);
  const bv = values(b);
  const out = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) out[i * n + j] += av[i * k + p] * bv[p * n + j];
  return out;
}

describe("matmul", () => {
  it("2-D by hand: [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]", () => {
    const a = Tensor.from([[1, 2], [3, 4]]);
    const b = Tensor.from([[5, 6], [7, 8]]);
    expect(a.matmul(b).toArray()).toEqual([[19, 22], [43, 50]]);
  });

  it("matches plain loops for sizes that hit the direct, blocked and edge-tile paths (float64)", () => {
    for (const [m, k, n] of [[1, 1, 1], [3, 5, 2], [17, 9, 13], [70, 300, 33], [5, 260, 9], [9, 800, 11], [130, 40, 1030]]) {
      const a = randomTensor([m, k], m + k);
      const b = randomTensor([k, n], k + n);
      const c = a.matmul(b);
      expect(c.shape).toEqual([m, n]);
      expectClose(values(c), matmul2dRef(a, b), 1e-12, 1e-12);
    }
  });

  it("float32 at the default precision \"high\": within the float32 dot-product bound of the float64 product", () => {
    expect(getFloat32MatmulPrecision()).toBe("high");
    for (const [m, k, n] of [[20, 40, 30], [64, 64, 64], [9, 300, 17]]) {
      const a = randomTensor([m, k], m, "float32");
      const b = randomTensor([k, n], n, "float32");
      const c = a.matmul(b);
      expect(c.dtype).toBe("float32");
      // |C − C_ref| ≤ γ_k(2^-24)·(|A||B|)_ij + one float32 rounding of the result; the float64
      // reference is exact to ~k·2^-53, far inside that, and the operands are float32 already
      expectWithinBound(c, reference(a, b), k, U32);
    }
  });

  it("float32 at the default precision accumulates in float32 on the wasm backends", () => {
    // 1 + 2^-24 + ... + 2^-24 (8 times): each 2^-24 is half an ulp of 1 in float32, so float32
    // accumulation (round to nearest even) drops all of them; float64 keeps 1 + 2^-21, a float32 number
    const a = Tensor.ones([8, 9], { dtype: "float32" });
    const column = [1, ...new Array<number>(8).fill(2 ** -24)];
    const b = Tensor.from(column.map((x) => new Array<number>(8).fill(x)), { dtype: "float32" });
    const expected = getBackend().matmul === "js" ? 1 + 2 ** -21 : 1;
    expect(values(a.matmul(b))).toEqual(new Array<number>(64).fill(expected));
  });

  it("float32 at precision \"highest\": float64 accumulation rounded once", () => {
    setFloat32MatmulPrecision("highest");
    try {
      const a = randomTensor([20, 40], 1, "float32");
      const b = randomTensor([40, 30], 2, "float32");
      const c = a.matmul(b);
      expect(c.dtype).toBe("float32");
      // the float64 sums agree to ~1e-15, so after rounding to float32 they differ by at most one float32 ulp (2^-23 relative)
      expectClose(values(c), matmul2dRef(a, b).map(Math.fround), 2 ** -23, 1e-7);
      const big = randomTensor([64, 64], 3, "float32");
      expectClose(values(big.matmul(big)), matmul2dRef(big, big).map(Math.fround), 2 ** -23, 1e-7);
    } finally {
      setFloat32MatmulPrecision("high");
    }
  });

  it("transposed, sliced and reversed operands are read through their strides", () => {
    const a = randomTensor([40, 30], 5).transpose(); // [30, 40]
    const b = randomTensor([50, 90], 6).slice([undefined, 40], [undefined, undefined, -2]); // [40, 45]
    expectClose(values(a.matmul(b)), matmul2dRef(a, b), 1e-12, 1e-12);
  });

  it("batched with broadcast batch dimensions", () => {
    const a = randomTensor([2, 1, 3, 4], 1);
    const b = randomTensor([5, 4, 2], 2);
    const c = a.matmul(b);
    expect(c.shape).toEqual([2, 5, 3, 2]);
    expectClose(values(c), matmulRef(a, b), 1e-12, 1e-12);
    const w = randomTensor([4, 6], 3);
    expectClose(values(a.matmul(w)), matmulRef(a, w), 1e-12, 1e-12);
  });

  it("1-D operands behave like torch.matmul", () => {
    const v = Tensor.from([1, 2, 3], { dtype: "float64" });
    const m = Tensor.from([[1, 0], [0, 1], [1, 1]], { dtype: "float64" });
    const dot = v.matmul(v);
    expect(dot.shape).toEqual([]);
    expect(dot.item()).toBe(14);
    expect(v.matmul(m).toArray()).toEqual([4, 5]);
    expect(m.transpose().matmul(v).toArray()).toEqual([4, 5]);
    const batch = randomTensor([2, 3, 3], 4);
    const bv = batch.matmul(v);
    expect(bv.shape).toEqual([2, 3]);
    expectClose(values(bv), indices([2, 3]).map(([b, i]) => at(batch, [b, i, 0]) + 2 * at(batch, [b, i, 1]) + 3 * at(batch, [b, i, 2])));
    expect(v.matmul(batch).shape).toEqual([2, 3]);
  });

  it("zero-size dimensions: k = 0 gives zeros, m = 0 gives an empty result", () => {
    expect(Tensor.zeros([2, 0]).matmul(Tensor.zeros([0, 3])).toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(Tensor.zeros([0, 4]).matmul(Tensor.zeros([4, 3])).shape).toEqual([0, 3]);
  });

  it("int32 is exact; dtype promotes", () => {
    const i = Tensor.from([[1, 2], [3, 4]], { dtype: "int32" });
    expect(i.matmul(i).toArray()).toEqual([[7, 10], [15, 22]]);
    expect(i.matmul(i).dtype).toBe("int32");
    expect(i.matmul(Tensor.eye(2, 2, { dtype: "float64" })).dtype).toBe("float64");
  });

  it("mismatched inner dimensions name both shapes", () => {
    expect(() => Tensor.zeros([2, 3]).matmul(Tensor.zeros([2, 3]))).toThrow(ShapeError);
    expect(() => Tensor.zeros([2, 3]).matmul(Tensor.zeros([2, 3]))).toThrow(/matmul.*\[2, 3\].*\[2, 3\]/);
    expect(() => Tensor.zeros([2, 2, 3]).matmul(Tensor.zeros([3, 3, 1]))).toThrow(ShapeError);
    expect(() => Tensor.scalar(1).matmul(Tensor.zeros([1]))).toThrow(ShapeError);
  });

  it("dot and outer", () => {
    const a = Tensor.from([1, 2, 3], { dtype: "float64" });
    const b = Tensor.from([4, 5, 6], { dtype: "float64" });
    expect(a.dot(b).item()).toBe(32);
    expect(a.outer(b.slice([0, 2])).toArray()).toEqual([[4, 5], [8, 10], [12, 15]]);
    expect(() => a.dot(Tensor.zeros([2]))).toThrow(ShapeError);
    expect(() => a.outer(Tensor.zeros([2, 2]))).toThrow(ShapeError);
  });
});

describe("addmm", () => {
  /**
   * β·input + α·(A·B) in float64 by plain loops, with its magnitudes: the sum is a (k + 1)-term
   * dot product (input, then the k products), so the matmul bound with k + 1 terms covers it, and
   * one more term covers the rounding of β·input (β ≠ 1) or of α·(A·B) (α ≠ 1).
   */
  function addmmRef(input: Tensor, a: Tensor, b: Tensor, beta: number, alpha: number): { c: number[]; magnitude: number[] } {
    const { c, magnitude } = reference(a, b);
    const n = b.shape[1];
    return {
      c: c.map((x, i) => alpha * x + (beta === 0 ? 0 : beta * broadcastAt(input, [Math.floor(i / n), i % n]))),
      magnitude: magnitude.map((x, i) => Math.abs(alpha) * x + (beta === 0 ? 0 : Math.abs(beta * broadcastAt(input, [Math.floor(i / n), i % n])))),
    };
  }

  const SHAPES: [number, number, number][] = [[3, 5, 2], [17, 9, 13], [70, 300, 33], [128, 784, 256]];

  for (const backend of ["wasm", "js"] as const) {
    it(`adds β·input inside the product for bias, column, full and scalar inputs, float32 and float64 (${backend} kernels)`, () => {
      setBackend(backend);
      try {
        for (const [m, k, n] of SHAPES) {
          for (const dtype of ["float32", "float64"] as const) {
            const a = operand(m, k, "contiguous", dtype, m + k);
            const b = operand(k, n, "transposed", dtype, k + n);
            const inputs = [randomTensor([n], n, dtype), randomTensor([m, 1], m, dtype), randomTensor([m, n], 7, dtype), Tensor.scalar(0.75, { dtype })];
            for (const input of inputs) {
              for (const beta of [1, 2.5]) {
                const before = values(input);
                const got = addmm(input, a, b, { beta });
                expect(got.shape).toEqual([m, n]);
                expect(got.dtype).toBe(dtype);
                // float32: the wasm kernels accumulate in float32, and β·input is a float32 either way
                expectWithinBound(got, addmmRef(input, a, b, beta, 1), k + 2, dtype === "float32" ? U32 : U64);
                expect(values(input), "input unchanged").toEqual(before);
              }
            }
          }
        }
      } finally {
        setBackend("wasm");
      }
    });
  }

  it("β = 0 ignores input (NaN and ±∞ do not propagate); α scales the product; a Tensor method too", () => {
    const a = randomTensor([6, 4], 1);
    const b = randomTensor([4, 5], 2);
    const poisoned = Tensor.from([Number.NaN, Infinity, -Infinity, 1, 2]);
    expectClose(values(addmm(poisoned, a, b, { beta: 0 })), matmul2dRef(a, b), 1e-12, 1e-12);
    const bias = randomTensor([5], 3);
    expectWithinBound(addmm(bias, a, b, { alpha: -0.5, beta: 3 }), addmmRef(bias, a, b, 3, -0.5), 6, U64);
    expect(values(bias.addmm(a, b))).toEqual(values(addmm(bias, a, b)));
  });

  it("int32: exact, with integer β and α only", () => {
    const a = Tensor.from([[1, 2], [3, 4]], { dtype: "int32" });
    const b = Tensor.from([[5, 6], [7, 8]], { dtype: "int32" });
    const bias = Tensor.from([10, -10], { dtype: "int32" });
    const c = addmm(bias, a, b, { beta: 2, alpha: 3 });
    expect(c.dtype).toBe("int32");
    expect(c.toArray()).toEqual([[77, 46], [149, 130]]);
    expect(() => addmm(bias, a, b, { beta: 0.5 })).toThrow(DTypeError);
  });

  it("rejects what it cannot compute, naming the argument", () => {
    const a = randomTensor([3, 4], 1);
    const b = randomTensor([4, 2], 2);
    expect(() => addmm(randomTensor([3], 3), a, b)).toThrow(/addmm.*\[3\].*\[3, 2\]/);
    expect(() => addmm(randomTensor([2], 3), a, randomTensor([3, 2], 4))).toThrow(ShapeError);
    expect(() => addmm(randomTensor([2], 3), randomTensor([2, 3, 4], 5), b)).toThrow(/mat1 and mat2 must be 2-D/);
    expect(() => addmm(randomTensor([2], 3), a, b, { beta: "1" as unknown as number })).toThrow(/addmm.*beta/);
    expect(() => addmm([1, 2] as unknown as Tensor, a, b)).toThrow(InvalidArgumentError);
    expect(() => addmm(randomTensor([2], 3), a, 4 as unknown as Tensor)).toThrow(/mat2/);
  });
});

