// Public entry of @descent/second-order: named re-exports only.
export {};
