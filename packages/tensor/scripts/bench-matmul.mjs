// One-off matmul benchmark (not a test): GFLOP/s of each backend on n×n·n×n products, all measured
// in the same process and interleaved, so that a busy machine slows them alike.
//   pnpm exec tsx scripts/bench-matmul.mjs                        (plain SIMD)
//   node --experimental-wasm-relaxed-simd --import tsx scripts/bench-matmul.mjs   (adds relaxed SIMD)
// Options: --sizes=128,512,1024  --dtype=float32|float64  --seconds=S (time budget per size and backend)
/* global performance */
import { Generator, getBackendSupport, setBackend, setFloat32MatmulPrecision, setNumThreads } from "../src/index.ts";
import { loadRuntime } from "../src/wasm/runtime.ts";
import { waitForWorkers } from "../src/wasm/thread-pool.ts";

const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const sizes = option("sizes", "128,512,1024").split(",").map(Number);
const dtype = option("dtype", "float32");
const seconds = Number(option("seconds", "2"));
const support = getBackendSupport();

const configs = [{ label: "TS kernel", backend: "js", precision: "highest", threads: 1 }];
for (const variant of support.relaxedSimd ? ["wasm-simd", "wasm-relaxed-simd"] : ["wasm-simd"]) {
  if (dtype === "float32") configs.push({ label: `${variant} f64-acc`, backend: variant, precision: "highest", threads: 1 });
  configs.push({ label: `${variant}`, backend: variant, precision: "high", threads: 1 });
  if (support.threads) configs.push({ label: `${variant} 2 threads`, backend: variant, precision: "high", threads: 2 });
}

function activate(config) {
  setBackend(config.backend);
  setFloat32MatmulPrecision(config.precision);
  setNumThreads(config.threads);
  if (config.threads > 1) waitForWorkers(loadRuntime(config.backend.slice(5)), 30_000);
}

const generator = new Generator(1);
console.log(`matmul ${dtype}, GFLOP/s of the best wall-clock run (and per CPU-second), support ${JSON.stringify(support)}`);
console.log(["n", ...configs.map((c) => c.label)].join(" | "));
for (const n of sizes) {
  const a = generator.normal([n, n], 0, 1, { dtype });
  const b = generator.normal([n, n], 0, 1, { dtype });
  const flops = 2 * n ** 3;
  const best = configs.map(() => Infinity);
  const bestCpu = configs.map(() => Infinity);
  const spent = configs.map(() => 0);
  // Round-robin until each backend has had its time budget (or 200 runs).
  for (let round = 0; round < 200 && spent.some((s) => s < seconds * 1000); round++) {
    configs.forEach((config, i) => {
      if (spent[i] >= seconds * 1000) return;
      activate(config);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      a.matmul(b);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      spent[i] += ms;
      best[i] = Math.min(best[i], ms);
      bestCpu[i] = Math.min(bestCpu[i], (cpu.user + cpu.system) / 1000);
    });
  }
  console.log([n, ...best.map((ms) => (flops / ms / 1e6).toFixed(1))].join(" | "));
  // Per CPU-second (all threads' CPU time): insensitive to other jobs taking the cores, but counts every thread's work.
  console.log([`${n} (per CPU s)`, ...bestCpu.map((ms) => (flops / ms / 1e6).toFixed(1))].join(" | "));
}
