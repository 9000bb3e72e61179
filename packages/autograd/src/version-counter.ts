import type { Tensor } from "@descent/tensor";

/**
 * PyTorch's version counter: every in-place change to a storage bumps its version,
 * and an op that saved a tensor for its backward checks the version is unchanged
 * before it uses it. Keyed by the ArrayBuffer under the storage, so every view of
 * the same memory shares one counter (as views share PyTorch's storage version).
 *
 * @descent/tensor's in-place methods do not know about autograd, so code that changes
 * a tensor in place behind the tape's back (an optimizer step, a running-statistics
 * update) calls `bumpVersion` itself; autograd's own in-place helpers do so already.
 */
const versions = new WeakMap<ArrayBufferLike, number>();

/** How many in-place changes the storage under `tensor` has seen (0 for a fresh one). */
export function versionOf(tensor: Tensor): number {
  return versions.get(tensor.data.buffer) ?? 0;
}

/** Records one in-place change of the storage under `tensor`; returns the new version. */
export function bumpVersion(tensor: Tensor): number {
  const next = versionOf(tensor) + 1;
  versions.set(tensor.data.buffer, next);
  return next;
}
