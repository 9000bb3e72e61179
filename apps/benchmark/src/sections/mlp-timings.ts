import { Generator, oneHot } from "@descent/tensor";
import type { BenchContext } from "../context";
import { measure, type Timing } from "../harness";
import { descentMlp, descentMlpWork, syntheticBatch } from "../models/mlp-descent";
import { tfjsMlp, tfjsMlpWork } from "../models/mlp-tfjs";
import { MLP_BATCH, MLP_SIZES } from "../models/mlp-sizes";
import type { PythonTask } from "../peers/python";
import { runPythonTasks, taskTiming, tfjsPeers, torchPeers } from "../peers/select";
import type { PeerName } from "../result";

export type MlpMode = "forward" | "fwd-bwd" | "train-step";

/**
 * Times the 784-256-128-10 MLP at batch 128 in each mode asked for: descent, then TF.js on each
 * backend (same input data, same shapes), then PyTorch (same shapes, its own random data: the
 * speed of these kernels does not depend on the values).
 */
export async function timeMlp(ctx: BenchContext, modes: readonly MlpMode[]): Promise<Record<MlpMode, { descent: Timing; peers: Partial<Record<PeerName, Timing>> }>> {
  const torch = await torchPeers(ctx);
  const tasks: PythonTask[] = [];
  for (const { peer, threads } of torch) {
    for (const mode of modes) tasks.push({ id: `mlp-${mode}-${peer}`, kind: "mlp", mode, sizes: MLP_SIZES, batch: MLP_BATCH, threads });
  }
  const py = await runPythonTasks(ctx, tasks);

  const generator = new Generator(3);
  const model = descentMlp(MLP_SIZES, generator);
  const { x, y } = syntheticBatch(generator, MLP_BATCH, MLP_SIZES[0], MLP_SIZES[MLP_SIZES.length - 1]);
  const work = descentMlpWork(model, x, y);
  const out = {} as Record<MlpMode, { descent: Timing; peers: Partial<Record<PeerName, Timing>> }>;
  for (const mode of modes) {
    ctx.log(`  mlp ${mode} batch ${MLP_BATCH}`);
    const fn = mode === "forward" ? work.forward : mode === "fwd-bwd" ? work.forwardBackward : work.trainStep;
    out[mode] = { descent: measure(fn, ctx.budget), peers: {} };
  }

  const tf = await tfjsPeers(ctx);
  if (tf !== null) {
    const t = tf.tfjs.tf;
    for (const peer of tf.peers) {
      await tf.tfjs.use(peer);
      const tx = t.tensor2d(x.data as Float32Array, [MLP_BATCH, MLP_SIZES[0]]);
      const ty = t.tensor2d(oneHot(y, MLP_SIZES[MLP_SIZES.length - 1]).data as Float32Array, [MLP_BATCH, MLP_SIZES[MLP_SIZES.length - 1]]);
      const tmodel = tfjsMlp(t, MLP_SIZES, 3);
      const twork = tfjsMlpWork(t, tmodel, tx, ty);
      for (const mode of modes) {
        ctx.log(`  mlp ${mode} batch ${MLP_BATCH}: ${peer}`);
        const fn = mode === "forward" ? twork.forward : mode === "fwd-bwd" ? twork.forwardBackward : twork.trainStep;
        out[mode].peers[peer] = measure(fn, ctx.budget);
      }
      twork.dispose();
      tmodel.dispose();
      tx.dispose();
      ty.dispose();
    }
  }
  for (const { peer } of torch) {
    for (const mode of modes) {
      const timing = taskTiming(ctx, py, `mlp-${mode}-${peer}`);
      if (timing !== undefined) out[mode].peers[peer] = timing;
    }
  }
  return out;
}
