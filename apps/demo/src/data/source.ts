import { existsSync, statSync } from "node:fs";
import { Generator } from "@descent/tensor";
import { BadInputError } from "../errors";
import type { Splits } from "./dataset";
import { subset } from "./dataset";
import { loadDigits } from "./digits";
import { fashionMnistSystemDir, loadFashionMnist } from "./fashion-mnist";
import { splitDataset } from "./split";
import { standardizeSplits } from "./standardize";

/** Which image set the classification experiments train on. */
export type DataChoice = { readonly kind: "digits" } | { readonly kind: "idx"; readonly dir: string; readonly label: string };

/** `--data`: "digits" (shipped, default), "fashion-mnist" (the system copy) or a folder of IDX files. */
export function parseDataChoice(value: string): DataChoice {
  if (value === "digits") return { kind: "digits" };
  if (value === "fashion-mnist") return { kind: "idx", dir: fashionMnistSystemDir, label: "fashion-mnist" };
  if (existsSync(value) && statSync(value).isDirectory()) return { kind: "idx", dir: value, label: value };
  throw new BadInputError(
    `--data ${value} is neither a data set name nor a folder`,
    "use --data digits, --data fashion-mnist, or --data DIR for a folder holding train-images-idx3-ubyte.gz and the three other IDX files",
  );
}

export function dataLabel(choice: DataChoice): string {
  return choice.kind === "digits" ? "digits" : choice.label;
}

/**
 * Loads, splits and standardizes. Digits: a stratified 60/20/20 split drawn from `seed`.
 * IDX sets (Fashion-MNIST): the official test set, and 5 000 training images held out for
 * validation. Standardization is fitted on the training part only.
 */
export function loadSplits(choice: DataChoice, seed: number): Splits {
  const generator = new Generator(seed);
  if (choice.kind === "digits") return standardizeSplits(splitDataset(loadDigits(), { validation: 0.2, test: 0.2, generator }));
  const { train, test } = loadFashionMnist(choice.dir);
  const order = generator.permutation(train.size);
  const held = Math.min(5000, Math.floor(train.size / 10));
  return standardizeSplits({ train: subset(train, order.subarray(held)), validation: subset(train, order.subarray(0, held)), test });
}
