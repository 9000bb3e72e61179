// End to end: a 2-layer MLP trained by hand-written minibatch gradient descent on the UCI
// digits (1797 8×8 images, 10 classes) must classify a held-out 20 % with ≥ 95 % accuracy.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { Generator, Tensor } from "@descent/tensor";
import { describe, expect, it } from "vitest";
import { noGrad } from "./grad-mode";
import { ReLU } from "./nn/activations";
import { Linear } from "./nn/linear";
import { crossEntropy } from "./nn/losses";
import { Sequential } from "./nn/sequential";

interface Digits {
  features: Float32Array; // row-major (n, 64), scaled to [0, 1]
  labels: Int32Array;
  n: number;
}

function loadDigits(): Digits {
  const text = gunzipSync(readFileSync(new URL("../test-data/digits.csv.gz", import.meta.url))).toString("utf8");
  const rows = text.trim().split("\n");
  const features = new Float32Array(rows.length * 64);
  const labels = new Int32Array(rows.length);
  rows.forEach((line, i) => {
    const cells = line.split(",").map(Number);
    for (let j = 0; j < 64; j++) features[i * 64 + j] = cells[j] / 16;
    labels[i] = cells[64];
  });
  return { features, labels, n: rows.length };
}

/** The rows `indices` of the data set as an (m, 64) float32 tensor and an (m) int32 label tensor. */
function batchOf(data: Digits, indices: ArrayLike<number>): [Tensor, Tensor] {
  const m = indices.length;
  const x = new Float32Array(m * 64);
  const y = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const i = indices[r];
    x.set(data.features.subarray(i * 64, i * 64 + 64), r * 64);
    y[r] = data.labels[i];
  }
  return [new Tensor(x, [m, 64]), new Tensor(y, [m])];
}

describe("a 2-layer MLP on the digits data", () => {
  it("reaches ≥ 95 % held-out accuracy with plain minibatch gradient descent", () => {
    const started = performance.now();
    const data = loadDigits();
    expect(data.n).toBe(1797);
    const generator = new Generator(0);
    const order = generator.permutation(data.n);
    const trainCount = Math.round(data.n * 0.8);
    const train = order.subarray(0, trainCount);
    const test = order.subarray(trainCount);

    const model = new Sequential(new Linear(64, 64, { generator }), new ReLU(), new Linear(64, 10, { generator }));
    const learningRate = 0.1;
    const batchSize = 32;
    for (let epoch = 0; epoch < 30; epoch++) {
      const shuffled = generator.permutation(train.length);
      for (let start = 0; start < train.length; start += batchSize) {
        const rows = Array.from(shuffled.subarray(start, start + batchSize), (k) => train[k]);
        const [x, y] = batchOf(data, rows);
        model.zeroGrad();
        crossEntropy(model.forward(x), y).backward();
        noGrad(() => {
          for (const p of model.parameters()) p.data.addInPlace(p.grad!, -learningRate);
        });
      }
    }

    const [xTest, yTest] = batchOf(data, test);
    const predicted = noGrad(() => model.forward(xTest)).data.argmax(1).toFlatArray();
    const truth = yTest.toFlatArray();
    let correct = 0;
    for (let i = 0; i < test.length; i++) if (predicted[i] === truth[i]) correct++;
    const accuracy = correct / test.length;
    const seconds = (performance.now() - started) / 1000;
    console.log(`digits MLP: held-out accuracy ${(100 * accuracy).toFixed(2)} % (${correct}/${test.length}) in ${seconds.toFixed(2)} s`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    expect(seconds).toBeLessThan(30);
  });
});
