import { Linear, crossEntropy } from "@descent/autograd";
import type { Sequential, Variable } from "@descent/autograd";
import { SGD } from "@descent/optim";
import { Generator } from "@descent/tensor";
import { asTensors, head } from "../data/dataset";
import type { Dataset } from "../data/dataset";
import { initLabels, initNames, initShortLabels } from "../model/initializers";
import type { InitName } from "../model/initializers";
import { mlp } from "../model/mlp";
import type { Claim, Figure, ResultTable } from "../report/result";
import { percent } from "./curves";
import type { Experiment } from "./experiment";
import { bySize } from "./experiment";
import { trainClassifier } from "./train-classifier";

type Activation = "tanh" | "relu";
const activations: readonly Activation[] = ["tanh", "relu"];

/** Per hidden layer (1 … depth): the variance of its output and of the loss's gradient with respect to that output. */
export interface LayerStatistics {
  activationVariance: number[];
  gradientVariance: number[];
}

function variance(values: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  let v = 0;
  for (let i = 0; i < values.length; i++) v += (values[i] - mean) ** 2;
  return v / values.length;
}

/**
 * One forward and backward pass of a batch through a freshly initialized net, keeping every
 * hidden activation's gradient (retainGrad), as in Glorot & Bengio's (2010) figures of the
 * activation and back-propagated gradient variance per layer.
 */
export function layerStatistics(model: Sequential, batch: Dataset): LayerStatistics {
  const { inputs, labels } = asTensors(batch);
  let x: Variable = model.at(0).forward(inputs);
  const hidden: Variable[] = [];
  for (let i = 1; i < model.length; i++) {
    x = model.at(i).forward(x);
    // The output of the module just before a Linear is a hidden layer's activation.
    if (i + 1 < model.length && model.at(i + 1) instanceof Linear && x.requiresGrad) hidden.push(x.retainGrad());
  }
  crossEntropy(x, labels).backward();
  return {
    activationVariance: hidden.map((h) => variance(h.data.toFlatArray())),
    gradientVariance: hidden.map((h) => (h.grad === null ? 0 : variance(h.grad.toFlatArray()))),
  };
}

interface InitRun {
  init: InitName;
  activation: Activation;
  statistics: LayerStatistics;
  trainLoss: number;
  testAccuracy: number;
  diverged: boolean;
}

/** A net "trains" when it ends clearly above chance (10 classes: 10 %) without diverging. */
const TRAINS_ABOVE = 0.5;

