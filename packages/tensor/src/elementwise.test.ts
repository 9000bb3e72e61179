import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { broadcastShapes } from "./broadcast";
import { reluBackward, where } from "./elementwise";
import { InvalidArgumentError, ShapeError } from "./errors";
import { Tensor } from "./tensor";
import { broadcastAt, expectClose, indices, randomTensor, values } from "./testing/reference";

/** Closed-form references, one per op, written out independently of the kernels. */
const unaryRefs: [string, (t: Tensor) => Tensor, (x: number) => number][] = [
  ["neg", (t) => t.neg(), (x) => -x],
  ["abs", (t) => t.abs(), (x) => (x < 0 ? -x : x)],
  ["sign", (t) => t.sign(), (x) => (x > 0 ? 1 : x < 0 ? -1 : 0)],
  ["exp", (t) => t.exp(), (x) => Math.E ** x],
  ["log", (t) => t.abs().log(), (x) => Math.log(Math.abs(x))],
  ["log1p", (t) => t.abs().log1p(), (x) => Math.log(1 + Math.abs(x))],
  ["sqrt", (t) => t.abs().sqrt(), (x) => Math.abs(x) ** 0.5],
  ["rsqrt", (t) => t.abs().rsqrt(), (x) => Math.abs(x) ** -0.5],
  ["square", (t) => t.square(), (x) => x * x],
  ["tanh", (t) => t.tanh(), (x) => (Math.E ** (2 * x) - 1) / (Math.E ** (2 * x) + 1)],
  ["sigmoid", (t) => t.sigmoid(), (x) => 1 / (1 + Math.E ** -x)],
  ["relu", (t) => t.relu(), (x) => (x > 0 ? x : 0)],
];

const binaryRefs: [string, (a: Tensor, b: Tensor) => Tensor, (x: number, y: number) => number][] = [
  ["add", (a, b) => a.add(b), (x, y) => x + y],
  ["sub", (a, b) => a.sub(b), (x, y) => x - y],
  ["mul", (a, b) => a.mul(b), (x, y) => x * y],
  ["div", (a, b) => a.div(b), (x, y) => x / y],
  ["pow", (a, b) => a.abs().pow(b), (x, y) => Math.abs(x) ** y],
  ["maximum", (a, b) => a.maximum(b), (x, y) => (x > y ? x : y)],
  ["minimum", (a, b) => a.minimum(b), (x, y) => (x < y ? x : y)],
  ["eq", (a, b) => a.eq(b), (x, y) => (x === y ? 1 : 0)],
  ["ne", (a, b) => a.ne(b), (x, y) => (x !== y ? 1 : 0)],
  ["lt", (a, b) => a.lt(b), (x, y) => (x < y ? 1 : 0)],
  ["le", (a, b) => a.le(b), (x, y) => (x <= y ? 1 : 0)],
  ["gt", (a, b) => a.gt(b), (x, y) => (x > y ? 1 : 0)],
  ["ge", (a, b) => a.ge(b), (x, y) => (x >= y ? 1 : 0)],
];

describe("unary ops against closed forms (float64)", () => {
  const x = randomTensor([3, 4], 7);
  for (const [name, op, ref] of unaryRefs) {
    it(name, () => {
      const before = values(x);
      const y = op(x);
      expect(y.dtype).toBe("float64");
      expect(y.shape).toEqual([3, 4]);
      expectClose(values(y), before.map(ref), 1e-14, 1e-15);
      expect(values(x)).toEqual(before); // input untouched
    });
  }

  it("same results through a non-contiguous (transposed, reversed) view", () => {
    const v = x.transpose().slice([undefined, undefined, -1]);
    for (const [, op, ref] of unaryRefs) expectClose(values(op(v)), values(v).map(ref), 1e-14, 1e-15);
  });

  it("float32 results are the float64 results rounded once", () => {
    const f = randomTensor([5], 3, "float32");
    expect(values(f.exp())).toEqual(values(f).map((v) => Math.fround(Math.exp(v))));
  });

  it("int32: exp/log/sqrt/… give float32, neg/abs/square/relu/sign stay int32", () => {
    const i = Tensor.from([-2, 0, 3], { dtype: "int32" });
    expect(i.exp().dtype).toBe("float32");
    expect(i.sigmoid().dtype).toBe("float32");
    expect(i.neg().dtype).toBe("int32");
    expect(i.square().toArray()).toEqual([4, 0, 9]);
    expect(i.relu().toArray()).toEqual([0, 0, 3]);
  });

  it("edge values: sigmoid does not overflow, relu/sign keep NaN, log(0) = -Infinity", () => {
    const t = Tensor.from([-1000, 1000, NaN, 0], { dtype: "float64" });
    expect(t.sigmoid().toArray()).toEqual([0, 1, NaN, 0.5]);
    expect(t.relu().toArray()).toEqual([0, 1000, NaN, 0]);
    expect(t.sign().toArray()).toEqual([-1, 1, NaN, 0]);
    expect(Tensor.from([0]).log().item()).toBe(-Infinity);
  });

  it("clamp with one or both bounds; lo > hi gives hi as in PyTorch", () => {
    const t = Tensor.from([-2, -0.5, 0.5, 2], { dtype: "float64" });
    expect(t.clamp(-1, 1).toArray()).toEqual([-1, -0.5, 0.5, 1]);
    expect(t.clamp(0).toArray()).toEqual([0, 0, 0.5, 2]);
    expect(t.clamp(null, 0).toArray()).toEqual([-2, -0.5, 0, 0]);
    expect(t.clamp(1, -1).toArray()).toEqual([-1, -1, -1, -1]);
    expect(() => t.clamp(NaN)).toThrow(InvalidArgumentError);
  });
});

