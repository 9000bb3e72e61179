// Public entry of @descent/schedulers: named re-exports only.
export {};
