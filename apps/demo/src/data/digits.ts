import { join } from "node:path";
import { BadInputError } from "../errors";
import type { Dataset } from "./dataset";
import { makeDataset } from "./dataset";
import { readGzipFile } from "./read-file";
import { restoreShippedData, shippedDataDir } from "./shipped";

const PIXELS = 64;

/**
 * UCI optical digits (1797 images of 8×8 pixels with values 0–16): the CSV holds 64 pixel
 * columns and the label. Pixels are returned as they are (0–16); standardization comes later,
 * fitted on the training rows.
 */
export function loadDigits(path = join(shippedDataDir, "digits.csv.gz")): Dataset {
  const text = readGzipFile(path, restoreShippedData).toString("utf8");
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const inputs = new Float32Array(lines.length * PIXELS);
  const labels = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    const cells = line.split(",");
    const values = cells.map(Number);
    const label = values[PIXELS];
    const bad = cells.length !== PIXELS + 1 || values.some((v) => !Number.isFinite(v)) || !Number.isInteger(label) || label < 0 || label > 9;
    if (bad) throw new BadInputError(`data file ${path} is corrupt: line ${i + 1} is not 64 pixel values and a label 0-9`, restoreShippedData);
    for (let j = 0; j < PIXELS; j++) inputs[i * PIXELS + j] = values[j];
    labels[i] = label;
  });
  if (lines.length < 100) throw new BadInputError(`data file ${path} is corrupt: only ${lines.length} rows`, restoreShippedData);
  return makeDataset("digits", inputs, labels, PIXELS, 10);
}
