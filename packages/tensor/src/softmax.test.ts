import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors";
import { Tensor } from "./tensor";
import { at, expectClose, indices, randomTensor, values } from "./testing/reference";

/** softmax along `axis` by the textbook formula e^x / Σ e^x (fine for the small values used). */
function softmaxRef(t: Tensor, axis: number): number[] {
  return indices(t.shape).map((idx) => {
    let total = 0;
    for (let j = 0; j < t.shape[axis]; j++) total += Math.exp(at(t, idx.map((v, d) => (d === axis ? j : v))));
    return Math.exp(at(t, idx)) / total;
  });
}

describe("softmax / logSoftmax", () => {
  const t = randomTensor([3, 4, 5], 2);

  it("match e^x / Σ e^x along every axis, including through a transposed view", () => {
    for (const axis of [0, 1, 2, -1]) {
      const a = axis < 0 ? axis + 3 : axis;
      expectClose(values(t.softmax(axis)), softmaxRef(t, a), 1e-14, 1e-16);
      expectClose(values(t.logSoftmax(axis)), softmaxRef(t, a).map(Math.log), 1e-13, 1e-14);
    }
    const v = t.transpose(0, 2);
    expectClose(values(v.softmax(1)), softmaxRef(v, 1), 1e-14, 1e-16);
  });

  it("rows sum to 1", () => {
    const s = t.softmax(1).sum(1);
    expectClose(values(s), new Array<number>(15).fill(1), 1e-14, 0);
  });

  it("is stable for huge inputs: softmax([1000, 1000 + ln 3]) = [1/4, 3/4]", () => {
    const x = Tensor.from([1000, 1000 + Math.log(3)], { dtype: "float64" });
    expectClose(values(x.softmax(0)), [0.25, 0.75], 1e-12);
    expectClose(values(x.logSoftmax(0)), [Math.log(0.25), Math.log(0.75)], 1e-12);
    expect(values(Tensor.from([-1e4, 0], { dtype: "float64" }).logSoftmax(0))).toEqual([-1e4, 0]);
  });

  it("float32 in, float32 out; int32 in, float32 out; bad axis rejected", () => {
    expect(randomTensor([2, 2], 1, "float32").softmax(0).dtype).toBe("float32");
    expect(Tensor.from([1, 2], { dtype: "int32" }).softmax(0).dtype).toBe("float32");
    expect(() => t.softmax(3)).toThrow(InvalidArgumentError);
  });
});
