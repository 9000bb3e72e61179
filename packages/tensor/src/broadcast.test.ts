import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sumToShape } from "./broadcast";
import { ShapeError } from "./errors";
import { Tensor } from "./tensor";
import { expectClose, randomTensor, values } from "./testing/reference";

describe("sumToShape", () => {
  it("sums the broadcast dimensions away", () => {
    const g = Tensor.from([[1, 2, 3], [4, 5, 6]], { dtype: "float64" });
    expect(sumToShape(g, [3]).toArray()).toEqual([5, 7, 9]);
    expect(sumToShape(g, [2, 1]).toArray()).toEqual([[6], [15]]);
    expect(sumToShape(g, [1, 1]).toArray()).toEqual([[21]]);
    expect(sumToShape(g, []).toArray()).toBe(21);
    expect(sumToShape(g, [2, 3])).toBe(g);
  });

  it("rejects a shape that does not broadcast to the tensor's", () => {
    expect(() => sumToShape(Tensor.zeros([2, 3]), [2])).toThrow(ShapeError);
    expect(() => sumToShape(Tensor.zeros([2, 3]), [1, 2, 3, 4].slice(0, 3))).toThrow(/sumToShape/);
  });

  it("property: ⟨expand(x), y⟩ = ⟨x, sumToShape(y)⟩ (it is the adjoint of broadcasting)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 2 }), (shape, ones, drop) => {
        const small = shape.map((d, i) => (ones[i] ? 1 : d)).slice(Math.min(drop, shape.length));
        const x = randomTensor(small, 1);
        const y = randomTensor(shape, 2);
        const s = sumToShape(y, small);
        expect(s.shape).toEqual(small);
        expectClose([x.broadcastTo(shape).mul(y).sum().item()], [x.mul(s).sum().item()], 1e-12, 1e-12);
        expect(values(sumToShape(x.broadcastTo(shape).contiguous(), small)).length).toBe(x.size);
      }),
    );
  });
});
