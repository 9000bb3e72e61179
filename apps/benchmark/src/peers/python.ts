import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
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

interface Worker {
  child: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  waiting: ((line: string | Error) => void) | null;
}

let worker: Worker | null = null;

/**
 * A `peer.py serve` process kept for the whole benchmark, so that torch is imported once: one
 * JSON request per line in, one answer per line out. Sections run one after another, so at most
 * one request is in flight.
 */
function startWorker(): Worker {
  const child = spawn(PYTHON, [SCRIPT, "serve"], { env: pythonEnv(), stdio: ["pipe", "pipe", "pipe"] });
  const w: Worker = { child, stdout: "", stderr: "", waiting: null };
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    w.stdout += chunk;
    const end = w.stdout.indexOf("\n");
    if (end >= 0 && w.waiting !== null) {
      const line = w.stdout.slice(0, end);
      w.stdout = w.stdout.slice(end + 1);
      const done = w.waiting;
      w.waiting = null;
      done(line);
    }
  });
  child.stderr.on("data", (chunk: string) => {
    w.stderr = (w.stderr + chunk).slice(-4000);
  });
  const fail = (reason: string): void => {
    if (worker === w) worker = null;
    const done = w.waiting;
    w.waiting = null;
    done?.(new Error(`${reason}: ${w.stderr.trim().split("\n").slice(-3).join(" | ")}`));
  };
  child.on("error", (error) => {
    fail(error.message);
  });
  child.on("close", (code) => {
    fail(`peer.py exited with code ${code}`);
  });
  return w;
}

/** Sends tasks to the peer.py worker; a task that fails comes back in `errors`, not as a throw. */
export async function runPython(tasks: readonly PythonTask[], budget: TimingBudget): Promise<PythonRun> {
  if (tasks.length === 0) return { results: {}, errors: {} };
  worker ??= startWorker();
  const w = worker;
  const answer = await new Promise<string | Error>((resolve) => {
    w.waiting = resolve;
    w.child.stdin.write(JSON.stringify({ budget, tasks }) + "\n");
  });
  if (answer instanceof Error) throw answer;
  return JSON.parse(answer) as PythonRun;
}

/** Ends the worker (closing its stdin ends peer.py's loop); the process can then exit. */
export function closePython(): void {
  worker?.child.stdin.end();
  worker = null;
}

/** torch picks its threads per task (torch.set_num_threads); OpenMP may use both cores. */
function pythonEnv(): NodeJS.ProcessEnv {
  return { ...process.env, OMP_NUM_THREADS: "2" };
}

function runScript(args: readonly string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [SCRIPT, ...args], { env: pythonEnv(), stdio: ["pipe", "pipe", "pipe"] });
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
