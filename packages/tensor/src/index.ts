// Public entry of @descent/tensor: named re-exports only.
export {};
