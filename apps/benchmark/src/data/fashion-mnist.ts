import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Dataset } from "./dataset";

/** Where Debian's dataset-fashion-mnist package puts the four IDX files. */
export const FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

const FILES = {
  trainImages: "train-images-idx3-ubyte",
  trainLabels: "train-labels-idx1-ubyte",
  testImages: "t10k-images-idx3-ubyte",
  testLabels: "t10k-labels-idx1-ubyte",
} as const;

/** The file for `stem` in `dir`, gzipped or not; null when neither exists. */
function find(dir: string, stem: string): string | null {
  for (const name of [`${stem}.gz`, stem]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * Reads an IDX file (big-endian header: magic 0x0000 08 nd, nd dimension sizes, then unsigned
 * bytes), gzipped or not. Returns the dimensions and the bytes.
 */
export function readIdx(file: string): { dims: number[]; bytes: Uint8Array } {
  let buffer = readFileSync(file);
  if (buffer[0] === 0x1f && buffer[1] === 0x8b) buffer = gunzipSync(buffer);
  const magic = buffer.readUInt32BE(0);
  if (magic >> 8 !== 0x08) throw new Error(`${file}: not an unsigned-byte IDX file (magic 0x${magic.toString(16)})`);
  const nd = magic & 0xff;
  const dims = Array.from({ length: nd }, (_, i) => buffer.readUInt32BE(4 + 4 * i));
  const start = 4 + 4 * nd;
  const count = dims.reduce((a, b) => a * b, 1);
  if (buffer.length < start + count) throw new Error(`${file}: ${buffer.length - start} data bytes, expected ${count}`);
  return { dims, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset + start, count) };
}

/** Fashion-MNIST (60 000 train and 10 000 test 28×28 images, pixels scaled to [0, 1]), or why it cannot be read. */
export function fashionMnist(dir = FASHION_MNIST_DIR): Dataset | string {
  if (!existsSync(dir)) return `${dir} not found (apt-get install dataset-fashion-mnist)`;
  const files = Object.fromEntries(Object.entries(FILES).map(([k, stem]) => [k, find(dir, stem)])) as Record<keyof typeof FILES, string | null>;
  const missing = Object.entries(files).filter(([, f]) => f === null).map(([k]) => FILES[k as keyof typeof FILES]);
  if (missing.length > 0) return `${dir} lacks ${missing.join(", ")}`;
  const images = (file: string): Float32Array => Float32Array.from(readIdx(file).bytes, (b) => b / 255);
  const labels = (file: string): Int32Array => Int32Array.from(readIdx(file).bytes);
  return {
    name: "fashion",
    features: 784,
    classes: 10,
    xTrain: images(files.trainImages!),
    yTrain: labels(files.trainLabels!),
    xTest: images(files.testImages!),
    yTest: labels(files.testLabels!),
    python: { kind: "idx", ...files },
  };
}
