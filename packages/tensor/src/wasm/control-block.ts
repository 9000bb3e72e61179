/**
 * Layout of the thread pool's control block, CONTROL_BYTES at the start of the heap of a
 * shared-memory runtime: int32 fields read and written with Atomics by the calling thread and the
 * workers, then one int64 claim word. The worker script (worker-source.ts) is generated from these
 * numbers, so the two sides cannot disagree.
 */
export const FIELD = {
  /** Job sequence number; workers sleep on it (Atomics.wait) and wake when it changes. */
  seq: 0,
  /** Chunks finished in the current job; the caller sleeps on it. */
  done: 1,
  /** Chunks in the current job. */
  total: 2,
  /** Set to 1 when a chunk threw in a worker. */
  error: 3,
  /** Workers of the current generation that have started; a worker of an older generation exits. */
  ready: 4,
  generation: 5,
  /** Chunks run by workers since the pool started (tests check that workers take part). */
  workerChunks: 6,
  // The job: which kernel, its arguments, and how the rows of C are cut into chunks.
  kind: 8,
  a: 9,
  ars: 10,
  acs: 11,
  m: 12,
  k: 13,
  pb: 14,
  c: 15,
  ldc: 16,
  mpad: 17,
  scratch: 18,
  scratchStride: 19,
  chunkRows: 20,
  /** Threads taking part, the caller included: workers with slot ≥ participants sit the job out. */
  participants: 21,
  /**
   * Byte address of one int32 per chunk: a worker stores the job's seq there when it has finished
   * the chunk, so the caller can copy those rows out while other chunks are still running.
   */
  flags: 22,
} as const;

export const INT32_FIELDS = 32;
/** Byte offset of the int64 claim word: (job seq << 32) | index of the next unclaimed chunk. */
export const CLAIM_BYTE_OFFSET = 128;

/** Job kinds, the index into [gemmRowsF32, gemmRowsF64]. */
export const KIND_F32 = 0;
export const KIND_F64 = 1;
