import { join } from "node:path";
import { BadInputError } from "../errors";
import { readDataFile } from "./read-file";
import { restoreShippedData, shippedDataDir } from "./shipped";

/** Wisconsin diagnostic breast cancer: 569 tumours, 30 features, label 1 = benign, 0 = malignant. */
export interface BinaryDataset {
  readonly inputs: Float64Array;
  readonly labels: Float64Array;
  readonly size: number;
  readonly features: number;
}

export function loadBreastCancer(path = join(shippedDataDir, "breast_cancer.csv")): BinaryDataset {
  const lines = readDataFile(path, restoreShippedData)
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  // scikit-learn's layout: a first line "569,30,malignant,benign" (rows, features, class names).
  const [rowsText, featuresText] = (lines[0] ?? "").split(",");
  const rows = Number(rowsText);
  const features = Number(featuresText);
  const corrupt = (why: string): BadInputError => new BadInputError(`data file ${path} is corrupt: ${why}`, restoreShippedData);
  if (!Number.isInteger(rows) || !Number.isInteger(features) || rows < 1 || features < 1) throw corrupt("the first line is not `rows,features,...`");
  if (lines.length - 1 !== rows) throw corrupt(`the header announces ${rows} rows, the file has ${lines.length - 1}`);
  const inputs = new Float64Array(rows * features);
  const labels = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const values = lines[i + 1].split(",").map(Number);
    const label = values[features];
    if (values.length !== features + 1 || values.some((v) => !Number.isFinite(v)) || (label !== 0 && label !== 1)) {
      throw corrupt(`line ${i + 2} is not ${features} numbers and a 0/1 label`);
    }
    inputs.set(values.slice(0, features), i * features);
    labels[i] = label;
  }
  return { inputs, labels, size: rows, features };
}

/** The rows at `indices`. */
export function binarySubset(data: BinaryDataset, indices: ArrayLike<number>): BinaryDataset {
  const { features } = data;
  const inputs = new Float64Array(indices.length * features);
  const labels = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    inputs.set(data.inputs.subarray(indices[i] * features, (indices[i] + 1) * features), i * features);
    labels[i] = data.labels[indices[i]];
  }
  return { inputs, labels, size: indices.length, features };
}

/** Per-feature mean and standard deviation of `fitOn`, applied to `data` (mean 0 and variance 1 on `fitOn`). */
export function standardizeColumns(data: BinaryDataset, fitOn: BinaryDataset = data): BinaryDataset {
  const { features } = data;
  const inputs = new Float64Array(data.inputs);
  for (let j = 0; j < features; j++) {
    let mean = 0;
    for (let i = 0; i < fitOn.size; i++) mean += fitOn.inputs[i * features + j];
    mean /= fitOn.size;
    let variance = 0;
    for (let i = 0; i < fitOn.size; i++) variance += (fitOn.inputs[i * features + j] - mean) ** 2;
    const std = Math.sqrt(variance / fitOn.size) || 1;
    for (let i = 0; i < data.size; i++) inputs[i * features + j] = (inputs[i * features + j] - mean) / std;
  }
  return { ...data, inputs };
}
