import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fashionMnist, readIdx } from "./fashion-mnist";

/** An IDX file as the format defines it: magic 0x00000800 | nd, nd big-endian sizes, the bytes. */
function idx(dims: number[], bytes: number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(0x800 | dims.length, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(bytes)]);
}

describe("IDX files", () => {
  it("reads dimensions and bytes, gzipped or not", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "idx-"));
    writeFileSync(path.join(dir, "a"), idx([2, 3], [1, 2, 3, 4, 5, 6]));
    writeFileSync(path.join(dir, "b.gz"), gzipSync(idx([4], [9, 8, 7, 6])));
    const a = readIdx(path.join(dir, "a"));
    expect(a.dims).toEqual([2, 3]);
    expect(Array.from(a.bytes)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(readIdx(path.join(dir, "b.gz")).bytes)).toEqual([9, 8, 7, 6]);
  });

  it("loads a Fashion-MNIST-shaped folder, and says why when files are missing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fashion-"));
    expect(fashionMnist(dir)).toMatch(/lacks train-images-idx3-ubyte/);
    const image = (count: number): Buffer => gzipSync(idx([count, 28, 28], new Array<number>(count * 784).fill(255)));
    writeFileSync(path.join(dir, "train-images-idx3-ubyte.gz"), image(2));
    writeFileSync(path.join(dir, "train-labels-idx1-ubyte.gz"), gzipSync(idx([2], [3, 7])));
    writeFileSync(path.join(dir, "t10k-images-idx3-ubyte.gz"), image(1));
    writeFileSync(path.join(dir, "t10k-labels-idx1-ubyte.gz"), gzipSync(idx([1], [9])));
    const data = fashionMnist(dir);
    if (typeof data === "string") throw new Error(data);
    expect(data.xTrain.length).toBe(2 * 784);
    expect(data.xTrain[0]).toBe(1); // 255 / 255
    expect(Array.from(data.yTrain)).toEqual([3, 7]);
    expect(Array.from(data.yTest)).toEqual([9]);
    expect(fashionMnist(path.join(dir, "absent"))).toMatch(/not found/);
  });
});
