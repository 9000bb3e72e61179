import { Generator, placeInKernelMemory, type Tensor } from "@descent/tensor";
import type { BenchContext, Section } from "../context";
import { perNanosecond, timedResult } from "../figures";
import { measure, measureInterleaved, type Timing } from "../harness";
import type { Tf, TfjsPeerName } from "../peers/tfjs";
import { runPythonTasks, taskTiming, tfjsPeers, torchPeers, type TfjsPeers } from "../peers/select";
import type { PythonTask } from "../peers/python";
import type { BenchResult, PeerName } from "../result";
import { sizeLabel } from "../sizes";

const F32_SIZES = [64, 128, 256, 512, 1024];
const F64_SIZES_FULL = [64, 128, 256, 512, 1024];
const F64_SIZES_QUICK = [64, 256];
/**
 * From this size on, matmul (either dtype) is also timed into a given output (a `-out` row) and
 * with operands and output in the kernel memory (a `-resident` row), where TF.js's tensors are too.
 */
const OUT_MIN_N = 512;
/** The matmul variants timed from OUT_MIN_N on, in the order of `fns`: row suffix and note. */
const MATMUL_VARIANTS = [
  { suffix: "", note: undefined },
  { suffix: "-out", note: "descent writes into a given output (out=)" },
  { suffix: "-resident", note: "descent's operands and output lie in the kernel memory (placeInKernelMemory), as TF.js's lie in its WASM heap" },
] as const;
/** TF.js's CPU backend takes seconds per 1024² product; quick mode skips it from this size on. */
const QUICK_TFJS_CPU_LIMIT = 512;

/**
 * Element-wise and reduction ops, with the bytes each must move per element at least:
 * reads of its inputs plus the write of its output (4 bytes per float32).
 */
const STREAM_OPS = [
  { op: "add", bytes: 12 },
  { op: "mul", bytes: 12 },
  { op: "exp", bytes: 8 },
  { op: "relu", bytes: 8 },
  { op: "sum", bytes: 4 },
  { op: "max", bytes: 4 },
] as const;
type StreamOp = (typeof STREAM_OPS)[number]["op"];

/** Descent's op; into `out` when given (the element-wise ops, not the reductions). */
function descentStream(op: StreamOp, a: Tensor, b: Tensor, out?: Tensor): () => void {
  const into = { out };
  switch (op) {
    case "add": return () => a.add(b, into);
    case "mul": return () => a.mul(b, into);
    case "exp": return () => a.exp(into);
    case "relu": return () => a.relu(into);
    case "sum": return () => a.sum();
    case "max": return () => a.max();
  }
}

