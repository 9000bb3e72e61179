import { createRequire } from "node:module";
import path from "node:path";
import type * as TfCore from "@tensorflow/tfjs-core";

export type Tf = typeof TfCore;
export type TfjsPeerName = "tfjs-cpu" | "tfjs-wasm";

/** TensorFlow.js loaded in this process, with the backends that started. */
export interface Tfjs {
  tf: Tf;
  version: string;
  available: TfjsPeerName[];
  /** Why a backend is not available. */
  skipped: { peer: TfjsPeerName; reason: string }[];
  /** Makes `peer` the active backend (awaits its initialization). */
  use(peer: TfjsPeerName): Promise<void>;
}

const backendOf: Record<TfjsPeerName, string> = { "tfjs-cpu": "cpu", "tfjs-wasm": "wasm" };

let loaded: Promise<Tfjs | string> | null = null;

/**
 * Loads TF.js (core, CPU and WASM backends) once. The Node builds are CommonJS, so they are
 * required; the WASM binaries are read from the package's own dist folder (no network). The
 * WASM backend runs single-threaded in Node: its threaded build needs a browser's workers.
 * Resolves to a reason string when TF.js itself cannot be loaded.
 */
export function loadTfjs(): Promise<Tfjs | string> {
  loaded ??= load();
  return loaded;
}

/**
 * tfjs-core's Node bundle has no gradients: the union package @tensorflow/tfjs registers them by
 * importing `dist/register_all_gradients`, an ES module with extensionless imports. tsx's loader
 * (how `pnpm bench` runs) requires it as is; under Vitest, which leaves `require` to Node, a
 * dynamic import that Vite resolves does it (the app's vitest.config.ts inlines tfjs-core). The
 * registry lives on a global, so gradients registered by either copy serve the required one.
 * Returns null on success, else the reason.
 */
async function registerGradients(require: NodeJS.Require): Promise<string | null> {
  try {
    require("@tensorflow/tfjs-core/dist/register_all_gradients");
    return null;
  } catch (requireError) {
    try {
      await import("@tensorflow/tfjs-core/dist/register_all_gradients.js");
      return null;
    } catch (importError) {
      return `cannot register TF.js gradients: ${String(requireError)}; ${String(importError)}`;
    }
  }
}

async function load(): Promise<Tfjs | string> {
  const require = createRequire(import.meta.url);
  let tf: Tf;
  try {
    tf = require("@tensorflow/tfjs-core") as Tf;
    require("@tensorflow/tfjs-backend-cpu");
  } catch (error) {
    return `cannot load @tensorflow/tfjs-core: ${String(error)}`;
  }
  const gradients = await registerGradients(require);
  if (gradients !== null) return gradients;
  const available: TfjsPeerName[] = [];
  const skipped: { peer: TfjsPeerName; reason: string }[] = [];
  if (await tf.setBackend("cpu")) {
    available.push("tfjs-cpu");
    // The CPU backend prints, on first use, advice to install tfjs-node; the comparison here is
    // with its JavaScript and WASM backends, so the banner would only clutter the tables.
    const cpu = tf.findBackend("cpu") as { firstUse?: boolean } | null;
    if (cpu !== null && "firstUse" in cpu) cpu.firstUse = false;
  } else skipped.push({ peer: "tfjs-cpu", reason: "the cpu backend did not start" });
  try {
    const wasm = require("@tensorflow/tfjs-backend-wasm") as { setWasmPaths(prefix: string): void };
    wasm.setWasmPaths(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")) + "/dist/");
    if (await tf.setBackend("wasm")) available.push("tfjs-wasm");
    else skipped.push({ peer: "tfjs-wasm", reason: "the wasm backend did not start" });
  } catch (error) {
    skipped.push({ peer: "tfjs-wasm", reason: `cannot load @tensorflow/tfjs-backend-wasm: ${String(error)}` });
  }
  return {
    tf,
    version: tf.version_core,
    available,
    skipped,
    async use(peer) {
      if (!(await tf.setBackend(backendOf[peer]))) throw new Error(`TF.js backend ${backendOf[peer]} did not start`);
      await tf.ready();
    },
  };
}
