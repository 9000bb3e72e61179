/**
 * Worker threads over the shared wasm memory. A job (one kernel export, see control-block.ts) is
 * cut into chunks; the calling thread publishes it in the control block, wakes the workers, then
 * claims and runs chunks itself alongside them. Nothing ever waits for a worker that has not
 * claimed work: a worker still starting (or one that failed to start) simply takes no chunks, and
 * the caller does them. The caller blocks only for chunks a worker is running. Workers are
 * unref'd: they never keep a Node process alive.
 */
import type { ChunkExport } from "./control-block";
import {
  ARGS_BYTE_OFFSET, CHUNK_EXPORTS, CLAIM_BYTE_OFFSET, FIELD, INT32_FIELDS, MAX_ARGS, MODE_ELEMENTS, MODE_RANGE,
} from "./control-block";
import type { HostWorker } from "./host";
import { hardwareConcurrency, isNode, nodeWorkerThreads, sharedMemorySupported, startBrowserWorker } from "./host";
import type { WasmRuntime } from "./runtime";
import { BROWSER_WORKER_SOURCE, CHUNK_LAYOUT, NODE_WORKER_SOURCE, runChunk } from "./worker-source";

/** One call of a kernel export over a range (rows of C, panels of B) or over elements, cut into chunks. */
export type Job = RangeJob | ElementsJob;

interface JobBase {
  export: ChunkExport;
  /** The export's arguments (addresses in bytes; booleans as 0 or 1). */
  args: number[];
  /** Rows or elements per chunk, and in all. */
  chunk: number;
  extent: number;
}

/**
 * A chunk is [i0, i1), passed as arguments rangeArg and rangeArg + 1 (gemmRows: rows of C; packB:
 * columns of B). With a scratch argument, thread s works in scratch + s·scratchStride.
 */
export interface RangeJob extends JobBase {
  mode: "range";
  rangeArg: number;
  scratch?: { arg: number; stride: number };
}

/** A chunk is a range of elements: the arguments named in `pointers` move to its start, `length` becomes its size. */
export interface ElementsJob extends JobBase {
  mode: "elements";
  pointers: number[];
  length: number;
  elementBytes: number;
}

/** Called on the calling thread once chunk rows/elements [i0, i1) are final (each exactly once). */
export type ChunkFinished = (i0: number, i1: number) => void;

interface Pool {
  workers: HostWorker[];
  generation: number;
  ctl: Int32Array;
  claim: BigInt64Array;
  args: Float64Array;
  /** Atomics.wait is allowed on this thread (not on a browser's main thread). */
  canBlock: boolean;
  /** One int32 per chunk (a block of the runtime's memory) where workers mark the chunks they finish. */
  flags: { at: number; capacity: number };
}

/** How long the calling thread polls for a worker's chunk to finish before it sleeps (ms). */
const CALLER_SPIN_MS = 2;
/** A job with no progress for this long is abandoned: the pool is dropped and the caller redoes the work. */
const STALL_MS = 60_000;
/** Element-wise work below this many elements stays on the calling thread: waking a worker costs more. */
export const PARALLEL_MIN_ELEMENTS = 1 << 17;
/** Elements per chunk of element-wise work (a multiple of every SIMD width). */
const ELEMENT_CHUNK = 1 << 14;

let requestedThreads: number | undefined;
const pools = new Map<WasmRuntime, Pool>();

/** Worker threads and shared memory exist here (Node's worker_threads, or Workers in a cross-origin-isolated page). */
export function threadsSupported(): boolean {
  if (!sharedMemorySupported()) return false;
  if (isNode()) return nodeWorkerThreads() !== undefined;
  return typeof (globalThis as { Worker?: unknown }).Worker === "function";
}

/** Threads the kernels use, the calling thread included: min(2, cores) by default, 1 where threads are unsupported. */
export function getNumThreads(): number {
  if (!threadsSupported()) return 1;
  return requestedThreads ?? Math.max(1, Math.min(2, hardwareConcurrency()));
}

/**
 * Sets the thread count (a positive integer; ignored where threads are unsupported). Missing
 * workers start on the next large job; surplus ones stay, idle, for when the count goes back up.
 */
export function setThreadCount(threads: number): void {
  requestedThreads = threads;
}

/** What the calling thread does besides its share of a job's chunks. */
export interface JobHooks {
  /**
   * Hands each chunk to the caller as soon as it is final, so the caller can copy it out while
   * workers still compute: its own chunks right after it runs them, the workers' whenever it finds
   * them marked done.
   */
  finished?: ChunkFinished | undefined;
  /** Work of the caller's own that the job does not touch, done while the workers start on the chunks (before the job, on one thread). */
  alongside?: (() => void) | undefined;
}

