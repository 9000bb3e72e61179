import type { BenchContext, Section } from "../context";
import type { Dataset } from "../data/dataset";
import { digitsDataset } from "../data/digits";
import { fashionMnist } from "../data/fashion-mnist";
import { perSecond, timedResult } from "../figures";
import { MLP_BATCH, MLP_SIZES } from "../models/mlp-sizes";
import type { PythonTask } from "../peers/python";
import { runPythonTasks, taskResult, tfjsPeers, torchPeers } from "../peers/select";
import type { BenchResult, PeerName } from "../result";
import { median } from "../stats";
import { heapAfterSteps } from "./heap";
import { timeMlp } from "./mlp-timings";
import { descentEpochs, epochPlan, tfjsEpochs, type EpochPlan, type EpochRun } from "./train-epochs";

const SEED = 7;
const LR = 1e-3;

interface DatasetRun {
  label: string;
  plan: EpochPlan;
  /** A peer left out of this run, and why. */
  without?: { peer: PeerName; reason: string };
}

/** Epoch time (median over epochs: the first one carries the JIT warm-up) and final accuracy, for each implementation. */
async function trainEpochs(ctx: BenchContext, run: DatasetRun): Promise<BenchResult[]> {
  const { plan, label } = run;
  const torch = (await torchPeers(ctx)).filter((p) => p.peer !== run.without?.peer);
  const tasks: PythonTask[] = torch.map(({ peer, threads }) => ({
    id: `${label}-${peer}`,
    kind: "train",
    dataset: plan.dataset.python,
    sizes: plan.sizes,
    batch: plan.batch,
    lr: plan.lr,
    orders: plan.orders.map((o) => Array.from(o)),
    seed: SEED,
    threads,
  }));
  const py = await runPythonTasks(ctx, tasks);
  ctx.log(`  ${label}: ${plan.orders.length} epochs of ${plan.dataset.yTrain.length} rows, batch ${plan.batch}`);
  const runs: Partial<Record<PeerName | "descent", EpochRun>> = { descent: descentEpochs(plan, SEED) };
  const tf = await tfjsPeers(ctx);
  if (run.without !== undefined) ctx.skip(`${run.without.peer} on ${label}`, run.without.reason);
  if (tf !== null) {
    for (const peer of tf.peers) {
      if (peer === run.without?.peer) continue;
      ctx.log(`  ${label}: ${peer}`);
      await tf.tfjs.use(peer);
      runs[peer] = tfjsEpochs(tf.tfjs.tf, plan, SEED);
    }
  }
  for (const { peer } of torch) {
    const r = taskResult(ctx, py, `${label}-${peer}`) as EpochRun | undefined;
    if (r !== undefined) runs[peer] = r;
  }
  const descent = runs.descent!;
  const epochPeers: Partial<Record<PeerName, number>> = {};
  const accuracyPeers: Partial<Record<PeerName, number>> = {};
  for (const [who, r] of Object.entries(runs) as [PeerName | "descent", EpochRun][]) {
    if (who === "descent") continue;
    epochPeers[who] = median(r.epochMs);
    accuracyPeers[who] = 100 * r.accuracy;
  }
  const epochs = plan.orders.length;
  const shape = `${plan.sizes.join("-")} MLP, Adam lr ${plan.lr}, batch ${plan.batch}, ${epochs} epoch${epochs === 1 ? "" : "s"}`;
  return [
    { section: "train", name: `train-${label}-epoch`, unit: "ms", higherIsBetter: false, descent: median(descent.epochMs), peers: epochPeers, note: `median epoch time; ${shape}` },
    { section: "train", name: `train-${label}-accuracy`, unit: "%", higherIsBetter: true, descent: 100 * descent.accuracy, peers: accuracyPeers, note: `test accuracy after the last epoch (each library's own initialization); ${shape}` },
  ];
}

export const trainSection: Section = {
  name: "train",
  title: "Training",
  measures: `steps/s of a full Adam training step of the ${MLP_SIZES.join("-")} MLP at batch ${MLP_BATCH}; the heap a long run leaves behind; epoch time and final test accuracy on UCI digits and, when installed, Fashion-MNIST`,
  async run(ctx) {
    const t = await timeMlp(ctx, ["train-step"]);
    const results: BenchResult[] = [
      timedResult({ section: "train", name: `mlp-train-step-b${MLP_BATCH}`, unit: "steps/s", higherIsBetter: true, rate: perSecond, ...t["train-step"], note: "zeroGrad, forward, cross-entropy, backward, Adam step" }),
    ];
    results.push(heapAfterSteps(ctx));
    const digits = digitsDataset(SEED);
    const digitsSizes = [digits.features, ...MLP_SIZES.slice(1)];
    results.push(...(await trainEpochs(ctx, { label: "digits", plan: epochPlan(digits, digitsSizes, 32, LR, ctx.quick ? 1 : 10, SEED) })));
    if (ctx.quick) {
      ctx.log("  fashion-mnist: not in quick mode");
      return results;
    }
    const fashion: Dataset | string = fashionMnist();
    if (typeof fashion === "string") ctx.skip("fashion-mnist", fashion);
    else {
      // One epoch is 469 steps of the mlp-train-step-b128 shape: TF.js's CPU backend needs minutes
      // for it, and its speed on exactly this step is already in mlp-train-step-b128.
      const without = { peer: "tfjs-cpu" as const, reason: "an epoch takes minutes on this backend; its speed on the same step is mlp-train-step-b128" };
      results.push(...(await trainEpochs(ctx, { label: "fashion", plan: epochPlan(fashion, MLP_SIZES, MLP_BATCH, LR, 1, SEED), without })));
    }
    return results;
  },
};
