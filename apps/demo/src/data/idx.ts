import { BadInputError } from "../errors";
import { readGzipFile } from "./read-file";

/** An IDX array of unsigned bytes (LeCun's MNIST format): its dimensions and values. */
export interface IdxArray {
  readonly shape: number[];
  readonly values: Uint8Array;
}

/**
 * Reads a gzipped IDX file of unsigned bytes. The format: two zero bytes, a type byte (0x08 for
 * uint8), the number of dimensions, then each dimension as a big-endian uint32, then the values
 * in row-major order.
 */
export function readIdxFile(path: string, fix: string): IdxArray {
  return parseIdx(readGzipFile(path, fix), path, fix);
}

export function parseIdx(bytes: Uint8Array, path: string, fix: string): IdxArray {
  const corrupt = (why: string): BadInputError => new BadInputError(`data file ${path} is not an IDX file: ${why}`, fix);
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) throw corrupt("it does not start with the magic bytes 00 00");
  if (bytes[2] !== 0x08) throw corrupt(`element type 0x${bytes[2].toString(16)}, expected 0x08 (unsigned byte)`);
  const ndim = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = 4 + 4 * ndim;
  if (ndim === 0 || bytes.length < headerLength) throw corrupt("the header is truncated");
  const shape = Array.from({ length: ndim }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== headerLength + count) throw corrupt(`${bytes.length - headerLength} value bytes for shape [${shape.join(", ")}] (${count})`);
  return { shape, values: bytes.subarray(headerLength) };
}
