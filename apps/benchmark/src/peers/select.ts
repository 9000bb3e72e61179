import type { BenchContext } from "../context";
import type { Timing } from "../harness";
import { pythonUnavailable, runPython, type PythonRun, type PythonTask } from "./python";
import { loadTfjs, type Tfjs, type TfjsPeerName } from "./tfjs";

export type TorchPeerName = "torch-1t" | "torch-2t";
export interface TorchPeer {
  peer: TorchPeerName;
  threads: number;
}

/** The PyTorch peers asked for and importable: one thread and two threads (torch.set_num_threads). */
export async function torchPeers(ctx: BenchContext): Promise<TorchPeer[]> {
  const wanted = (["torch-1t", "torch-2t"] as const).filter((p) => ctx.peers.has(p));
  if (wanted.length === 0) return [];
  const reason = await pythonUnavailable("torch");
  if (reason !== null) {
    for (const peer of wanted) ctx.skip(peer, reason);
    return [];
  }
  return wanted.map((peer) => ({ peer, threads: peer === "torch-1t" ? 1 : 2 }));
}

/** True when the SciPy peer is asked for and importable. */
export async function scipyPeer(ctx: BenchContext): Promise<boolean> {
  if (!ctx.peers.has("scipy")) return false;
  const reason = await pythonUnavailable("scipy");
  if (reason !== null) ctx.skip("scipy", reason);
  return reason === null;
}

export interface TfjsPeers {
  tfjs: Tfjs;
  peers: TfjsPeerName[];
}

/** TF.js with the backends asked for that started (null when none is wanted or TF.js did not load). */
export async function tfjsPeers(ctx: BenchContext): Promise<TfjsPeers | null> {
  const wanted = (["tfjs-cpu", "tfjs-wasm"] as const).filter((p) => ctx.peers.has(p));
  if (wanted.length === 0) return null;
  const tfjs = await loadTfjs();
  if (typeof tfjs === "string") {
    for (const peer of wanted) ctx.skip(peer, tfjs);
    return null;
  }
  for (const { peer, reason } of tfjs.skipped) if (wanted.includes(peer)) ctx.skip(peer, reason);
  return { tfjs, peers: wanted.filter((p) => tfjs.available.includes(p)) };
}

/** Runs the Python tasks of a section; on a failure of the whole process, every task is missing and the reason logged. */
export async function runPythonTasks(ctx: BenchContext, tasks: PythonTask[]): Promise<PythonRun> {
  if (tasks.length === 0) return { results: {}, errors: {} };
  ctx.log(`  python peers: ${tasks.length} tasks`);
  try {
    return await runPython(tasks, ctx.budget);
  } catch (error) {
    ctx.skip("python peers", error instanceof Error ? error.message : String(error));
    return { results: {}, errors: {} };
  }
}

/**
 * The JSON result of one task, or undefined (logging the task's error when it failed). Callers
 * state its shape, which peer.py's task of that kind returns.
 */
export function taskResult(ctx: BenchContext, run: PythonRun, id: string): unknown {
  if (id in run.errors) ctx.log(`  python task ${id} failed: ${run.errors[id]}`);
  return run.results[id];
}

export function taskTiming(ctx: BenchContext, run: PythonRun, id: string): Timing | undefined {
  return taskResult(ctx, run, id) as Timing | undefined;
}