describe("binary ops with broadcasting", () => {
  const cases: [number[], number[]][] = [
    [[3, 4], [3, 4]],
    [[3, 4], [4]],
    [[3, 1], [1, 4]],
    [[2, 1, 4], [3, 1]],
    [[], [2, 3]],
    [[0, 3], [1, 3]],
    [[2, 0], [2, 1]],
  ];
  for (const [name, op, ref] of binaryRefs) {
    it(`${name} matches the element-wise reference on broadcast shapes`, () => {
      for (const [sa, sb] of cases) {
        const a = randomTensor(sa, 11);
        const b = name === "div" ? randomTensor(sb, 12).abs().add(0.5) : randomTensor(sb, 12);
        // make some elements equal so comparisons see ties
        const bb = name.length === 2 && sa.length === sb.length && sa.every((d, i) => d === sb[i]) ? where(randomTensor(sb, 5).gt(0), a, b) : b;
        const out = op(a, bb);
        const shape = broadcastShapes(sa, sb);
        expect(out.shape).toEqual(shape);
        const expected = indices(shape).map((i) => ref(name === "pow" ? Math.abs(broadcastAt(a, i)) : broadcastAt(a, i), broadcastAt(bb, i)));
        expectClose(values(out), expected, 1e-14, 1e-15);
      }
    });
  }

  it("number operands broadcast like 0-d tensors, rounded to the tensor's float dtype", () => {
    const f = Tensor.from([1, 2, 3]);
    expect(f.mul(0.1).toArray()).toEqual([1, 2, 3].map((v) => Math.fround(v * Math.fround(0.1))));
    const d = Tensor.from([1, 2, 3], { dtype: "float64" });
    expect(d.mul(0.1).toArray()).toEqual([0.1, 0.2, 0.30000000000000004]);
    expect(d.sub(1).toArray()).toEqual([0, 1, 2]);
    expect(d.pow(2).toArray()).toEqual([1, 4, 9]);
    expect(d.lt(2).toArray()).toEqual([1, 0, 0]);
  });

  it("dtype promotion: f32⊕f64 → f64, int⊕float → float, int⊕int → int, int/int → float32", () => {
    const f32 = Tensor.from([1]);
    const f64 = Tensor.from([1], { dtype: "float64" });
    const i32 = Tensor.from([3], { dtype: "int32" });
    expect(f32.add(f64).dtype).toBe("float64");
    expect(i32.add(f32).dtype).toBe("float32");
    expect(i32.add(f64).dtype).toBe("float64");
    expect(i32.add(i32).dtype).toBe("int32");
    expect(i32.add(1).dtype).toBe("int32");
    expect(i32.add(0.5).dtype).toBe("float32");
    expect(i32.div(Tensor.from([2], { dtype: "int32" })).toArray()).toEqual([1.5]);
    expect(i32.lt(4).dtype).toBe("float32");
    expect(f64.eq(1).dtype).toBe("float64");
  });

  it("maximum/minimum propagate NaN", () => {
    const a = Tensor.from([NaN, 1, 2], { dtype: "float64" });
    const b = Tensor.from([0, NaN, 1], { dtype: "float64" });
    expect(a.maximum(b).toArray()).toEqual([NaN, NaN, 2]);
    expect(a.minimum(b).toArray()).toEqual([NaN, NaN, 1]);
  });

  it("works on strided, reversed and offset operands", () => {
    const base = randomTensor([4, 6], 3);
    const a = base.slice([1, 4], [5, 0, -2]); // shape [3, 3], negative column stride, offset
    const b = randomTensor([3, 3], 4).transpose();
    expectClose(values(a.mul(b)), indices([3, 3]).map((i) => broadcastAt(a, i) * broadcastAt(b, i)));
  });

  it("a shape mismatch names both shapes and the op", () => {
    const a = Tensor.zeros([2, 3]);
    const b = Tensor.zeros([4]);
    expect(() => a.add(b)).toThrow(ShapeError);
    expect(() => a.add(b)).toThrow(/add.*\[2, 3\].*\[4\]/);
    expect(() => a.ge(Tensor.zeros([3, 3]))).toThrow(/ge/);
    expect(() => a.add("1" as never)).toThrow(InvalidArgumentError);
  });

  it("never mutates its operands", () => {
    const a = randomTensor([2, 3], 1);
    const b = randomTensor([3], 2);
    const [va, vb] = [values(a), values(b)];
    for (const [, op] of binaryRefs) op(a, b);
    expect(values(a)).toEqual(va);
    expect(values(b)).toEqual(vb);
  });

  it("property: broadcasting agrees with explicit expansion then same-shape op", () => {
    const dims = fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 });
    fc.assert(
      fc.property(dims, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 2 }), (shape, ones, drop) => {
        const other = shape.map((d, i) => (ones[i] ? 1 : d)).slice(Math.min(drop, shape.length));
        const a = randomTensor(shape, 1);
        const b = randomTensor(other, 2);
        const expanded = b.expand(shape).contiguous();
        expect(values(a.sub(b))).toEqual(values(a.sub(expanded)));
        expect(broadcastShapes(shape, other)).toEqual(shape);
        expect(broadcastShapes(other, shape)).toEqual(shape);
      }),
    );
  });
});

