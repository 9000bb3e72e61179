/**
 * The worker script, as source text: a worker instantiates the kernel module over the shared
 * memory, then sleeps on the control block's sequence number; when a job is published it claims
 * chunks of rows (compare-and-swap on the claim word tagged with the job's sequence, so a late
 * worker can never take a chunk of a newer job) and runs them until none are left, marking each
 * finished chunk with the job's sequence in the job's flags.
 * claimAndRun in thread-pool.ts is the same loop for the calling thread.
 * Plain JavaScript in a string, so it needs no file next to the bundle: Node starts it with
 * `eval: true`, a browser from a Blob URL.
 */
import { CLAIM_BYTE_OFFSET, FIELD, INT32_FIELDS } from "./control-block";

const body = `"use strict";
const F = ${JSON.stringify(FIELD)};
function start(data) {
  const wasm = new WebAssembly.Instance(data.module, { env: { memory: data.memory } }).exports;
  const ctl = new Int32Array(data.memory.buffer, data.control, ${INT32_FIELDS});
  const claim = new BigInt64Array(data.memory.buffer, data.control + ${CLAIM_BYTE_OFFSET}, 1);
  const kernels = [wasm.gemmRowsF32, wasm.gemmRowsF64];
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
        const i0 = index * ctl[F.chunkRows];
        const i1 = Math.min(ctl[F.mpad], i0 + ctl[F.chunkRows]);
        kernels[ctl[F.kind]](ctl[F.a], ctl[F.ars], ctl[F.acs], ctl[F.m], ctl[F.k], ctl[F.pb], ctl[F.c], ctl[F.ldc], i0, i1,
          ctl[F.scratch] + data.slot * ctl[F.scratchStride]);
      } catch (error) {
        Atomics.store(ctl, F.error, 1);
      }
      const flag = ctl[F.flags] / 4 + index;
      // the memory may have grown since this view was made
      if (flag >= words.length) words = new Int32Array(data.memory.buffer);
      Atomics.store(words, flag, seq);
      Atomics.add(ctl, F.workerChunks, 1);
      Atomics.add(ctl, F.done, 1);
      Atomics.notify(ctl, F.done);
    }
    Atomics.wait(ctl, F.seq, seq);
  }
}
`;

/** For node:worker_threads with `eval: true` (a CommonJS script: require is defined). */
export const NODE_WORKER_SOURCE = `${body}start(require("node:worker_threads").workerData);\n`;

/** For a browser Worker: the start data arrives as the first message. */
export const BROWSER_WORKER_SOURCE = `${body}self.onmessage = (event) => start(event.data);\n`;
