/**
 * Whether a long training run keeps a flat heap: the memory a run of training steps leaves
 * behind, measured after a forced full garbage collection before and after the run.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { crossEntropy } from "@descent/autograd";
import { Adam } from "@descent/optim";
import { Generator } from "@descent/tensor";
import type { BenchContext } from "../context";
import { descentMlp, syntheticBatch } from "../models/mlp-descent";
import type { BenchResult } from "../result";

const MB = 2 ** 20;
const SIZES = [64, 256, 128, 10];
const BATCH = 32;

/** V8's gc(), without starting Node with --expose-gc: the flag is set now and a fresh context reads the function. */
function fullGc(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  return () => {
    // twice: the first collection can leave objects whose finalizers free more
    gc();
    gc();
  };
}

/** JavaScript heap in use plus the bytes of live ArrayBuffers (tensor storage lives there). */
function liveBytes(): { heap: number; buffers: number } {
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, buffers: usage.arrayBuffers };
}

export function heapAfterSteps(ctx: BenchContext): BenchResult {
  const steps = ctx.quick ? 1000 : 10_000;
  ctx.log(`  heap: ${steps} training steps of the ${SIZES.join("-")} MLP, batch ${BATCH}`);
  const generator = new Generator(11);
  const model = descentMlp(SIZES, generator);
  // eight different batches in turn, so the run is not one input replayed
  const batches = Array.from({ length: 8 }, () => syntheticBatch(generator, BATCH, SIZES[0], SIZES.at(-1)!));
  const optimizer = new Adam(model.parameters(), { lr: 1e-3 });
  const step = (i: number): void => {
    const { x, y } = batches[i % batches.length];
    optimizer.zeroGrad();
    crossEntropy(model.forward(x), y).backward();
    optimizer.step();
  };
  const gc = fullGc();
  for (let i = 0; i < 200; i++) step(i);
  gc();
  const before = liveBytes();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step(i);
  const seconds = (performance.now() - t0) / 1000;
  gc();
  const after = liveBytes();
  const growth = (after.heap + after.buffers - before.heap - before.buffers) / MB;
  const show = (bytes: number): string => (bytes / MB).toFixed(2);
  return {
    section: "train",
    name: `heap-growth-${steps / 1000}k-steps`,
    unit: "MB",
    higherIsBetter: false,
    descent: growth,
    peers: {},
    note: `live heap + ArrayBuffers after ${steps} Adam steps minus before, after a full GC each time: heap ${show(before.heap)} → ${show(after.heap)} MB, ArrayBuffers ${show(before.buffers)} → ${show(after.buffers)} MB; ${(steps / seconds).toFixed(0)} steps/s`,
  };
}
