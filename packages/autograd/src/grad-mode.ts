/**
 * Whether ops record the graph. Off inside `noGrad`, and while backward runs
 * without `createGraph` (a gradient that will not be differentiated needs no tape).
 */
let gradEnabled = true;

/** True when ops record their inputs and backward closures. */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Runs `fn` with recording switched on or off, restoring the previous mode afterwards (even on throw). */
export function withGradMode<T>(enabled: boolean, fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = enabled;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/** PyTorch's `torch.no_grad()`: ops inside `fn` record nothing, their results do not require grad. */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}

/** PyTorch's `torch.enable_grad()`: switches recording back on inside a `noGrad` scope. */
export function enableGrad<T>(fn: () => T): T {
  return withGradMode(true, fn);
}
