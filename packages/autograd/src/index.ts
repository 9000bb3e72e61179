// Public entry of @descent/autograd: named re-exports only.
export {};