/** Runs the job on `threads` threads (the calling one included) and returns when it is done. */
export function runJob(runtime: WasmRuntime, job: Job, threads: number, { finished = () => undefined, alongside = () => undefined }: JobHooks = {}): void {
  const total = Math.ceil(job.extent / job.chunk);
  const pool = threads > 1 && total > 1 && runtime.shared ? poolFor(runtime, threads) : undefined;
  if (pool === undefined || !reserveFlags(runtime, pool, total)) {
    alongside();
    runWhole(runtime, job);
    finished(0, job.extent);
    return;
  }
  const seq = publish(pool, job, threads, total);
  alongside();
  const chunks = new ChunkHandOff(runtime, pool, job, seq, total, finished);
  claimAndRun(runtime, pool, seq, chunks);
  if (!chunks.drain(pool) || Atomics.load(pool.ctl, FIELD.error) !== 0) {
    // A worker failed or hung: stop using this pool and run here every chunk not known to be done
    // (not run here, not marked by a worker: a worker marks a chunk only once it has run it whole).
    retire(runtime, pool);
    chunks.runRest(runtime, pool);
  }
}

/** True when runElements would split `n` elements across threads of this runtime. */
export function threadsTake(runtime: WasmRuntime, n: number): boolean {
  return n >= PARALLEL_MIN_ELEMENTS && runtime.shared && getNumThreads() > 1;
}

/**
 * Calls an element-wise export (`args[length]` elements; the arguments at `pointers` are array
 * addresses): on the worker threads, in chunks, when there are enough elements and threads are
 * on, else in one call here. Every element is computed the same way whichever thread takes it,
 * so the result does not depend on the thread count. `alongside` (JobHooks) runs on this thread
 * while the workers start, or first when there are none.
 */
export function runElements(
  runtime: WasmRuntime, name: ChunkExport, args: number[], pointers: number[], length: number, elementBytes: number, alongside?: () => void,
): void {
  const n = args[length];
  if (threadsTake(runtime, n)) {
    runJob(runtime, { mode: "elements", export: name, args, pointers, length, elementBytes, chunk: ELEMENT_CHUNK, extent: n }, getNumThreads(), { alongside });
  } else {
    alongside?.();
    (runtime.exports[name] as (...values: number[]) => void)(...args);
  }
}

/** Writes the job into the control block and wakes the workers; returns its sequence number. */
function publish(pool: Pool, job: Job, threads: number, total: number): number {
  const { ctl, claim, args } = pool;
  if (job.args.length > MAX_ARGS) throw new Error(`runJob: ${job.export} has ${job.args.length} arguments, more than ${MAX_ARGS}`);
  const seq = (Atomics.load(ctl, FIELD.seq) + 1) & 0x3fffffff;
  // The claim word first: a worker still in the last job's loop then sees a new tag and stops,
  // and cannot claim a chunk of this job under the old one while the fields below change.
  Atomics.store(claim, 0, BigInt(seq) << 32n);
  ctl[FIELD.kind] = CHUNK_EXPORTS.indexOf(job.export);
  ctl[FIELD.argc] = job.args.length;
  job.args.forEach((value, i) => (args[i] = value));
  ctl[FIELD.chunk] = job.chunk;
  ctl[FIELD.extent] = job.extent;
  ctl[FIELD.flags] = pool.flags.at;
  if (job.mode === "range") {
    ctl[FIELD.mode] = MODE_RANGE;
    ctl[FIELD.rangeArg] = job.rangeArg;
    ctl[FIELD.scratchArg] = job.scratch?.arg ?? -1;
    ctl[FIELD.scratchStride] = job.scratch?.stride ?? 0;
  } else {
    ctl[FIELD.mode] = MODE_ELEMENTS;
    ctl[FIELD.pointerMask] = job.pointers.reduce((mask, i) => mask | (1 << i), 0);
    ctl[FIELD.lengthArg] = job.length;
    ctl[FIELD.elementBytes] = job.elementBytes;
  }
  ctl[FIELD.participants] = threads;
  Atomics.store(ctl, FIELD.done, 0);
  Atomics.store(ctl, FIELD.error, 0);
  Atomics.store(ctl, FIELD.total, total);
  Atomics.store(ctl, FIELD.seq, seq);
  Atomics.notify(ctl, FIELD.seq);
  return seq;
}

