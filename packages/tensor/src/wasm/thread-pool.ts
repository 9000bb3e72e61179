/**
 * Worker threads over the shared wasm memory. A job's rows of C are cut into chunks; the calling
 * thread publishes the job in the control block, wakes the workers, then claims and runs chunks
 * itself alongside them. Nothing ever waits for a worker that has not claimed work: a worker
 * still starting (or one that failed to start) simply takes no chunks, and the caller does them.
 * The caller blocks only for chunks a worker is running. Workers are unref'd: they never keep a
 * Node process alive.
 */
import { CLAIM_BYTE_OFFSET, FIELD, INT32_FIELDS, KIND_F32 } from "./control-block";
import type { HostWorker } from "./host";
import { hardwareConcurrency, isNode, nodeWorkerThreads, sharedMemorySupported, startBrowserWorker } from "./host";
import type { WasmRuntime } from "./runtime";
import { BROWSER_WORKER_SOURCE, NODE_WORKER_SOURCE } from "./worker-source";

/** Rows [0, mpad) of C = A·B by gemmRowsF32/F64, in chunks of chunkRows rows. Addresses in bytes. */
export interface RowJob {
  kind: number;
  a: number;
  ars: number;
  acs: number;
  m: number;
  k: number;
  pb: number;
  c: number;
  ldc: number;
  mpad: number;
  /** Scratch of participant s (0 = the calling thread) at scratch + s·scratchStride. */
  scratch: number;
  scratchStride: number;
  chunkRows: number;
  /** Byte address of one int32 per chunk, where workers mark the chunks they finish. */
  flags: number;
}

/** Called on the calling thread once rows [i0, i1) of C are final (each row exactly once). */
export type RowsFinished = (i0: number, i1: number) => void;

interface Pool {
  workers: HostWorker[];
  generation: number;
  ctl: Int32Array;
  claim: BigInt64Array;
  /** Atomics.wait is allowed on this thread (not on a browser's main thread). */
  canBlock: boolean;
}

/** A job with no progress for this long is abandoned: the pool is dropped and the caller redoes the rows. */
const STALL_MS = 60_000;

let requestedThreads: number | undefined;
const pools = new Map<WasmRuntime, Pool>();

/** Worker threads and shared memory exist here (Node's worker_threads, or Workers in a cross-origin-isolated page). */
export function threadsSupported(): boolean {
  if (!sharedMemorySupported()) return false;
  if (isNode()) return nodeWorkerThreads() !== undefined;
  return typeof (globalThis as { Worker?: unknown }).Worker === "function";
}

/** Threads the matmul kernels use, the calling thread included: min(2, cores) by default, 1 where threads are unsupported. */
export function getNumThreads(): number {
  if (!threadsSupported()) return 1;
  return requestedThreads ?? Math.max(1, Math.min(2, hardwareConcurrency()));
}

/**
 * Sets the thread count (a positive integer; ignored where threads are unsupported). Missing
 * workers start on the next large product; surplus ones stay, idle, for when the count goes back up.
 */
export function setThreadCount(threads: number): void {
  requestedThreads = threads;
}

/**
 * Runs the job on `threads` threads (the calling one included) and returns when every row is
 * done. `finished` hands each chunk's rows to the caller as soon as they are final, so the caller
 * can copy them out while workers still compute: its own chunks right after it runs them, the
 * workers' whenever it finds them marked done.
 */
