import { existsSync } from "node:fs";
import { join } from "node:path";
import { BadInputError } from "../errors";
import type { Dataset } from "./dataset";
import { makeDataset } from "./dataset";
import { readIdxFile } from "./idx";

/** Where Debian's `dataset-fashion-mnist` package puts the four IDX files. */
export const fashionMnistSystemDir = "/usr/share/datasets/fashion-mnist";

export const fashionMnistClasses = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

const installFix = `install it with \`apt-get install dataset-fashion-mnist\` (files in ${fashionMnistSystemDir}) or pass --data DIR with the four *-ubyte.gz files`;

export function hasFashionMnist(dir = fashionMnistSystemDir): boolean {
  return existsSync(join(dir, "train-images-idx3-ubyte.gz"));
}

/** Fashion-MNIST's official parts: 60 000 training and 10 000 test images of 28×28, pixels scaled to [0, 1]. */
export function loadFashionMnist(dir = fashionMnistSystemDir): { train: Dataset; test: Dataset } {
  if (!existsSync(dir)) throw new BadInputError(`Fashion-MNIST folder ${dir} does not exist`, installFix);
  return { train: loadPart(dir, "train"), test: loadPart(dir, "t10k") };
}

function loadPart(dir: string, prefix: string): Dataset {
  const imagesPath = join(dir, `${prefix}-images-idx3-ubyte.gz`);
  const labelsPath = join(dir, `${prefix}-labels-idx1-ubyte.gz`);
  const images = readIdxFile(imagesPath, installFix);
  const labels = readIdxFile(labelsPath, installFix);
  if (images.shape.length !== 3 || labels.shape.length !== 1 || images.shape[0] !== labels.shape[0]) {
    throw new BadInputError(
      `Fashion-MNIST files disagree: images [${images.shape.join(", ")}] in ${imagesPath}, labels [${labels.shape.join(", ")}] in ${labelsPath}`,
      installFix,
    );
  }
  const features = images.shape[1] * images.shape[2];
  const inputs = new Float32Array(images.values.length);
  for (let i = 0; i < inputs.length; i++) inputs[i] = images.values[i] / 255;
  const classes = Int32Array.from(labels.values);
  if (classes.some((c) => c > 9)) throw new BadInputError(`data file ${labelsPath} holds labels above 9`, installFix);
  return makeDataset("fashion-mnist", inputs, classes, features, 10);
}
