import { describe, expect, it } from "vitest";
import { sameBits } from "./test-support";
import { decodeArray, encodeArray } from "./typed-array-codec";

describe("typed-array codec", () => {
  it("writes little-endian IEEE 754 bytes in standard base64", () => {
    // 1.0 as float64 is 0x3FF0000000000000 → bytes 00 00 00 00 00 00 F0 3F → "AAAAAAAA8D8="
    expect(encodeArray(new Float64Array([1]))).toEqual({ dtype: "float64", length: 1, base64: "AAAAAAAA8D8=" });
    // 1.0 as float32 is 0x3F800000 → bytes 00 00 80 3F → "AACAPw=="
    expect(encodeArray(new Float32Array([1]))).toEqual({ dtype: "float32", length: 1, base64: "AACAPw==" });
    expect(encodeArray(new Float64Array(0)).base64).toBe("");
  });

  it("round-trips every bit, including −0, subnormals and extremes, for every padding length", () => {
    const values = [-0, 5e-324, -Number.MAX_VALUE, Math.PI, 1 / 3, 0.1, -2.5e-300];
    for (let n = 0; n <= values.length; n++) {
      const a = Float64Array.from(values.slice(0, n));
      expect(sameBits(decodeArray("t", "x", encodeArray(a), n, a), a)).toBe(true);
      const b = Float32Array.from(values.slice(0, n).map((v) => (Number.isFinite(Math.fround(v)) ? v : 1)));
      expect(sameBits(decodeArray("t", "x", encodeArray(b), n, b), b)).toBe(true);
    }
  });

  it("converts to the dtype of the target and accepts typed arrays as they are", () => {
    const like = new Float32Array(1);
    expect(decodeArray("t", "x", encodeArray(new Float64Array([0.1])), 1, like)).toEqual(new Float32Array([0.1]));
    expect(decodeArray("t", "x", new Float64Array([2]), 1, new Float64Array(1))).toEqual(new Float64Array([2]));
  });

  it("rejects malformed encodings naming what is wrong", () => {
    const like = new Float64Array(1);
    const good = encodeArray(new Float64Array([1]));
    expect(() => decodeArray("f", "x", { ...good, dtype: "int32" }, 1, like)).toThrow('f: x.dtype is "int32", expected "float32" or "float64"');
    expect(() => decodeArray("f", "x", good, 2, like)).toThrow("f: x.length is 1, expected 2");
    expect(() => decodeArray("f", "x", { ...good, base64: "AAAAAAAA8D8" }, 1, like)).toThrow("f: x.base64");
    expect(() => decodeArray("f", "x", { ...good, base64: "AAAAAAAA8D==" }, 1, like)).toThrow("expected standard padded base64 of 8 bytes");
    expect(() => decodeArray("f", "x", encodeArray(new Float64Array([Infinity])), 1, like)).toThrow("f: x[0] is Infinity, expected a finite number");
    expect(() => decodeArray("f", "x", [1], 1, like)).toThrow("f: x.dtype is undefined");
    expect(() => decodeArray("f", "x", "AAAA", 1, like)).toThrow('f: x is "AAAA", expected an encoded array');
  });
});