export function runRows(runtime: WasmRuntime, job: RowJob, threads: number, finished: RowsFinished): void {
  const total = Math.ceil(job.mpad / job.chunkRows);
  const pool = threads > 1 && total > 1 && runtime.shared ? poolFor(runtime, threads) : undefined;
  if (pool === undefined) {
    runDirect(runtime, job, 0, job.mpad, job.scratch);
    finished(0, job.mpad);
    return;
  }
  const { ctl, claim } = pool;
  ctl[FIELD.kind] = job.kind;
  ctl[FIELD.a] = job.a;
  ctl[FIELD.ars] = job.ars;
  ctl[FIELD.acs] = job.acs;
  ctl[FIELD.m] = job.m;
  ctl[FIELD.k] = job.k;
  ctl[FIELD.pb] = job.pb;
  ctl[FIELD.c] = job.c;
  ctl[FIELD.ldc] = job.ldc;
  ctl[FIELD.mpad] = job.mpad;
  ctl[FIELD.scratch] = job.scratch;
  ctl[FIELD.scratchStride] = job.scratchStride;
  ctl[FIELD.chunkRows] = job.chunkRows;
  ctl[FIELD.flags] = job.flags;
  ctl[FIELD.participants] = threads;
  Atomics.store(ctl, FIELD.done, 0);
  Atomics.store(ctl, FIELD.error, 0);
  Atomics.store(ctl, FIELD.total, total);
  const seq = (Atomics.load(ctl, FIELD.seq) + 1) & 0x3fffffff;
  Atomics.store(claim, 0, BigInt(seq) << 32n);
  Atomics.store(ctl, FIELD.seq, seq);
  Atomics.notify(ctl, FIELD.seq);
  const chunks = new ChunkHandOff(runtime, job, seq, total, finished);
  claimAndRun(runtime, job, pool, seq, chunks);
  if (!chunks.drain(pool) || Atomics.load(ctl, FIELD.error) !== 0) {
    // A worker failed or hung: stop using this pool and do every row here (C is overwritten, not accumulated).
    retire(runtime, pool);
    runDirect(runtime, job, 0, job.mpad, job.scratch);
    chunks.finishRest();
  }
}

/** Which chunks of a job the caller has handed on, and the workers' done marks to find the rest by. */
class ChunkHandOff {
  private readonly handed: boolean[];
  /** The job's flags (the memory does not grow while a job runs, so this view stays valid). */
  private readonly marks: Int32Array;
  private count = 0;
  private next = 0;

  constructor(
    runtime: WasmRuntime, private readonly job: RowJob, private readonly seq: number,
    private readonly total: number, private readonly finished: RowsFinished,
  ) {
    this.handed = new Array<boolean>(total).fill(false);
    this.marks = new Int32Array(runtime.memory.buffer, job.flags, total);
  }

  /** Hands on chunk `index` (once). */
  hand(index: number): void {
    if (this.handed[index]) return;
    this.handed[index] = true;
    this.count++;
    const i0 = index * this.job.chunkRows;
    this.finished(i0, Math.min(this.job.mpad, i0 + this.job.chunkRows));
  }

  /** Hands on every chunk a worker has marked done so far. */
  handMarked(): void {
    for (let i = this.next; i < this.total; i++) {
      if (!this.handed[i] && Atomics.load(this.marks, i) === this.seq) this.hand(i);
    }
    while (this.next < this.total && this.handed[this.next]) this.next++;
  }

  /** Hands on the workers' chunks as they finish; false if the job stalls (no chunk finished for STALL_MS). */
  drain(pool: Pool): boolean {
    const { ctl } = pool;
    let lastProgress = Date.now();
    for (;;) {
      const done = Atomics.load(ctl, FIELD.done);
      this.handMarked();
      if (this.count === this.total) return true;
      if (pool.canBlock) Atomics.wait(ctl, FIELD.done, done, 100);
      if (Atomics.load(ctl, FIELD.done) !== done) lastProgress = Date.now();
      else if (Date.now() - lastProgress > STALL_MS) return false;
    }
  }

  /** Hands on every chunk not handed on yet (after the caller has redone all rows itself). */
  finishRest(): void {
    for (let i = 0; i < this.total; i++) this.hand(i);
  }
}

/** Waits (up to timeoutMs) until every worker of the runtime's pool has started; for tests and benchmarks. */
export function waitForWorkers(runtime: WasmRuntime, timeoutMs: number): boolean {
  const threads = getNumThreads();
  if (!runtime.shared || threads <= 1) return false;
  const pool = poolFor(runtime, threads);
  if (pool === undefined) return false;
  const deadline = Date.now() + timeoutMs;
  for (let ready = Atomics.load(pool.ctl, FIELD.ready); ready < threads - 1; ready = Atomics.load(pool.ctl, FIELD.ready)) {
    if (Date.now() > deadline) return false;
    if (pool.canBlock) Atomics.wait(pool.ctl, FIELD.ready, ready, 10);
  }
  return true;
}