/** The whole job in one call on the calling thread. */
function runWhole(runtime: WasmRuntime, job: Job): void {
  const args = job.args.slice();
  if (job.mode === "range") {
    args[job.rangeArg] = 0;
    args[job.rangeArg + 1] = job.extent;
  }
  (runtime.exports[job.export] as (...values: number[]) => void)(...args);
}

/** Makes the pool's flags hold `total` chunks; false when the memory cannot grow that far. */
function reserveFlags(runtime: WasmRuntime, pool: Pool, total: number): boolean {
  if (total <= pool.flags.capacity) return true;
  const at = runtime.allocator.allocate(4 * total);
  if (at === null) return false;
  if (pool.flags.capacity > 0) runtime.allocator.release(pool.flags.at);
  pool.flags = { at, capacity: total };
  return true;
}

/** Which chunks of a job the caller has handed on, and the workers' done marks to find the rest by. */
class ChunkHandOff {
  private readonly handed: boolean[];
  /** The job's flags (the memory does not grow while a job runs, so this view stays valid). */
  private readonly marks: Int32Array;
  private count = 0;
  private next = 0;

  constructor(
    runtime: WasmRuntime, pool: Pool, private readonly job: Job, private readonly seq: number,
    private readonly total: number, private readonly finished: ChunkFinished,
  ) {
    this.handed = new Array<boolean>(total).fill(false);
    this.marks = new Int32Array(runtime.memory.buffer, pool.flags.at, total);
  }

  /** Hands on chunk `index` (once). */
  hand(index: number): void {
    if (this.handed[index]) return;
    this.handed[index] = true;
    this.count++;
    const i0 = index * this.job.chunk;
    this.finished(i0, Math.min(this.job.extent, i0 + this.job.chunk));
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
      // a worker's chunk usually ends within a chunk's time: poll that long before sleeping
      const until = performance.now() + CALLER_SPIN_MS;
      while (Atomics.load(ctl, FIELD.done) === done && performance.now() < until);
      if (pool.canBlock && Atomics.load(ctl, FIELD.done) === done) Atomics.wait(ctl, FIELD.done, done, 100);
      if (Atomics.load(ctl, FIELD.done) !== done) lastProgress = Date.now();
      else if (Date.now() - lastProgress > STALL_MS) return false;
    }
  }

  /** Runs here, and hands on, every chunk neither run here nor marked done by a worker. */
  runRest(runtime: WasmRuntime, pool: Pool): void {
    this.handMarked();
    for (let i = 0; i < this.total; i++) {
      if (this.handed[i]) continue;
      runChunk(CHUNK_LAYOUT, runtime.exports as unknown as Record<string, unknown>, pool.ctl, pool.args, 0, i);
      this.hand(i);
    }
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
 * The worker script's loop (worker-source.ts) on the calling thread: claim a chunk by
 * compare-and-swap, run it, count it done; then hand it on, with any chunks the workers have
 * finished meanwhile.
 */
function claimAndRun(runtime: WasmRuntime, pool: Pool, seq: number, chunks: ChunkHandOff): void {
  const { ctl, claim, args } = pool;
  const tag = BigInt(seq);
  const total = Atomics.load(ctl, FIELD.total);
  for (;;) {
    const current = Atomics.load(claim, 0);
    if (current >> 32n !== tag) return;
    const index = Number(current & 0xffffffffn);
    if (index >= total) return;
    if (Atomics.compareExchange(claim, 0, current, current + 1n) !== current) continue;
    runChunk(CHUNK_LAYOUT, runtime.exports as unknown as Record<string, unknown>, ctl, args, 0, index);
    Atomics.add(ctl, FIELD.done, 1);
    chunks.hand(index);
    chunks.handMarked();
  }
}

/** The runtime's pool with at least threads − 1 workers started (fewer if a host refuses more), or undefined without any. */
function poolFor(runtime: WasmRuntime, threads: number): Pool | undefined {
  let pool = pools.get(runtime);
  if (pool === undefined) {
    const buffer = runtime.memory.buffer;
    const ctl = new Int32Array(buffer, runtime.control, INT32_FIELDS);
    const claim = new BigInt64Array(buffer, runtime.control + CLAIM_BYTE_OFFSET, 1);
    const args = new Float64Array(buffer, runtime.control + ARGS_BYTE_OFFSET, MAX_ARGS);
    const generation = (Atomics.load(ctl, FIELD.generation) + 1) & 0x3fffffff;
    Atomics.store(ctl, FIELD.ready, 0);
    Atomics.store(ctl, FIELD.workerChunks, 0);
    Atomics.store(ctl, FIELD.generation, generation);
    pool = { workers: [], generation, ctl, claim, args, canBlock: canBlock(ctl), flags: { at: 0, capacity: 0 } };
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
