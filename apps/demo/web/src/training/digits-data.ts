import { Generator } from "@descent/tensor";

/** The UCI digits (8×8 images, pixels 0–16, labels 0–9), standardized with the training rows' statistics. */
export interface DigitsSplit {
  readonly trainInputs: Float32Array;
  readonly trainLabels: Int32Array;
  readonly validationInputs: Float32Array;
  readonly validationLabels: Int32Array;
}

export const PIXELS = 64;
export const CLASSES = 10;
const VALIDATION_ROWS = 297;

/** Rows of "64 pixel values,label" as one flat pixel array and a label array. */
export function parseDigits(text: string): { inputs: Float32Array; labels: Int32Array } {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const inputs = new Float32Array(lines.length * PIXELS);
  const labels = new Int32Array(lines.length);
  lines.forEach((line, row) => {
    const cells = line.split(",").map(Number);
    const label = cells[PIXELS];
    if (cells.length !== PIXELS + 1 || cells.some((v) => !Number.isFinite(v)) || !Number.isInteger(label) || label < 0 || label >= CLASSES) {
      throw new Error(`digits data: line ${row + 1} is not 64 pixel values and a label 0-9`);
    }
    inputs.set(cells.slice(0, PIXELS), row * PIXELS);
    labels[row] = label;
  });
  return { inputs, labels };
}

/**
 * A fixed split (seed 0, whatever the training seed): 297 validation rows, the rest for
 * training. Each pixel is standardized with the training rows' mean and standard deviation
 * (a constant pixel keeps std 1), so validation rows never inform the scaling.
 */
export function splitDigits(inputs: Float32Array, labels: Int32Array): DigitsSplit {
  const rows = labels.length;
  const order = new Generator(0).permutation(rows);
  const trainRows = rows - VALIDATION_ROWS;
  const take = (from: number, count: number): { x: Float32Array; y: Int32Array } => {
    const x = new Float32Array(count * PIXELS);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const row = order[from + i];
      x.set(inputs.subarray(row * PIXELS, (row + 1) * PIXELS), i * PIXELS);
      y[i] = labels[row];
    }
    return { x, y };
  };
  const train = take(0, trainRows);
  const validation = take(trainRows, VALIDATION_ROWS);
  for (let j = 0; j < PIXELS; j++) {
    let mean = 0;
    for (let i = 0; i < trainRows; i++) mean += train.x[i * PIXELS + j];
    mean /= trainRows;
    let variance = 0;
    for (let i = 0; i < trainRows; i++) variance += (train.x[i * PIXELS + j] - mean) ** 2;
    const std = Math.sqrt(variance / trainRows) || 1;
    for (const part of [train.x, validation.x]) for (let i = j; i < part.length; i += PIXELS) part[i] = (part[i] - mean) / std;
  }
  return { trainInputs: train.x, trainLabels: train.y, validationInputs: validation.x, validationLabels: validation.y };
}

/**
 * The digits CSV at `url` (same origin). The file is gzip; a server that labels it
 * `Content-Encoding: gzip` (Vite's dev server does) has the browser unpack it already, so the
 * bytes are unpacked here only when they still start with gzip's magic number 1f 8b.
 */
export async function fetchDigitsText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`digits data: ${url} answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
}
