import type { KindAdapter } from "./kind-adapter";

/** The adapter of a kind whose package does not exist yet: every case fails, none is skipped. */
export function notImplemented(kind: string): KindAdapter {
  return () => {
    throw new Error(`not implemented: ${kind}`);
  };
}
