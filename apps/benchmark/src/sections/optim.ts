import { ASGD, Adadelta, Adagrad, Adam, AdamW, Adamax, NAdam, RAdam, RMSprop, Rprop, SGD, type ParamLike } from "@descent/optim";
import { Generator, Tensor, kernelMemoryArray, setBackend } from "@descent/tensor";
import type { BenchContext, Section } from "../context";
import { perNanosecond, timedResult } from "../figures";
import { measure, type Timing } from "../harness";
import { plainAdamStep, plainCopy } from "../peers/plain-js";
import type { PythonTask } from "../peers/python";
import { runPythonTasks, taskTiming, tfjsPeers, torchPeers, type TfjsPeers } from "../peers/select";
import type { Tf } from "../peers/tfjs";
import type { Optimizer as TfOptimizer } from "@tensorflow/tfjs-core";
import type { BenchResult, PeerName } from "../result";
import { sizeLabel } from "../sizes";

/**
 * Each optimizer as measured, with the bytes one step must move per float32 parameter at least:
 * read and write the parameter (8), read the gradient (4), read and write each state buffer (8
 * each). Every implementation is charged the same bytes, so GB/s ratios are time ratios.
 */
interface OptimizerCase {
  name: string;
  bytes: number;
  /** Options in descent's spelling; the Python peer gets them in snake_case. */
  options: Record<string, unknown>;
  /** The torch.optim name (peer.py's table). */
  torch: string;
  make(params: ParamLike[]): { step(): unknown };
  /** The same algorithm in TF.js, where it has one. */
  tfjs?: (tf: Tf) => TfOptimizer;
}

const CASES: OptimizerCase[] = [
  { name: "sgd", bytes: 12, options: { lr: 0.01 }, torch: "sgd", make: (p) => new SGD(p, { lr: 0.01 }), tfjs: (tf) => tf.train.sgd(0.01) },
  { name: "sgd-momentum", bytes: 20, options: { lr: 0.01, momentum: 0.9 }, torch: "sgd", make: (p) => new SGD(p, { lr: 0.01, momentum: 0.9 }), tfjs: (tf) => tf.train.momentum(0.01, 0.9) },
  { name: "adam", bytes: 28, options: {}, torch: "adam", make: (p) => new Adam(p), tfjs: (tf) => tf.train.adam(1e-3) },
  { name: "adamw", bytes: 28, options: {}, torch: "adamw", make: (p) => new AdamW(p) },
  { name: "adamax", bytes: 28, options: {}, torch: "adamax", make: (p) => new Adamax(p), tfjs: (tf) => tf.train.adamax(2e-3) },
  { name: "nadam", bytes: 28, options: {}, torch: "nadam", make: (p) => new NAdam(p) },
  { name: "radam", bytes: 28, options: {}, torch: "radam", make: (p) => new RAdam(p) },
  { name: "adadelta", bytes: 28, options: {}, torch: "adadelta", make: (p) => new Adadelta(p), tfjs: (tf) => tf.train.adadelta(1) },
  { name: "adagrad", bytes: 20, options: {}, torch: "adagrad", make: (p) => new Adagrad(p), tfjs: (tf) => tf.train.adagrad(1e-2) },
  { name: "rmsprop", bytes: 20, options: {}, torch: "rmsprop", make: (p) => new RMSprop(p), tfjs: (tf) => tf.train.rmsprop(1e-2) },
  { name: "asgd", bytes: 20, options: {}, torch: "asgd", make: (p) => new ASGD(p) },
  { name: "rprop", bytes: 28, options: {}, torch: "rprop", make: (p) => new Rprop(p) },
];

const COPY_BYTES = 8;

