// One-off benchmark (not a test): Adam and SGD-momentum steps over 10 M float32 parameters, the wasm
// fused kernels against a plain JavaScript fused loop (the loop of @descent/optim), interleaved in one
// process. GB/s counts the bytes each step must move: Adam reads θ, g, m, v and writes θ, m, v
// (28 bytes per float32 parameter); SGD with momentum reads θ, g, b and writes θ, b (20 bytes).
//   pnpm exec tsx scripts/bench-optimizer.mjs [--n=10000000] [--rounds=8]
/* global performance */
import { adamUpdateWasm, sgdUpdateWasm } from "../src/index.ts";

const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const n = Number(option("n", "10000000"));
const rounds = Number(option("rounds", "8"));

function adamJs(param, grad, m, v, step, lr, beta1, beta2, eps, weightDecay) {
  const stepSize = lr / (1 - beta1 ** step);
  const bc2 = Math.sqrt(1 - beta2 ** step);
  for (let i = 0; i < param.length; i++) {
    const theta = param[i];
    const g = grad[i] + weightDecay * theta;
    const mi = m[i] * beta1 + (1 - beta1) * g;
    const vi = v[i] * beta2 + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    param[i] = theta + (-stepSize * mi) / (Math.sqrt(vi) / bc2 + eps);
  }
}

function sgdJs(param, grad, buf, lr, momentum, dampening, weightDecay) {
  for (let i = 0; i < param.length; i++) {
    const theta = param[i];
    const d = grad[i] + weightDecay * theta;
    const b = buf[i] * momentum + (1 - dampening) * d;
    buf[i] = b;
    param[i] = theta + -lr * b;
  }
}

const fill = (a) => {
  for (let i = 0; i < a.length; i++) a[i] = Math.sin(i) * 0.5;
  return a;
};
const param = fill(new Float32Array(n)), grad = fill(new Float32Array(n));
const m = new Float32Array(n), v = new Float32Array(n), buf = new Float32Array(n);
const runs = {
  "Adam, JS loop": () => adamJs(param, grad, m, v, 3, 1e-3, 0.9, 0.999, 1e-8, 0),
  "Adam, wasm": () => adamUpdateWasm(param, grad, m, v, { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, step: 3 }),
  "SGD momentum, JS loop": () => sgdJs(param, grad, buf, 1e-3, 0.9, 0, 0),
  "SGD momentum, wasm": () =>
    sgdUpdateWasm(param, grad, buf, { lr: 1e-3, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false, firstStep: false }),
};
const bytes = { "Adam, JS loop": 28, "Adam, wasm": 28, "SGD momentum, JS loop": 20, "SGD momentum, wasm": 20 };
const best = Object.fromEntries(Object.keys(runs).map((k) => [k, Infinity]));
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of Object.entries(runs)) {
    const t0 = performance.now();
    run();
    best[name] = Math.min(best[name], performance.now() - t0);
  }
}
console.log(`${n} float32 parameters, best of ${rounds}`);
for (const [name, ms] of Object.entries(best)) console.log(`${name}: ${ms.toFixed(1)} ms, ${((bytes[name] * n) / ms / 1e6).toFixed(2)} GB/s`);
