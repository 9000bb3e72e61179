// Public entry of @descent/optim: named re-exports only.
export {};
