// The WebAssembly backend's public surface (re-exported by the package entry).
export {
  getBackend, getBackendSupport, getFloat32MatmulPrecision, getNumThreads, setBackend, setFloat32MatmulPrecision, setNumThreads,
} from "./backend";
export type { BackendInfo, BackendName, BackendSupport } from "./backend";
export type { Float32MatmulPrecision } from "./select";
export {
  adadeltaUpdateWasm, adagradUpdateWasm, adamaxUpdateWasm, adamUpdateWasm, asgdUpdateWasm, fusedUpdatesActive, nadamUpdateWasm, radamUpdateWasm,
  rmspropUpdateWasm, rpropUpdateWasm, sgdUpdateWasm,
} from "./optimizer-kernels";
export { inKernelMemory, kernelMemoryArray } from "./kernel-memory";
export type {
  AdadeltaWasmOptions, AdagradWasmOptions, AdamaxWasmOptions, AdamWasmOptions, AsgdWasmOptions, NadamWasmOptions, RadamWasmOptions, RmspropWasmOptions,
  RpropWasmOptions, SgdWasmOptions,
} from "./optimizer-kernels";
export {
  WASM_BATCH_NORM_MAX_CHANNELS, WASM_BATCH_NORM_MIN, batchNormWasmActive, channelAffineWasm, channelGradInputWasm, channelGradSumsWasm, channelMomentsWasm,
} from "./batch-norm-kernels";
export type { ChannelLayout } from "./batch-norm-kernels";
