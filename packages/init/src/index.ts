// Public entry of @descent/init: named re-exports only.
export {};