export const initExperiment: Experiment = {
  name: "init",
  title: "4. Initialization through depth",
  summary: "activation and gradient variance per layer for zero, N(0,1), N(0,0.01²), LeCun, Xavier, He, orthogonal (tanh and ReLU), and whether each trains",
  usesImageData: true,
  run(context) {
    const s = bySize(context.size, {
      tiny: { depth: 5, width: 32, epochs: 2, rows: Infinity, batch: 128 },
      tour: { depth: 8, width: 64, epochs: 3, rows: Infinity, batch: 256 },
      full: { depth: 10, width: 128, epochs: 8, rows: Infinity, batch: 256 },
    });
    const epochs = context.epochs ?? s.epochs;
    const splits = context.splits();
    const train = head(splits.train, s.rows);
    const probe = head(splits.train, s.batch);
    const hidden = Array<number>(s.depth).fill(s.width);
    context.progress.start("init", initNames.length * activations.length * epochs);
    const runs: InitRun[] = [];
    for (const activation of activations) {
      for (const init of initNames) {
        const statistics = layerStatistics(mlp({ sizes: [train.features, ...hidden, train.classes], activation, init, generator: new Generator(context.seed) }), probe);
        const run = trainClassifier({
          train,
          validation: splits.validation,
          test: splits.test,
          hidden,
          activation,
          init,
          seed: context.seed,
          optimizer: (params) => new SGD(params, { lr: 0.01, momentum: 0.9 }),
          epochs,
          batchSize: 32,
          progress: context.progress,
          label: `${init} ${activation}`,
        });
        runs.push({ init, activation, statistics, trainLoss: run.fit.history.at(-1)?.trainLoss ?? NaN, testAccuracy: run.test.accuracy, diverged: run.fit.diverged });
      }
    }
    context.progress.done();

    const table: ResultTable = {
      title: `${s.depth} hidden layers of ${s.width}, SGD with momentum 0.9 (lr 0.01) for ${epochs} epochs; variances on a batch of ${probe.size} at initialization`,
      columns: [
        { label: "initialization", format: "text" },
        { label: "activation", format: "text" },
        { label: "act. variance, layer 1", format: "sci" },
        { label: `act. variance, layer ${s.depth}`, format: "sci" },
        { label: "grad. variance, layer 1", format: "sci" },
        { label: `grad. variance, layer ${s.depth}`, format: "sci" },
        { label: "final train loss", format: "fixed4" },
        { label: "test accuracy", format: "percent" },
        { label: "trains", format: "text" },
      ],
      rows: runs.map((r) => [
        initLabels[r.init],
        r.activation,
        r.statistics.activationVariance[0],
        r.statistics.activationVariance.at(-1)!,
        r.statistics.gradientVariance[0],
        r.statistics.gradientVariance.at(-1)!,
        r.trainLoss,
        r.testAccuracy,
        trains(r) ? "yes" : r.diverged ? "no (diverged)" : "no",
      ]),
    };

    const figures: Figure[] = [];
    for (const activation of activations) {
      for (const field of ["activationVariance", "gradientVariance"] as const) {
        figures.push({
          kind: "line",
          id: `init-${activation}-${field === "activationVariance" ? "activations" : "gradients"}`,
          title: `${activation}: ${field === "activationVariance" ? "activation" : "gradient"} variance per layer`,
          xLabel: "hidden layer",
          yLabel: "variance (log scale)",
          yScale: "log",
          series: runs.filter((r) => r.activation === activation).map((r) => ({ name: initShortLabels[r.init], points: r.statistics[field].map((v, k) => [k + 1, v] as [number, number]) })),
        });
      }
    }

    const get = (init: InitName, activation: Activation): InitRun => runs.find((r) => r.init === init && r.activation === activation)!;
    const ratio = (r: InitRun): number => r.statistics.activationVariance.at(-1)! / r.statistics.activationVariance[0];
    const small = activations.map((a) => ratio(get("normal-0.01", a)));
    const he = ratio(get("he", "relu"));
    const claims: Claim[] = [
      {
        text: `N(0, 0.01²) makes the activations vanish: their variance shrinks by ${small.map((r) => r.toExponential(0)).join(" (tanh) and ")} (ReLU) from layer 1 to layer ${s.depth}`,
        holds: small.every((r) => r < 1e-6),
      },
      {
        text: `He initialization keeps the ReLU net's activation variance steady through depth (layer ${s.depth} / layer 1 = ${he.toFixed(2)})`,
        holds: he > 0.25 && he < 4,
      },
      {
        text: `Zero weights never train (every hidden unit stays identical): ${percent(get("zero", "relu").testAccuracy)} (ReLU), ${percent(get("zero", "tanh").testAccuracy)} (tanh)`,
        holds: !trains(get("zero", "relu")) && !trains(get("zero", "tanh")),
      },
      {
        text: `Xavier (derived for tanh) trains the tanh net (${percent(get("xavier", "tanh").testAccuracy)}); He and orthogonal with gain √2 train the ReLU net (${percent(get("he", "relu").testAccuracy)}, ${percent(get("orthogonal", "relu").testAccuracy)})`,
        holds: trains(get("xavier", "tanh")) && trains(get("he", "relu")) && trains(get("orthogonal", "relu")),
      },
      {
        text: `Xavier's variance suits tanh, not ReLU: a ReLU zeroes half of each layer's output, so the variance halves per layer (layer ${s.depth} / layer 1 = ${ratio(get("xavier", "relu")).toExponential(1)}, vs 0.5^${s.depth - 1} = ${(0.5 ** (s.depth - 1)).toExponential(1)})`,
        holds: ratio(get("xavier", "relu")) < 4 * 0.5 ** (s.depth - 1) && ratio(get("xavier", "relu")) > 0.25 * 0.5 ** (s.depth - 1),
      },
    ];
    const training = runs.filter(trains);
    return {
      name: "init",
      title: initExperiment.title,
      description:
        `A ${s.depth}-layer MLP initialized seven ways (biases 0), with tanh and with ReLU. At initialization, one batch goes forward and back and each hidden layer's output and gradient variance is recorded; ` +
        "then each net trains for a few epochs. Good initializations keep both variances about constant through depth (Glorot & Bengio 2010, He et al. 2015).",
      headline: `${training.length} of ${runs.length} nets train; the ones that do not: ${runs
        .filter((r) => !trains(r))
        .map((r) => `${r.init} ${r.activation}`)
        .join(", ")}.`,
      claims,
      tables: [table],
      figures,
      settings: { data: train.name, network: `${train.features}-${hidden.join("-")}-${train.classes}`, "training rows": train.size, epochs, "probe batch": probe.size, seed: context.seed },
    };
  },
};

function trains(r: InitRun): boolean {
  return !r.diverged && r.testAccuracy > TRAINS_ABOVE;
}
