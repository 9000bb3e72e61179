// End to end (issue #5): every optimizer trains the same seeded 64-64-10 ReLU MLP on the UCI
// digits and must classify the held-out 20 % with ≥ 95 % accuracy, with the hyperparameters the
// README's "Trained on real data" table states (PyTorch's defaults wherever they get there in a
// few epochs). Parameters go to the optimizers as autograd's own objects, with no copies: this
// also proves the optim/autograd interface. The whole file must stay well under 60 s.
import type { Parameter } from "@descent/autograd";
import { Linear, ReLU, Sequential, crossEntropy, noGrad } from "@descent/autograd";
import { Generator } from "@descent/tensor";
import { afterAll, describe, expect, it } from "vitest";
import { Adadelta } from "./adadelta";
import { Adagrad } from "./adagrad";
import { Adam } from "./adam";
import { Adamax } from "./adamax";
import { AdamW } from "./adamw";
import { ASGD } from "./asgd";
import { LBFGS } from "./lbfgs";
import { NAdam } from "./nadam";
import { RAdam } from "./radam";
import { RMSprop } from "./rmsprop";
import { Rprop } from "./rprop";
import { SGD } from "./sgd";
import { batchOf, loadDigits, splitDigits } from "./testing/digits";

/** What the training loop needs of an optimizer. */
interface Stepper {
  step(closure: () => number): number | undefined;
}

interface Recipe {
  name: string;
  make: (params: Parameter[]) => Stepper;
  /** Passes over the training rows; with a full batch, also the number of `step` calls. */
  epochs: number;
  /** Rows per step; null means the whole training side in every step (full batch). */
  batchSize: number | null;
}

const SEED = 0;
const data = loadDigits();
const split = splitDigits(data, SEED, 0.8);
let totalSeconds = 0;

/** Trains a fresh, identically initialized MLP with `recipe` and returns its held-out accuracy. */
function train(recipe: Recipe): { accuracy: number; seconds: number } {
  const started = performance.now();
  // One generator per run: the initialization and the minibatch order do not depend on which tests ran before.
  const generator = new Generator(SEED);
  const model = new Sequential(new Linear(64, 64, { generator }), new ReLU(), new Linear(64, 10, { generator }));
  const optimizer = recipe.make(model.parameters());
  const rows = split.trainRows;
  for (let epoch = 0; epoch < recipe.epochs; epoch++) {
    const batches =
      recipe.batchSize === null
        ? [split.train]
        : chunks(generator.permutation(rows.length), recipe.batchSize).map((positions) => batchOf(data, Array.from(positions, (k) => rows[k])));
    for (const batch of batches) {
      // step(closure) as in PyTorch: the closure recomputes the loss and the gradients (LBFGS calls it many times).
      optimizer.step(() => {
        model.zeroGrad();
        const loss = crossEntropy(model.forward(batch.x), batch.y);
        loss.backward();
        return loss.item();
      });
    }
  }
  const predicted = noGrad(() => model.forward(split.test.x)).data.argmax(1).toFlatArray();
  const truth = split.test.y.toFlatArray();
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (predicted[i] === truth[i]) correct++;
  const seconds = (performance.now() - started) / 1000;
  totalSeconds += seconds;
  return { accuracy: correct / truth.length, seconds };
}

function chunks(order: Int32Array, size: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let start = 0; start < order.length; start += size) out.push(order.subarray(start, start + size));
  return out;
}

// Options not given are PyTorch 1.13's defaults. SGD has no default lr in torch 1.13; ASGD's default
// lr 1e-2 reaches only ~89 % in 20 epochs (it averages from t0 = 1e6 on, so it is plain SGD here), so
// both use 0.1, and 0.01 with momentum 0.9 (the same effective step, lr / (1 − momentum)). Rprop and LBFGS are full-batch methods. Rprop overfits after about
// 50 full-batch steps (held-out accuracy peaks near 99 % and then sinks to ~96 % by step 200), so it
// stops at 40; LBFGS reaches a training loss near zero within 3 steps of up to 20 iterations each.
// The epoch counts leave a margin: with seeds 1-3 (split, initialization, order) every recipe also stays ≥ 95 %.
const recipes: Recipe[] = [
  { name: "SGD", make: (p) => new SGD(p, { lr: 0.1 }), epochs: 20, batchSize: 32 },
  { name: "SGD with momentum", make: (p) => new SGD(p, { lr: 0.01, momentum: 0.9 }), epochs: 20, batchSize: 32 },
  { name: "SGD with Nesterov momentum", make: (p) => new SGD(p, { lr: 0.01, momentum: 0.9, nesterov: true }), epochs: 20, batchSize: 32 },
  { name: "Adam", make: (p) => new Adam(p), epochs: 20, batchSize: 32 },
  { name: "AdamW", make: (p) => new AdamW(p), epochs: 20, batchSize: 32 },
  { name: "Adamax", make: (p) => new Adamax(p), epochs: 30, batchSize: 32 },
  { name: "Adadelta", make: (p) => new Adadelta(p), epochs: 20, batchSize: 32 },
  { name: "Adagrad", make: (p) => new Adagrad(p), epochs: 35, batchSize: 32 },
  { name: "RMSprop", make: (p) => new RMSprop(p), epochs: 20, batchSize: 32 },
  { name: "NAdam", make: (p) => new NAdam(p), epochs: 20, batchSize: 32 },
  { name: "RAdam", make: (p) => new RAdam(p), epochs: 30, batchSize: 32 },
  { name: "ASGD", make: (p) => new ASGD(p, { lr: 0.1 }), epochs: 20, batchSize: 32 },
  { name: "Rprop", make: (p) => new Rprop(p), epochs: 40, batchSize: null },
  { name: "LBFGS", make: (p) => new LBFGS(p, { lineSearchFn: "strongWolfe" }), epochs: 3, batchSize: null },
];

describe("each optimizer trains the digits MLP to ≥ 95 % held-out accuracy", () => {
  it("splits the 1797 digits 1438 / 359", () => {
    // 0.8 · 1797 = 1437.6, rounded to 1438 training rows; 1797 − 1438 = 359 held out.
    expect(data.n).toBe(1797);
    expect(split.train.y.shape).toEqual([1438]);
    expect(split.test.y.shape).toEqual([359]);
  });

  for (const recipe of recipes) {
    it(recipe.name, () => {
      const { accuracy, seconds } = train(recipe);
      console.log(`${recipe.name}: held-out accuracy ${(100 * accuracy).toFixed(2)} % in ${seconds.toFixed(2)} s`);
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
    });
  }

  afterAll(() => {
    // Reported, not asserted: speed belongs to apps/benchmark, never to a timed unit test.
    console.log(`all optimizers: ${totalSeconds.toFixed(2)} s of training`);
  });
});
