// Public entry of @descent/layers-batchnorm: named re-exports only.
export {};
