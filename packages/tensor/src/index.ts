// Public entry of @descent/tensor: named re-exports only.
export { DescentError, DTypeError, InvalidArgumentError, ShapeError, describeValue, invalidArgument } from "./errors";
export { Tensor } from "./tensor";
export type { DType, FloatArray, TypedArray } from "./dtype";
export { DTYPES, promoteTypes } from "./dtype";
export type { Shape } from "./shape";
export type { CreateOptions, FromOptions, NestedArray } from "./create";
export type { SliceRange } from "./views";
export type { Axes, VarOptions } from "./reduce";
export { globalNorm } from "./reduce";
export { broadcastShapes, sumToShape } from "./broadcast";
export { reluBackward, where } from "./elementwise";
export { placeInKernelMemory } from "./convert";
export { addmm } from "./matmul";
export type { AddmmOptions } from "./matmul";
export type { OutOptions } from "./out";
export { concat, stack } from "./join";
export { oneHot } from "./index-ops";
export { Generator, defaultGenerator, manualSeed } from "./random";
export type { GeneratorState } from "./random";
export { erf, erfc, erfinv, ndtri, normalCdf } from "./special/normal";
export { kernels, resetKernels, setKernel } from "./kernels/index";
export type { BinaryKernel, GemmKernel, KernelName, Kernels, ReduceKernel, SumRowsKernel, UnaryKernel } from "./kernels/index";
export {
  getBackend, getBackendSupport, getFloat32MatmulPrecision, getNumThreads, setBackend, setFloat32MatmulPrecision, setNumThreads,
} from "./wasm/index";
export type { BackendInfo, BackendName, BackendSupport, Float32MatmulPrecision } from "./wasm/index";
export {
  adadeltaUpdateWasm, adagradUpdateWasm, adamaxUpdateWasm, adamUpdateWasm, asgdUpdateWasm, fusedUpdatesActive, inKernelMemory, kernelMemoryArray,
  nadamUpdateWasm, radamUpdateWasm, rmspropUpdateWasm, rpropUpdateWasm, sgdUpdateWasm,
} from "./wasm/index";
export type {
  AdadeltaWasmOptions, AdagradWasmOptions, AdamaxWasmOptions, AdamWasmOptions, AsgdWasmOptions, NadamWasmOptions, RadamWasmOptions, RmspropWasmOptions,
  RpropWasmOptions, SgdWasmOptions,
} from "./wasm/index";
export {
  WASM_BATCH_NORM_MAX_CHANNELS, WASM_BATCH_NORM_MIN, batchNormWasmActive, channelAffineWasm, channelGradInputWasm, channelGradSumsWasm, channelMomentsWasm,
} from "./wasm/index";
export type { ChannelLayout } from "./wasm/index";
export * from "./linalg/index";