describe("broadcastShapes and where", () => {
  it("broadcastShapes follows NumPy and names the shapes on failure", () => {
    expect(broadcastShapes([2, 1], [3], [1, 1, 1])).toEqual([1, 2, 3]);
    expect(broadcastShapes([0], [1])).toEqual([0]);
    expect(broadcastShapes()).toEqual([]);
    expect(() => broadcastShapes([2], [3])).toThrow(ShapeError);
    expect(() => broadcastShapes([2], [3])).toThrow(/\[2\].*\[3\]/);
    expect(() => broadcastShapes([-1])).toThrow(InvalidArgumentError);
  });

  it("where picks from a where the condition is non-zero, broadcasting all three", () => {
    const c = Tensor.from([[1], [0]]);
    const a = Tensor.from([1, 2, 3], { dtype: "float64" });
    expect(where(c, a, -1).toArray()).toEqual([[1, 2, 3], [-1, -1, -1]]);
    expect(where(c, 5, a).toArray()).toEqual([[5, 5, 5], [1, 2, 3]]);
    expect(where(Tensor.from([NaN, 0]), 1, 2).toArray()).toEqual([1, 2]);
    expect(() => where(Tensor.zeros([2]), Tensor.zeros([3]), 0)).toThrow(/where/);
  });
});

describe("reluBackward", () => {
  it("passes grad where the output is positive or NaN and gives +0 where it is ≤ 0, whatever grad is there", () => {
    const grad = Tensor.from([1, 2, Infinity, Number.NaN, -3, 5, -Infinity], { dtype: "float64" });
    const output = Tensor.from([0.5, 0, 0, 0, -0, Number.NaN, 2], { dtype: "float64" });
    const got = Array.from(reluBackward(grad, output).data);
    const want = [1, 0, 0, 0, 0, 5, -Infinity];
    got.forEach((v, i) => {
      expect(Object.is(v, want[i]), `element ${i}: ${v}`).toBe(true);
    });
  });

  it("broadcasts, promotes, and names a bad argument", () => {
    const grad = randomTensor([3, 2000], 1, "float32");
    const output = randomTensor([2000], 2, "float32");
    const got = reluBackward(grad, output);
    expect(got.shape).toEqual([3, 2000]);
    expect(got.dtype).toBe("float32");
    for (const [i, j] of [[0, 0], [1, 17], [2, 1999]]) {
      const o = output.data[j];
      expect(got.data[i * 2000 + j]).toBe(o <= 0 ? 0 : grad.data[i * 2000 + j]);
    }
    expect(reluBackward(Tensor.from([1, 2], { dtype: "float32" }), Tensor.from([1, 1], { dtype: "float64" })).dtype).toBe("float64");
    expect(() => reluBackward(grad, randomTensor([3], 1))).toThrow(ShapeError);
    expect(() => reluBackward([1] as unknown as Tensor, output)).toThrow(/reluBackward.*grad/);
  });
});