/** descent's option names → PyTorch's (weightDecay → weight_decay), the mechanical rule of DESIGN.md. */
export function snakeCase(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

function randomArray(generator: Generator, n: number, scale: number): Float32Array {
  return generator.uniform([n], -scale, scale).data as Float32Array;
}

/**
 * The case's own JavaScript rule (the fused updates off: `setBackend("js")`), the loop its fused
 * update replaced, measured in the same run: the plain-js figure of every case but Adam, which has
 * a hand-written loop.
 */
function jsRuleTiming(ctx: BenchContext, c: OptimizerCase, param: Float32Array, grad: Float32Array): Timing {
  const optimizer = c.make([{ data: param.slice(), grad }]);
  setBackend("js");
  try {
    return measure(() => optimizer.step(), ctx.budget);
  } finally {
    setBackend("wasm");
  }
}

async function tfjsStep(ctx: BenchContext, tf: TfjsPeers, make: (tf: Tf) => TfOptimizer, param: Float32Array, grad: Float32Array): Promise<Partial<Record<PeerName, Timing>>> {
  const out: Partial<Record<PeerName, Timing>> = {};
  for (const peer of tf.peers) {
    await tf.tfjs.use(peer);
    const t = tf.tfjs.tf;
    const variable = t.variable(t.tensor1d(param));
    const g = t.tensor1d(grad);
    const optimizer = make(t);
    out[peer] = measure(() => {
      optimizer.applyGradients([{ name: variable.name, tensor: g }]);
    }, ctx.budget);
    optimizer.dispose();
    variable.dispose();
    g.dispose();
  }
  return out;
}

/**
 * TF.js takes seconds per step at 10 M on its CPU backend, so it is compared on every optimizer it
 * has at 1 M and on Adam (the headline) at both sizes; quick mode keeps Adam alone.
 */
function tfjsCompares(ctx: BenchContext, name: string, size: number): boolean {
  if (name === "adam") return !(ctx.quick && size > 1_000_000);
  return !ctx.quick && size <= 1_000_000;
}

export const optimSection: Section = {
  name: "optim",
  title: "Optimizer steps",
  measures: "GB/s of one step of each optimizer over 1 M and 10 M float32 parameters (the bytes each algorithm must move, per element), beside TF.js, PyTorch and plain JavaScript (a hand-written Adam loop, each other optimizer's own JavaScript rule); a plain copy loop as the bandwidth reference",
  async run(ctx) {
    // Quick mode: every optimizer at 1 M, Adam and the copy also at 10 M (their names are required);
    // the Python peer runs Adam and the copy only: quick mode checks that each path works.
    const sizesOf = (name: string): number[] => (ctx.quick && name !== "adam" ? [1_000_000] : [1_000_000, 10_000_000]);
    const torch = await torchPeers(ctx);
    const tasks: PythonTask[] = [];
    for (const { peer, threads } of torch) {
      for (const c of CASES) {
        if (ctx.quick && c.name !== "adam") continue;
        for (const size of sizesOf(c.name)) tasks.push({ id: `${c.name}-${size}-${peer}`, kind: "optimizer-step", optimizer: c.torch, options: snakeCase(c.options), size, threads });
      }
      tasks.push({ id: `copy-${peer}`, kind: "copy", size: 10_000_000, threads });
    }
    const py = await runPythonTasks(ctx, tasks);
    const tf = await tfjsPeers(ctx);
    const generator = new Generator(5);
    const results: BenchResult[] = [];

    for (const c of CASES) {
      for (const size of sizesOf(c.name)) {
        ctx.log(`  ${c.name} ${sizeLabel(size)}`);
        const param = randomArray(generator, size, 0.5);
        const grad = randomArray(generator, size, 1e-3);
        const p: ParamLike = { data: param.slice(), grad };
        const optimizer = c.make([p]);
        const descent = measure(() => optimizer.step(), ctx.budget);
        const peers: Partial<Record<PeerName, Timing>> = {};
        if (c.name === "adam" && ctx.peers.has("plain-js")) {
          const data = param.slice();
          const m = new Float32Array(size);
          const v = new Float32Array(size);
          let step = 0;
          peers["plain-js"] = measure(() => {
            plainAdamStep(data, grad, m, v, ++step);
          }, ctx.budget);
        } else if (ctx.peers.has("plain-js")) {
          peers["plain-js"] = jsRuleTiming(ctx, c, param, grad);
        }
        if (tf !== null && c.tfjs !== undefined && tfjsCompares(ctx, c.name, size)) Object.assign(peers, await tfjsStep(ctx, tf, c.tfjs, param, grad));
        for (const { peer } of torch) {
          const timing = taskTiming(ctx, py, `${c.name}-${size}-${peer}`);
          if (timing !== undefined) peers[peer] = timing;
        }
        results.push(timedResult({
          section: "optim",
          name: `${c.name}-step-${sizeLabel(size)}`,
          unit: "GB/s",
          higherIsBetter: true,
          rate: perNanosecond(c.bytes * size),
          descent,
          peers,
          note: c.name === "adam" ? `${c.bytes} bytes per parameter` : `${c.bytes} bytes per parameter; plain-js is descent's own JavaScript rule (setBackend("js"))`,
        }));
        // Every optimizer here has a fused update: the same step with parameter and gradient in kernel memory (state follows), updated in place.
        const placed: ParamLike = { data: kernelMemoryArray("float32", size), grad: kernelMemoryArray("float32", size) };
        (placed.data as Float32Array).set(param);
        (placed.grad as Float32Array).set(grad);
        const inPlace = c.make([placed]);
        results.push(timedResult({
          section: "optim",
          name: `${c.name}-step-${sizeLabel(size)}-kernel-memory`,
          unit: "GB/s",
          higherIsBetter: true,
          rate: perNanosecond(c.bytes * size),
          descent: measure(() => inPlace.step(), ctx.budget),
          peers,
          note: `${c.bytes} bytes per parameter; descent's arrays from kernelMemoryArray, peers as in the row above (same run)`,
        }));
      }
    }

    ctx.log("  copy 10M");
    const size = 10_000_000;
    const src = Tensor.from(randomArray(generator, size, 1));
    const dst = Tensor.zeros([size]);
    const descent = measure(() => dst.copyFrom(src), ctx.budget);
    const peers: Partial<Record<PeerName, Timing>> = {};
    if (ctx.peers.has("plain-js")) {
      const a = src.data as Float32Array;
      const b = new Float32Array(size);
      peers["plain-js"] = measure(() => {
        plainCopy(b, a);
      }, ctx.budget);
    }
    for (const { peer } of torch) {
      const timing = taskTiming(ctx, py, `copy-${peer}`);
      if (timing !== undefined) peers[peer] = timing;
    }
    results.push(timedResult({
      section: "optim",
      name: "copy-10M",
      unit: "GB/s",
      higherIsBetter: true,
      rate: perNanosecond(COPY_BYTES * size),
      descent,
      peers,
      note: `${COPY_BYTES} bytes per element; descent is Tensor.copyFrom, plain-js a for loop, torch Tensor.copy_`,
    }));
    return results;
  },
};
