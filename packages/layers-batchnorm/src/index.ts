// Public entry of @descent/layers-batchnorm: named re-exports only.
export { batchNorm, batchNormDefaults } from "./batch-norm";
export type { BatchNormOptions } from "./batch-norm";
export { BatchNorm, BatchNorm1d, BatchNorm2d, BatchNorm3d, batchNormModuleDefaults } from "./batch-norm-module";
export type { BatchNormModuleOptions } from "./batch-norm-module";
export { fuseIntoLinear } from "./fuse-into-linear";
