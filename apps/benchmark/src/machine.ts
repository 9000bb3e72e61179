import { createRequire } from "node:module";
import os from "node:os";
import { getBackend } from "@descent/tensor";
import { probePython } from "./peers/python";

/** The machine the figures come from: they mean nothing without it. */
export function machineInfo(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadBefore: loadAverage(),
  };
}

/** The 1-minute load average, two decimals: on a shared machine it says how much the figures can be trusted. */
export function loadAverage(): string {
  return os.loadavg()[0].toFixed(2);
}

const DESCENT_PACKAGES = ["tensor", "autograd", "optim", "schedulers", "init", "layers-batchnorm", "second-order"];

/** Versions of everything measured: descent's packages, TF.js, and the Python peers when present. */
export async function versions(withPython: boolean): Promise<Record<string, string>> {
  const require = createRequire(import.meta.url);
  const out: Record<string, string> = {};
  for (const name of DESCENT_PACKAGES) {
    out[`@descent/${name}`] = (require(`@descent/${name}/package.json`) as { version: string }).version;
  }
  // descent's kernels as configured by default (the benchmark changes nothing): which matmul
  // build, how many threads, which float32 precision, whether the optimizers run the fused wasm
  // updates. Peers' thread counts are in their names.
  const backend = getBackend();
  out["descent kernels"] = `matmul ${backend.matmul} (${backend.threads} thread${backend.threads === 1 ? "" : "s"}, float32 precision ${backend.float32MatmulPrecision}), optimizer updates ${backend.optimizer}, element-wise ${backend.elementwise}`;
  try {
    out["@tensorflow/tfjs-core"] = (require("@tensorflow/tfjs-core/package.json") as { version: string }).version;
  } catch {
    // TF.js absent: the skip lines already say so.
  }
  if (withPython) {
    const probe = await probePython();
    if (typeof probe !== "string") {
      out.python = probe.python;
      for (const key of ["numpy", "torch", "scipy"] as const) {
        const v = probe[key];
        if (v !== null) out[key] = v;
      }
    }
  }
  return out;
}
