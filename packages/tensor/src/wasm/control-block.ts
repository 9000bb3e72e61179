/**
 * Layout of the thread pool's control block (CONTROL_BYTES at runtime.control): int32 fields read
 * and written with Atomics by the calling thread and the workers, one int64 claim word, then the
 * current job's arguments as float64s. The worker script (worker-source.ts) is generated from these
 * numbers, so the two sides cannot disagree.
 *
 * A job is one call of a kernel export, cut into chunks: in "range" mode (the GEMM's rows of C,
 * the packing of B's column panels) a chunk is a range passed as two of the export's arguments,
 * i0 and i1; in "elements" mode (element-wise and optimizer kernels) a chunk is a range of
 * elements, every array address moved to its start and the length argument set to its size.
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
  /** Threads taking part, the caller included: workers with slot ≥ participants sit the job out. */
  participants: 7,
  /** Index of the export in CHUNK_EXPORTS. */
  kind: 8,
  /** MODE_RANGE or MODE_ELEMENTS. */
  mode: 9,
  /** Arguments of the export, at ARGS_BYTE_OFFSET. */
  argc: 10,
  /** Elements mode: bit i set when argument i is an array's byte address (0 for no array stays 0). */
  pointerMask: 11,
  /** Elements mode: the index of the length argument. */
  lengthArg: 12,
  /** Elements mode: bytes per element. */
  elementBytes: 13,
  /** Rows or elements per chunk, and in all. */
  chunk: 14,
  extent: 15,
  /**
   * Byte address of one int32 per chunk: a worker stores the job's seq there when it has run the
   * chunk, so the caller can use those rows while other chunks still run.
   */
  flags: 16,
  /** Range mode: bytes between the scratch areas of consecutive threads (slot s adds s·scratchStride to argument scratchArg). */
  scratchStride: 17,
  /** Range mode: the index of the argument i0 (i1 is the next one). */
  rangeArg: 18,
  /** Range mode: the index of the scratch address argument, −1 when the export takes none. */
  scratchArg: 19,
} as const;

export const INT32_FIELDS = 32;
/** Byte offset of the int64 claim word: (job seq << 32) | index of the next unclaimed chunk. */
export const CLAIM_BYTE_OFFSET = 128;
/** Byte offset of the job's arguments, MAX_ARGS float64s. */
export const ARGS_BYTE_OFFSET = 192;
export const MAX_ARGS = 20;

export const MODE_RANGE = 0;
export const MODE_ELEMENTS = 1;

/** The kernel exports a job can run, by index (FIELD.kind). */
export const CHUNK_EXPORTS = [
  "gemmRowsF32", "gemmRowsF64", "packBF32", "packBF64", "binaryF32", "binaryF64", "unaryF32", "unaryF64",
  "adamF32", "adamF64", "sgdF32", "sgdF64", "rmspropF32", "rmspropF64", "adagradF32", "adagradF64", "transcendentalF32",
  "adamaxF32", "adamaxF64", "nadamF32", "nadamF64", "radamF32", "radamF64", "adadeltaF32", "adadeltaF64", "asgdF32", "asgdF64", "rpropF32", "rpropF64",
] as const;
export type ChunkExport = (typeof CHUNK_EXPORTS)[number];
