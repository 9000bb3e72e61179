/**
 * The worker script, as source text: a worker instantiates the kernel module over the shared
 * memory, then sleeps on the control block's sequence number; when a job is published it claims
 * chunks (compare-and-swap on the claim word tagged with the job's sequence, so a late worker can
 * never take a chunk of a newer job) and runs them until none are left, marking each finished
 * chunk with the job's sequence in the job's flags.
 * `runChunk` is written once, here: the calling thread (thread-pool.ts) calls it and the worker
 * script carries its text, so both run a chunk the same way.
 * Plain JavaScript in a string, so it needs no file next to the bundle: Node starts it with
 * `eval: true`, a browser from a Blob URL.
 */
import { ARGS_BYTE_OFFSET, CHUNK_EXPORTS, CLAIM_BYTE_OFFSET, FIELD, INT32_FIELDS, MAX_ARGS, MODE_RANGE } from "./control-block";

/** How long a worker keeps polling for the next job before it sleeps (ms). */
export const WORKER_SPIN_MS = 2;

/** What runChunk needs to know of the control block, passed in so the function stands alone. */
export const CHUNK_LAYOUT = { F: FIELD, names: CHUNK_EXPORTS, rangeMode: MODE_RANGE };

interface ChunkExports {
  [name: string]: unknown;
}

/**
 * Runs chunk `index` of the job in the control block (ctl: its int32 fields, args: its arguments)
 * as thread `slot`. The calling thread calls it; the workers run its text (Function.toString), so
 * it uses nothing but its parameters, and plain ES5 calls (no spread) so that a transpiler leaves
 * it standing alone.
 */
export function runChunk(layout: typeof CHUNK_LAYOUT, wasm: ChunkExports, ctl: Int32Array, args: Float64Array, slot: number, index: number): void {
  const F = layout.F;
  const argc = ctl[F.argc];
  const a: number[] = [];
  for (let i = 0; i < argc; i++) a.push(args[i]);
  const i0 = index * ctl[F.chunk];
  const i1 = Math.min(ctl[F.extent], i0 + ctl[F.chunk]);
  if (ctl[F.mode] === layout.rangeMode) {
    a[ctl[F.rangeArg]] = i0;
    a[ctl[F.rangeArg] + 1] = i1;
    if (ctl[F.scratchArg] >= 0) a[ctl[F.scratchArg]] += slot * ctl[F.scratchStride];
  } else {
    const mask = ctl[F.pointerMask];
    const shift = i0 * ctl[F.elementBytes];
    for (let i = 0; i < argc; i++) if (((mask >> i) & 1) === 1 && a[i] !== 0) a[i] += shift;
    a[ctl[F.lengthArg]] = i1 - i0;
  }
  // eslint-disable-next-line prefer-spread -- .apply, not spread: a transpiler turns spread into a helper from outside this function
  (wasm[layout.names[ctl[F.kind]]] as (...values: number[]) => void).apply(null, a);
}

const body = `"use strict";
const F = ${JSON.stringify(FIELD)};
const LAYOUT = ${JSON.stringify(CHUNK_LAYOUT)};
const runChunk = ${runChunk.toString()};
function start(data) {
  const wasm = new WebAssembly.Instance(data.module, { env: { memory: data.memory } }).exports;
  const ctl = new Int32Array(data.memory.buffer, data.control, ${INT32_FIELDS});
  const claim = new BigInt64Array(data.memory.buffer, data.control + ${CLAIM_BYTE_OFFSET}, 1);
  const args = new Float64Array(data.memory.buffer, data.control + ${ARGS_BYTE_OFFSET}, ${MAX_ARGS});
  let words = new Int32Array(data.memory.buffer);
  if (Atomics.load(ctl, F.generation) !== data.generation) return;
  Atomics.add(ctl, F.ready, 1);
  Atomics.notify(ctl, F.ready);
  for (;;) {
    const seq = Atomics.load(ctl, F.seq);
    if (Atomics.load(ctl, F.generation) !== data.generation) return;
    const tag = BigInt(seq);
    for (;;) {
      const current = Atomics.load(claim, 0);
      if (current >> 32n !== tag) break;
      const index = Number(current & 0xffffffffn);
      if (index >= Atomics.load(ctl, F.total) || data.slot >= ctl[F.participants]) break;
      if (Atomics.compareExchange(claim, 0, current, current + 1n) !== current) continue;
      try {
        runChunk(LAYOUT, wasm, ctl, args, data.slot, index);
        const flag = ctl[F.flags] / 4 + index;
        // the memory may have grown since this view was made
        if (flag >= words.length) words = new Int32Array(data.memory.buffer);
        Atomics.store(words, flag, seq);
      } catch (error) {
        Atomics.store(ctl, F.error, 1);
      }
      Atomics.add(ctl, F.workerChunks, 1);
      Atomics.add(ctl, F.done, 1);
      Atomics.notify(ctl, F.done);
    }
    // Jobs come in bursts (a training step issues one after another), and waking a sleeping
    // thread can take longer than a job: spin a while on the sequence number before sleeping.
    const until = performance.now() + ${WORKER_SPIN_MS};
    while (Atomics.load(ctl, F.seq) === seq && performance.now() < until);
    Atomics.wait(ctl, F.seq, seq);
  }
}
`;

/** For node:worker_threads with `eval: true` (a CommonJS script: require is defined). */
export const NODE_WORKER_SOURCE = `${body}start(require("node:worker_threads").workerData);\n`;

/** For a browser Worker: the start data arrives as the first message. */
export const BROWSER_WORKER_SOURCE = `${body}self.onmessage = (event) => start(event.data);\n`;
