import { crossEntropy, noGrad } from "@descent/autograd";
import type { ParamLike } from "@descent/optim";
import type { Scheduler } from "@descent/schedulers";
import { Generator, Tensor } from "@descent/tensor";
import { gatherLabels, gatherRows, type Dataset } from "../data/dataset";
import { descentMlp } from "../models/mlp-descent";
import type { ConvergenceOptimizer, SteppingOptimizer } from "./optimizers";

/** One seeded starting point: what descent runs from, and the same start for peer.py. */
export interface ProblemStart {
  python: Record<string, unknown>;
  /** Runs `budgets[budgets.length − 1]` steps; returns the loss after each budget. */
  run(makeOptimizer: (params: ParamLike[]) => SteppingOptimizer, makeScheduler: (o: SteppingOptimizer) => Scheduler | null, budgets: readonly number[]): number[];
}

export interface ConvergenceProblem {
  name: string;
  description: string;
  /** A learning rate per optimizer, chosen once so that each is stable on the problem (not tuned per run). */
  lr: Record<ConvergenceOptimizer, number>;
  budgets: { full: number[]; quick: number[] };
  /** The problem as peer.py builds it. */
  python: Record<string, unknown>;
  start(seed: number, steps: number): ProblemStart;
}

/** Steps a full-batch problem on a float64 vector whose gradient is computed by hand. */
function vectorStart(x0: Float64Array, loss: (x: Float64Array) => number, gradient: (x: Float64Array, g: Float64Array) => void): ProblemStart {
  return {
    python: { x0: Array.from(x0) },
    run(makeOptimizer, makeScheduler, budgets) {
      const p = { data: x0.slice(), grad: new Float64Array(x0.length) };
      const optimizer = makeOptimizer([p]);
      const scheduler = makeScheduler(optimizer);
      const losses: number[] = [];
      for (let step = 1; step <= budgets[budgets.length - 1]; step++) {
        gradient(p.data, p.grad);
        optimizer.step();
        scheduler?.step();
        if (budgets.includes(step)) losses.push(loss(p.data));
      }
      return losses;
    },
  };
}

/** ½ Σ λᵢ xᵢ² with λ log-spaced from 1 to `condition`: the ill-conditioned bowl of the lectures. */
export function quadraticProblem(n: number, condition: number): ConvergenceProblem {
  const lambda = Float64Array.from({ length: n }, (_, i) => condition ** (i / (n - 1)));
  const loss = (x: Float64Array): number => {
    let f = 0;
    for (let i = 0; i < n; i++) f += 0.5 * lambda[i] * x[i] * x[i];
    return f;
  };
  return {
    name: `quadratic${n}`,
    description: `½ Σ λᵢ xᵢ², n = ${n}, λ log-spaced 1…${condition}, x₀ ~ N(0, 1)`,
    lr: { sgd: 0.015, "sgd-momentum": 0.005, "sgd-nesterov": 0.005, adam: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 0.05, adagrad: 0.5, adadelta: 1, rmsprop: 0.005, asgd: 0.015, rprop: 0.01 },
    budgets: { full: [100, 1000], quick: [20] },
    python: { kind: "quadratic", condition },
    start(seed) {
      const x0 = new Generator(seed).normal([n], 0, 1, { dtype: "float64" }).data as Float64Array;
      return vectorStart(x0, loss, (x, g) => {
        for (let i = 0; i < n; i++) g[i] = lambda[i] * x[i];
      });
    },
  };
}

/** Rosenbrock's valley (1 − x)² + 100 (y − x²)² from (−1.2, 1) plus N(0, 0.1²) noise per seed. */
export function rosenbrockProblem(): ConvergenceProblem {
  return {
    name: "rosenbrock2",
    description: "(1 − x)² + 100 (y − x²)², start (−1.2, 1) + N(0, 0.1²)",
    lr: { sgd: 5e-4, "sgd-momentum": 1e-4, "sgd-nesterov": 1e-4, adam: 0.01, adamw: 0.01, adamax: 0.02, nadam: 0.01, radam: 3e-3, adagrad: 0.1, adadelta: 1, rmsprop: 1e-3, asgd: 5e-4, rprop: 1e-3 },
    budgets: { full: [1000, 5000], quick: [50] },
    python: { kind: "rosenbrock" },
    start(seed) {
      const noise = new Generator(seed).normal([2], 0, 0.1, { dtype: "float64" }).data;
      const x0 = Float64Array.from([-1.2 + noise[0], 1 + noise[1]]);
      return vectorStart(
        x0,
        ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        ([x, y], g) => {
          g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
          g[1] = 200 * (y - x * x);
        },
      );
    },
  };
}

/**
 * A small MLP on the digits training split, minibatch 64, reporting the cross-entropy over the
 * whole training split. Each seed fixes the initial weights (sent to peer.py) and the batch order
 * (epoch permutations, also sent), so both libraries follow the same trajectory up to rounding.
 */
export function digitsMlpProblem(dataset: Dataset, sizes: readonly number[], batch: number): ConvergenceProblem {
  const rows = dataset.yTrain.length;
  const xAll = new Tensor(dataset.xTrain, [rows, dataset.features]);
  const yAll = new Tensor(dataset.yTrain, [rows]);
  return {
    name: "digits-mlp",
    description: `${sizes.join("-")} MLP on the digits training split (${rows} rows), batch ${batch}, full training loss`,
    lr: { sgd: 0.1, "sgd-momentum": 0.05, "sgd-nesterov": 0.05, adam: 1e-3, adamw: 1e-3, adamax: 2e-3, nadam: 2e-3, radam: 1e-3, adagrad: 0.05, adadelta: 1, rmsprop: 1e-3, asgd: 0.1, rprop: 1e-3 },
    budgets: { full: [100, 500], quick: [20] },
    python: { kind: "digits-mlp", sizes, dataset: dataset.python },
    start(seed, steps) {
      const order = new Int32Array(steps * batch);
      const shuffler = new Generator(seed + 1000);
      for (let filled = 0; filled < order.length; filled += rows) {
        const perm = shuffler.permutation(rows);
        order.set(perm.subarray(0, Math.min(rows, order.length - filled)), filled);
      }
      const initial = descentMlp(sizes, new Generator(seed));
      const linears = initial.parameters();
      const weights = [];
      for (let i = 0; i < linears.length; i += 2) weights.push({ weight: Array.from(linears[i].data.data), bias: Array.from(linears[i + 1].data.data) });
      return {
        python: { weights, batches: Array.from(order) },
        run(makeOptimizer, makeScheduler, budgets) {
          const model = descentMlp(sizes, new Generator(seed));
          const optimizer = makeOptimizer(model.parameters());
          const scheduler = makeScheduler(optimizer);
          const losses: number[] = [];
          for (let step = 1; step <= budgets[budgets.length - 1]; step++) {
            const start = (step - 1) * batch;
            const x = new Tensor(gatherRows(dataset.xTrain, dataset.features, order, start, start + batch), [batch, dataset.features]);
            const y = new Tensor(gatherLabels(dataset.yTrain, order, start, start + batch), [batch]);
            optimizer.zeroGrad();
            crossEntropy(model.forward(x), y).backward();
            optimizer.step();
            scheduler?.step();
            if (budgets.includes(step)) losses.push(noGrad(() => crossEntropy(model.forward(xAll), yAll).item()));
          }
          return losses;
        },
      };
    },
  };
}
