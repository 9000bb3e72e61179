import type { Parameter, Sequential } from "@descent/autograd";
import { Adam } from "@descent/optim";
import { Generator } from "@descent/tensor";
import { head } from "../data/dataset";
import { linearLayers, mlp } from "../model/mlp";
import type { Claim, ResultTable } from "../report/result";
import { restoreCheckpoint, takeCheckpoint } from "../training/checkpoint";
import type { Checkpoint } from "../training/checkpoint";
import { evaluate } from "../training/evaluate";
import { fit } from "../training/fit";
import { percent } from "./curves";
import type { Experiment } from "./experiment";
import { bySize } from "./experiment";

/** 1 keeps a weight, 0 prunes it; one mask per Linear weight matrix. */
export type Masks = Map<Parameter, Float32Array>;

export function fullMasks(model: Sequential): Masks {
  return new Map(linearLayers(model).map((l) => [l.weight, new Float32Array(l.weight.data.size).fill(1)]));
}

export function applyMasks(masks: Masks): void {
  for (const [weight, mask] of masks) {
    const w = weight.data.data;
    for (let i = 0; i < w.length; i++) w[i] *= mask[i];
  }
}

export function keptFraction(masks: Masks): number {
  let kept = 0;
  let total = 0;
  for (const mask of masks.values()) {
    for (const m of mask) kept += m;
    total += mask.length;
  }
  return kept / total;
}

/**
 * Magnitude pruning, layer by layer: of the weights still kept, the `rate` fraction with the
 * smallest |w| (after training) is removed. As Frankle & Carbin do for their fully connected
 * nets, the output layer is pruned at half the rate.
 */
export function pruneByMagnitude(masks: Masks, rate: number): Masks {
  const entries = [...masks];
  return new Map(
    entries.map(([weight, mask], index) => {
      const layerRate = index === entries.length - 1 ? rate / 2 : rate;
      const w = weight.data.data;
      const alive = [...mask.keys()].filter((i) => mask[i] === 1).sort((a, b) => Math.abs(w[a]) - Math.abs(w[b]));
      const next = Float32Array.from(mask);
      for (const i of alive.slice(0, Math.round(layerRate * alive.length))) next[i] = 0;
      return [weight, next];
    }),
  );
}

export const lotteryExperiment: Experiment = {
  name: "lottery",
  title: "9. Lottery tickets",
  summary: "iterative magnitude pruning with rewinding to the initial weights, against random reinitialization: accuracy against the fraction of weights kept",
  usesImageData: true,
  run(context) {
    const s = bySize(context.size, {
      tiny: { hidden: [64, 32], epochs: 3, rounds: 2, rate: 0.7, rows: Infinity },
      tour: { hidden: [300, 100], epochs: 5, rounds: 6, rate: 0.5, rows: Infinity },
      full: { hidden: [300, 100], epochs: 10, rounds: 9, rate: 0.4, rows: Infinity },
    });
    const epochs = context.epochs ?? s.epochs;
    const splits = context.splits();
    const train = head(splits.train, s.rows);
    const build = (seed: number): Sequential => mlp({ sizes: [train.features, ...s.hidden, train.classes], generator: new Generator(seed) });
    context.progress.start("lottery", (2 * s.rounds + 1) * epochs);

    /** Trains `model` with `masks` re-applied after every step; returns the test accuracy. */
    const trainMasked = (model: Sequential, masks: Masks, label: string): number => {
      applyMasks(masks);
      fit(model, new Adam(model.parameters(), { lr: 1.2e-3 }), train, {
        epochs,
        batchSize: 32,
        generator: new Generator(context.seed + 1000),
        afterStep: () => {
          applyMasks(masks);
        },
        onEpoch: (r) => {
          context.progress.tick(1, `${label} loss ${r.trainLoss.toFixed(3)}`);
        },
      });
      return evaluate(model, splits.test).accuracy;
    };

    const model = build(context.seed);
    // The winning ticket's "initial values": a checkpoint of the weights before any training.
    const initial: Checkpoint = takeCheckpoint(model);
    let masks = fullMasks(model);
    const rows: { kept: number; ticket: number; random: number | null }[] = [];
    rows.push({ kept: 1, ticket: trainMasked(model, masks, "dense"), random: null });
    for (let round = 1; round <= s.rounds; round++) {
      masks = pruneByMagnitude(masks, s.rate);
      // Rewind: the surviving weights go back to their values at initialization.
      restoreCheckpoint(initial, model);
      const ticket = trainMasked(model, masks, `round ${round}`);
      // Control: the same sparse structure with freshly drawn weights (Frankle & Carbin's random reinitialization).
      const control = build(context.seed + 100 + round);
      const controlMasks: Masks = new Map(linearLayers(control).map((l, i) => [l.weight, [...masks.values()][i]]));
      const random = trainMasked(control, controlMasks, `round ${round} random`);
      rows.push({ kept: keptFraction(masks), ticket, random });
    }
    context.progress.done();

    const table: ResultTable = {
      title: `${[train.features, ...s.hidden, train.classes].join("-")} ReLU net, Adam (lr 1.2e-3) for ${epochs} epochs per round, ${100 * s.rate} % of each hidden layer's remaining weights pruned per round`,
      columns: [
        { label: "weights kept", format: "percent" },
        { label: "test accuracy, rewound to initialization", format: "percent" },
        { label: "test accuracy, random reinitialization", format: "percent" },
      ],
      rows: rows.map((r) => [r.kept, r.ticket, r.random]),
    };
    const dense = rows[0].ticket;
    const sparsest = rows.at(-1)!;
    const matching = rows.filter((r) => r.ticket >= dense - 0.01);
    const smallestMatching = Math.min(...matching.map((r) => r.kept));
    const claims: Claim[] = [
      {
        text: `A rewound subnetwork with ${percent(smallestMatching)} of the weights matches the dense net's accuracy within 1 point (dense ${percent(dense)})`,
        holds: smallestMatching < 0.5,
      },
      {
        text: `At ${percent(sparsest.kept)} of the weights, the winning ticket beats the same structure reinitialized at random (${percent(sparsest.ticket)} vs ${percent(sparsest.random ?? NaN)})`,
        holds: sparsest.random !== null && sparsest.ticket > sparsest.random,
      },
    ];
    return {
      name: "lottery",
      title: lotteryExperiment.title,
      description:
        "Frankle & Carbin's procedure: train the dense net, prune the smallest-magnitude weights, rewind the survivors to their initial values (a state-dict checkpoint taken before training) and train again, round after round. " +
        "The control trains the same sparse structures from new random weights: the initial values, not only the structure, make the ticket win.",
      headline: `Dense ${percent(dense)}; at ${percent(sparsest.kept)} of the weights the rewound ticket reaches ${percent(sparsest.ticket)}, random reinitialization ${percent(sparsest.random ?? NaN)}.`,
      claims,
      tables: [table],
      figures: [
        {
          kind: "line",
          id: "lottery-accuracy",
          title: "Test accuracy against the fraction of weights kept",
          xLabel: "weights kept (log scale)",
          yLabel: "test accuracy",
          xScale: "log",
          series: [
            { name: "rewound to initialization", points: rows.map((r) => [r.kept, r.ticket] as [number, number]) },
            { name: "random reinitialization", points: rows.filter((r) => r.random !== null).map((r) => [r.kept, r.random!] as [number, number]) },
          ],
        },
      ],
      settings: { data: train.name, network: [train.features, ...s.hidden, train.classes].join("-"), epochs, rounds: s.rounds, "prune rate per round": s.rate, seed: context.seed },
    };
  },
};
