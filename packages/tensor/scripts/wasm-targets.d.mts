// Types of wasm-targets.mjs, for the test that imports it.
export declare const TARGETS: readonly string[];
export declare function compileTarget(target: string): Promise<Uint8Array>;
export declare function wasmModuleSource(target: string, bytes: Uint8Array): string;