/** Chunks the runtime's current workers have run (0 without a pool); for tests. */
export function workerChunkCount(runtime: WasmRuntime): number {
  const pool = pools.get(runtime);
  return pool === undefined ? 0 : Atomics.load(pool.ctl, FIELD.workerChunks);
}

/**
 * Mirrors the worker script's loop (worker-source.ts): claim a chunk by compare-and-swap, run it,
 * count it done; then hand it on, with any chunks the workers have finished meanwhile.
 */
function claimAndRun(runtime: WasmRuntime, job: RowJob, pool: Pool, seq: number, chunks: ChunkHandOff): void {
  const { ctl, claim } = pool;
  const tag = BigInt(seq);
  const total = Atomics.load(ctl, FIELD.total);
  for (;;) {
    const current = Atomics.load(claim, 0);
    if (current >> 32n !== tag) return;
    const index = Number(current & 0xffffffffn);
    if (index >= total) return;
    if (Atomics.compareExchange(claim, 0, current, current + 1n) !== current) continue;
    const i0 = index * job.chunkRows;
    runDirect(runtime, job, i0, Math.min(job.mpad, i0 + job.chunkRows), job.scratch);
    Atomics.add(ctl, FIELD.done, 1);
    chunks.hand(index);
    chunks.handMarked();
  }
}

function runDirect(runtime: WasmRuntime, job: RowJob, i0: number, i1: number, scratch: number): void {
  const gemmRows = job.kind === KIND_F32 ? runtime.exports.gemmRowsF32 : runtime.exports.gemmRowsF64;
  gemmRows(job.a, job.ars, job.acs, job.m, job.k, job.pb, job.c, job.ldc, i0, i1, scratch);
}

/** The runtime's pool with at least threads − 1 workers started (fewer if a host refuses more), or undefined without any. */
function poolFor(runtime: WasmRuntime, threads: number): Pool | undefined {
  let pool = pools.get(runtime);
  if (pool === undefined) {
    const buffer = runtime.memory.buffer;
    const ctl = new Int32Array(buffer, runtime.control, INT32_FIELDS);
    const claim = new BigInt64Array(buffer, runtime.control + CLAIM_BYTE_OFFSET, 1);
    const generation = (Atomics.load(ctl, FIELD.generation) + 1) & 0x3fffffff;
    Atomics.store(ctl, FIELD.ready, 0);
    Atomics.store(ctl, FIELD.workerChunks, 0);
    Atomics.store(ctl, FIELD.generation, generation);
    pool = { workers: [], generation, ctl, claim, canBlock: canBlock(ctl) };
    pools.set(runtime, pool);
  }
  while (pool.workers.length < threads - 1) {
    const slot = pool.workers.length + 1;
    const worker = startWorker({ module: runtime.module, memory: runtime.memory, control: runtime.control, slot, generation: pool.generation });
    if (worker === undefined) break;
    pool.workers.push(worker);
  }
  return pool.workers.length === 0 ? undefined : pool;
}

/** Tells the pool's workers to exit (they check the generation when woken) and forgets the pool. */
function retire(runtime: WasmRuntime, pool: Pool): void {
  pools.delete(runtime);
  Atomics.add(pool.ctl, FIELD.generation, 1);
  Atomics.add(pool.ctl, FIELD.seq, 1);
  Atomics.notify(pool.ctl, FIELD.seq);
  for (const worker of pool.workers) void worker.terminate();
}

function startWorker(data: { module: unknown; memory: unknown; control: number; slot: number; generation: number }): HostWorker | undefined {
  try {
    const threads = nodeWorkerThreads();
    if (threads !== undefined) {
      const worker = new threads.Worker(NODE_WORKER_SOURCE, { eval: true, workerData: data });
      // A worker that fails never claims a chunk; the calling thread does its share.
      worker.on("error", () => undefined);
      worker.unref?.();
      return worker;
    }
    const worker = startBrowserWorker(BROWSER_WORKER_SOURCE);
    worker?.postMessage?.(data);
    return worker;
  } catch {
    return undefined;
  }
}

function canBlock(ctl: Int32Array): boolean {
  try {
    // Returns "not-equal" at once where waiting is allowed; throws on a browser's main thread.
    Atomics.wait(ctl, FIELD.ready, -1, 0);
    return true;
  } catch {
    return false;
  }
}
