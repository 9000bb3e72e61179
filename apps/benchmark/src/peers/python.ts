import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TimingBudget } from "../harness";

/** The interpreter the peers run in: the system Python, where Debian's torch and scipy live. */
export const PYTHON = process.env.DESCENT_BENCH_PYTHON ?? "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("../../python/peer.py", import.meta.url));

/** What `peer.py probe` found importable (null: absent, with the import error beside it). */
export interface PythonProbe {
  python: string;
  numpy: string | null;
  torch: string | null;
  scipy: string | null;
  [key: string]: string | null;
}

export interface PythonTask {
  id: string;
  kind: string;
  [key: string]: unknown;
}

export interface PythonRun {
  results: Record<string, unknown>;
  errors: Record<string, string>;
}

let probed: Promise<PythonProbe | string> | null = null;

/** Runs the probe once per process; resolves to the reason when Python itself cannot run. */
export function probePython(): Promise<PythonProbe | string> {
  probed ??= (async () => {
    if (!existsSync(PYTHON)) return `${PYTHON} not found`;
    try {
      return JSON.parse(await runScript(["probe"], "")) as PythonProbe;
    } catch (error) {
      return `${PYTHON} ${SCRIPT} probe failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  })();
  return probed;
}

/** Why a peer is unavailable ("torch" needs torch, "scipy" needs scipy and numpy), or null when it can run. */
export async function pythonUnavailable(module: "torch" | "scipy"): Promise<string | null> {
  const probe = await probePython();
  if (typeof probe === "string") return probe;
  if (probe[module] === null) return `${PYTHON} cannot import ${module}: ${probe[`${module}_error`] ?? "unknown error"}`;
  if (probe.numpy === null) return `${PYTHON} cannot import numpy`;
  return null;
}

/** Sends tasks to one `peer.py run` process; a task that fails comes back in `errors`, not as a throw. */
export async function runPython(tasks: readonly PythonTask[], budget: TimingBudget): Promise<PythonRun> {
  if (tasks.length === 0) return { results: {}, errors: {} };
  const out = await runScript(["run"], JSON.stringify({ budget, tasks }));
  return JSON.parse(out) as PythonRun;
}

function runScript(args: readonly string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // One thread unless a task asks for more (torch.set_num_threads per task).
    const child = spawn(PYTHON, [SCRIPT, ...args], { env: { ...process.env, OMP_NUM_THREADS: "2" }, stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString("utf8"));
      else reject(new Error(`exit code ${code}: ${Buffer.concat(stderr).toString("utf8").trim().split("\n").slice(-3).join(" | ")}`));
    });
    child.stdin.end(input);
  });
}
