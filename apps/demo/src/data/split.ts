import type { Generator } from "@descent/tensor";
import type { Dataset, Splits } from "./dataset";
import { subset } from "./dataset";

export interface SplitOptions {
  /** Fractions of the rows held out for validation and test; the rest trains. */
  validation: number;
  test: number;
  generator: Generator;
}

/**
 * A seeded random partition into train, validation and test. Each class is split on its own
 * (stratified), so a small test set still holds every class in its proportion; the rows of each
 * part are then shuffled together.
 */
export function splitDataset(data: Dataset, options: SplitOptions): Splits {
  const { validation, test, generator } = options;
  if (!(validation >= 0 && test > 0 && validation + test < 1)) {
    throw new Error(`splitDataset: validation ${validation} and test ${test} must be fractions with a non-empty training part`);
  }
  const parts: [number[], number[], number[]] = [[], [], []];
  const order = generator.permutation(data.size);
  for (let c = 0; c < data.classes; c++) {
    const rows = Array.from(order).filter((row) => data.labels[row] === c);
    const nTest = Math.round(rows.length * test);
    const nValidation = Math.round(rows.length * validation);
    parts[2].push(...rows.slice(0, nTest));
    parts[1].push(...rows.slice(nTest, nTest + nValidation));
    parts[0].push(...rows.slice(nTest + nValidation));
  }
  const shuffled = parts.map((rows) => Array.from(generator.permutation(rows.length), (i) => rows[i]));
  return { train: subset(data, shuffled[0]), validation: subset(data, shuffled[1]), test: subset(data, shuffled[2]) };
}
