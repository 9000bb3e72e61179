import { invalidArgument } from "@descent/tensor";
import type { FloatArray } from "./param";

/**
 * A typed array as JSON: its bytes (little-endian IEEE 754) in base64 with a dtype tag.
 * Lossless, unlike decimal strings, and a third of the size of the bytes' hex.
 */
export interface EncodedArray {
  dtype: "float32" | "float64";
  length: number;
  base64: string;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 3 * 8192) {
    let chunk = "";
    const end = Math.min(bytes.length, start + 3 * 8192);
    for (let i = start; i < end; i += 3) {
      const n = (bytes[i] << 16) | ((i + 1 < end ? bytes[i + 1] : 0) << 8) | (i + 2 < end ? bytes[i + 2] : 0);
      chunk += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
      chunk += i + 1 < end ? ALPHABET[(n >> 6) & 63] : "=";
      chunk += i + 2 < end ? ALPHABET[n & 63] : "=";
    }
    parts.push(chunk);
  }
  return parts.join("");
}

/** The bytes of standard padded base64 `text`, or null when it is not exactly `byteLength` bytes of it. */
function fromBase64(text: string, byteLength: number): Uint8Array | null {
  if (text.length !== 4 * Math.ceil(byteLength / 3)) return null;
  const padding = (3 - (byteLength % 3)) % 3;
  const bytes = new Uint8Array(byteLength);
  let j = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const index = i + k;
      const c = text.charCodeAt(index);
      const isPadding = index >= text.length - padding;
      const sextet = isPadding ? (c === 61 ? 0 : -1) : c < 128 ? SEXTET[c] : -1;
      if (sextet < 0) return null;
      n = (n << 6) | sextet;
    }
    bytes[j++] = (n >> 16) & 255;
    if (j < byteLength) bytes[j++] = (n >> 8) & 255;
    if (j < byteLength) bytes[j++] = n & 255;
  }
  return bytes;
}

/** Encodes a copy of `array` for JSON. */
export function encodeArray(array: FloatArray): EncodedArray {
  const width = array.BYTES_PER_ELEMENT;
  const bytes = new Uint8Array(array.length * width);
  const view = new DataView(bytes.buffer);
  // DataView fixes the byte order (little-endian) whatever the platform's.
  if (width === 8) for (let i = 0; i < array.length; i++) view.setFloat64(8 * i, array[i], true);
  else for (let i = 0; i < array.length; i++) view.setFloat32(4 * i, array[i], true);
  return { dtype: width === 8 ? "float64" : "float32", length: array.length, base64: toBase64(bytes) };
}

/**
 * Decodes `value` (an `EncodedArray`, or a typed array as given in memory) into a new array of
 * `length` finite elements, of the same class as `like` (PyTorch casts loaded state to the
 * parameter's dtype). Throws naming `what` when the value is not such an array.
 */
export function decodeArray(fn: string, what: string, value: unknown, length: number, like: FloatArray): FloatArray {
  const out = like instanceof Float64Array ? new Float64Array(length) : new Float32Array(length);
  if (value instanceof Float64Array || value instanceof Float32Array) {
    if (value.length !== length) throw invalidArgument(fn, `${what}.length`, value.length, `${length}`);
    out.set(value);
  } else {
    if (typeof value !== "object" || value === null) throw invalidArgument(fn, what, value, "an encoded array { dtype, length, base64 }");
    const { dtype, length: n, base64 } = value as Partial<EncodedArray>;
    if (dtype !== "float32" && dtype !== "float64") throw invalidArgument(fn, `${what}.dtype`, dtype, '"float32" or "float64"');
    if (n !== length) throw invalidArgument(fn, `${what}.length`, n, `${length} (the parameter's number of elements)`);
    if (typeof base64 !== "string") throw invalidArgument(fn, `${what}.base64`, base64, "a base64 string");
    const width = dtype === "float64" ? 8 : 4;
    const bytes = fromBase64(base64, n * width);
    if (bytes === null) throw invalidArgument(fn, `${what}.base64`, `${base64.slice(0, 16)}… (${base64.length} characters)`, `standard padded base64 of ${n * width} bytes`);
    const view = new DataView(bytes.buffer);
    if (width === 8) for (let i = 0; i < n; i++) out[i] = view.getFloat64(8 * i, true);
    else for (let i = 0; i < n; i++) out[i] = view.getFloat32(4 * i, true);
  }
  for (let i = 0; i < length; i++) {
    if (!Number.isFinite(out[i])) throw invalidArgument(fn, `${what}[${i}]`, out[i], "a finite number");
  }
  return out;
}