export const tensorSection: Section = {
  name: "tensor",
  title: "Tensor kernels",
  measures: "matmul GFLOP/s (float32 and float64, n = 64…1024) and element-wise / reduction throughput in GB/s over float32 arrays",
  async run(ctx) {
    const streamSize = ctx.quick ? 1_000_000 : 10_000_000;
    const f64Sizes = ctx.quick ? F64_SIZES_QUICK : F64_SIZES_FULL;
    const torch = await torchPeers(ctx);
    const tasks: PythonTask[] = [];
    for (const { peer, threads } of torch) {
      for (const n of F32_SIZES) tasks.push({ id: `mm-f32-${n}-${peer}`, kind: "matmul", n, dtype: "float32", threads });
      for (const n of f64Sizes) tasks.push({ id: `mm-f64-${n}-${peer}`, kind: "matmul", n, dtype: "float64", threads });
      for (const { op } of STREAM_OPS) tasks.push({ id: `${op}-${peer}`, kind: "elementwise", op, size: streamSize, threads });
    }
    const py = await runPythonTasks(ctx, tasks);
    const tf = await tfjsPeers(ctx);
    const results: BenchResult[] = [];
    const generator = new Generator(12);

    for (const [dtype, sizes] of [["float32", F32_SIZES], ["float64", f64Sizes]] as const) {
      for (const n of sizes) {
        ctx.log(`  matmul ${dtype} n=${n}`);
        const a = generator.normal([n, n], 0, 1, { dtype });
        const b = generator.normal([n, n], 0, 1, { dtype });
        // At the largest sizes descent is also timed writing into a given output (out=), which
        // takes the fresh output's allocation and first-touch page faults out of the figure, and
        // with everything resident in the wasm memory as TF.js's tensors are (no staging copies).
        const fns = [() => a.matmul(b)];
        if (n >= OUT_MIN_N) {
          const out = a.matmul(b);
          const [ra, rb, rOut] = [placeInKernelMemory(a), placeInKernelMemory(b), placeInKernelMemory(out)];
          fns.push(() => a.matmul(b, { out }), () => ra.matmul(rb, { out: rOut }));
        }
        // TF.js has no float64 tensors, so it is a peer of the float32 rows only.
        const { descent, peers } = await timeWithTfjs(ctx, dtype === "float32" ? tf : null, fns, (t, peer) => {
          if (ctx.quick && peer === "tfjs-cpu" && n >= QUICK_TFJS_CPU_LIMIT) return null;
          const ta = t.tensor2d(a.data as Float32Array, [n, n]);
          const tb = t.tensor2d(b.data as Float32Array, [n, n]);
          return {
            fn: () => {
              t.matMul(ta, tb).dispose();
            },
            dispose: () => {
              ta.dispose();
              tb.dispose();
            },
          };
        });
        for (const { peer } of torch) {
          const timing = taskTiming(ctx, py, `mm-${dtype === "float32" ? "f32" : "f64"}-${n}-${peer}`);
          if (timing !== undefined) peers[peer] = timing;
        }
        descent.forEach((timing, variant) => {
          const { suffix, note } = MATMUL_VARIANTS[variant];
          results.push(timedResult({
            section: "tensor",
            name: `matmul-${dtype === "float32" ? "f32" : "f64"}-n${n}${suffix}`,
            unit: "GFLOP/s",
            higherIsBetter: true,
            rate: perNanosecond(2 * n ** 3),
            descent: timing,
            peers,
            ...(note === undefined ? {} : { note }),
          }));
        });
      }
    }

    const a = generator.uniform([streamSize], 0.5, 1.5);
    const b = generator.uniform([streamSize], 0.5, 1.5);
    const [ra, rb] = [placeInKernelMemory(a), placeInKernelMemory(b)];
    for (const { op, bytes } of STREAM_OPS) {
      ctx.log(`  ${op} float32 ${sizeLabel(streamSize)}`);
      // Fresh output; into a kept output (element-wise ops); everything in the kernel memory.
      const reduction = op === "sum" || op === "max";
      const variants = [{ fn: descentStream(op, a, b), suffix: "", note: "" }];
      if (!reduction) variants.push({ fn: descentStream(op, a, b, a.mul(0)), suffix: "-out", note: "; descent writes into a given output (out=)" });
      variants.push({
        fn: descentStream(op, ra, rb, reduction ? undefined : placeInKernelMemory(a.mul(0))),
        suffix: "-resident",
        note: `; descent's ${reduction ? "input lies" : "inputs and output lie"} in the kernel memory, as TF.js's lie in its WASM heap`,
      });
      const fns = variants.map((v) => v.fn);
      const { descent, peers } = await timeWithTfjs(ctx, tf, fns, (t) => {
        const ta = t.tensor1d(a.data as Float32Array);
        const tb = t.tensor1d(b.data as Float32Array);
        const fn = { add: () => t.add(ta, tb), mul: () => t.mul(ta, tb), exp: () => t.exp(ta), relu: () => t.relu(ta), sum: () => t.sum(ta), max: () => t.max(ta) }[op];
        return {
          fn: () => {
            fn().dispose();
          },
          dispose: () => {
            ta.dispose();
            tb.dispose();
          },
        };
      });
      for (const { peer } of torch) {
        const timing = taskTiming(ctx, py, `${op}-${peer}`);
        if (timing !== undefined) peers[peer] = timing;
      }
      descent.forEach((timing, variant) => {
        results.push(timedResult({
          section: "tensor",
          name: `${op}-f32-${sizeLabel(streamSize)}${variants[variant].suffix}`,
          unit: "GB/s",
          higherIsBetter: true,
          rate: perNanosecond(bytes * streamSize),
          descent: timing,
          peers,
          note: `${bytes} bytes per element${variants[variant].note}`,
        }));
      });
    }
    return results;
  },
};

/** One TF.js peer's work: the call to time and what to free afterwards; null to leave the peer out. */
type TfjsWork = { fn: () => void; dispose: () => void } | null;

/**
 * Times descent's `fns` (variants of one op) and, on each TF.js backend, the work `peerWork` sets
 * up. Descent's runs alternate with TF.js WASM's (the peer the targets are stated against), so
 * that a busy spell on this shared machine slows both alike instead of deciding the ratio.
 */
async function timeWithTfjs(
  ctx: BenchContext, tf: TfjsPeers | null, fns: readonly (() => void)[], peerWork: (t: Tf, peer: TfjsPeerName) => TfjsWork,
): Promise<{ descent: Timing[]; peers: Partial<Record<PeerName, Timing>> }> {
  const peers: Partial<Record<PeerName, Timing>> = {};
  let descent: Timing[] | undefined;
  if (tf !== null) {
    for (const peer of tf.peers) {
      await tf.tfjs.use(peer);
      const work = peerWork(tf.tfjs.tf, peer);
      if (work === null) continue;
      if (peer === "tfjs-wasm") {
        const timings = measureInterleaved([...fns, work.fn], ctx.budget);
        peers[peer] = timings[fns.length];
        descent = timings.slice(0, fns.length);
      } else peers[peer] = measure(work.fn, ctx.budget);
      work.dispose();
    }
  }
  return { descent: descent ?? measureInterleaved(fns, ctx.budget), peers };
}
