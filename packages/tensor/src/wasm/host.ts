/**
 * What the host (Node, a browser, a worker) provides for the WebAssembly kernels, typed here
 * rather than through TypeScript's DOM or Node libraries: packages that type-check this source
 * (every workspace dependent, through the source condition) compile with the ES library only.
 * Each accessor returns undefined where the host lacks the feature.
 */

export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

export interface WasmModule {
  readonly __brand?: "WebAssembly.Module";
}

interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

interface WasmNamespace {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  validate(bytes: Uint8Array): boolean;
}

/** The part of a Node `worker_threads.Worker` or a browser `Worker` that the thread pool uses. */
export interface HostWorker {
  unref?(): void;
  terminate(): unknown;
  postMessage?(message: unknown): void;
}

interface NodeWorkerThreads {
  Worker: new (source: string, options: { eval: true; workerData: unknown }) => HostWorker & {
    on(event: "error", listener: (error: unknown) => void): void;
  };
}

interface HostGlobals {
  WebAssembly?: WasmNamespace;
  atob?: (data: string) => string;
  process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown };
  navigator?: { hardwareConcurrency?: number };
  crossOriginIsolated?: boolean;
  Worker?: new (url: string) => HostWorker;
  Blob?: new (parts: string[], options: { type: string }) => unknown;
  URL?: { createObjectURL?(blob: unknown): string };
}

const host = globalThis as unknown as HostGlobals;

export function webAssembly(): WasmNamespace | undefined {
  return host.WebAssembly;
}

/** Bytes of a base64 string. */
export function decodeBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = host.atob!(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function isNode(): boolean {
  return typeof host.process?.versions?.node === "string";
}

/**
 * A Node builtin module: synchronously through process.getBuiltinModule (Node 20.16+; works in ESM
 * and CJS alike), else from a dynamic import started when this module loads (older Node 20), which
 * is ready by the time any large product runs; undefined outside Node or until then.
 */
function nodeBuiltin(id: string): unknown {
  if (!isNode()) return undefined;
  return host.process?.getBuiltinModule?.(id) ?? imported.get(id);
}

const imported = new Map<string, unknown>();
if (isNode() && host.process?.getBuiltinModule === undefined) {
  // A variable specifier, so browser bundlers leave it alone.
  const load = (id: string): Promise<unknown> => import(/* @vite-ignore */ id);
  for (const id of ["node:worker_threads", "node:os"]) {
    load(id).then(
      (module) => imported.set(id, module),
      () => undefined,
    );
  }
}

/** node:worker_threads in Node, else undefined. */
export function nodeWorkerThreads(): NodeWorkerThreads | undefined {
  return nodeBuiltin("node:worker_threads") as NodeWorkerThreads | undefined;
}

let logicalProcessors: number | undefined;

/**
 * Logical processors: os.availableParallelism() in Node, navigator.hardwareConcurrency in a browser.
 * Asked once: every op that may thread reads it, and in Node each ask is a system call.
 */
export function hardwareConcurrency(): number {
  if (logicalProcessors === undefined) {
    const os = nodeBuiltin("node:os") as { availableParallelism?: () => number; cpus?: () => unknown[] } | undefined;
    logicalProcessors = os?.availableParallelism?.() ?? os?.cpus?.().length ?? host.navigator?.hardwareConcurrency ?? 1;
  }
  return logicalProcessors;
}

/** Shared memory is usable: SharedArrayBuffer exists and, in a browser, the page is cross-origin isolated. */
export function sharedMemorySupported(): boolean {
  return typeof SharedArrayBuffer === "function" && host.crossOriginIsolated !== false;
}

/** Starts a browser worker running `source` (a classic script from a Blob URL), or undefined where that is not possible. */
export function startBrowserWorker(source: string): HostWorker | undefined {
  if (host.Worker === undefined || host.Blob === undefined || host.URL?.createObjectURL === undefined) return undefined;
  const url = host.URL.createObjectURL(new host.Blob([source], { type: "text/javascript" }));
  return new host.Worker(url);
}
