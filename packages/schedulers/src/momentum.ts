import { invalidArgument } from "./errors";
import type { ParamGroupLike } from "./optimizer-like";

/**
 * Where a group keeps the momentum that CyclicLR and OneCycleLR cycle: Adam-like groups in
 * `betas[0]`, SGD-like ones in `momentum` (PyTorch decides by `'betas' in optimizer.defaults`).
 */
function usesBeta1(group: ParamGroupLike): boolean {
  return Array.isArray(group.betas);
}

/** Rejects groups that have neither `momentum` nor `betas`: there is nothing to cycle. */
export function checkMomentumGroups(fn: string, groups: readonly ParamGroupLike[]): void {
  groups.forEach((group, i) => {
    if (usesBeta1(group)) {
      const betas = group.betas!;
      // A JavaScript caller can pass any array here, whatever the type says.
      if ((betas as readonly unknown[]).length !== 2 || !betas.every((b) => typeof b === "number" && Number.isFinite(b))) {
        throw invalidArgument(fn, `optimizer.paramGroups[${i}].betas`, betas, "a pair of finite numbers");
      }
    } else if (typeof group.momentum !== "number" || !Number.isFinite(group.momentum)) {
      throw invalidArgument(
        fn,
        `optimizer.paramGroups[${i}].momentum`,
        group.momentum,
        "a finite number, or betas, when cycleMomentum is true (pass cycleMomentum: false for an optimizer without momentum)",
      );
    }
  });
}

/** Sets a group's momentum; betas get a new pair, as PyTorch assigns a new tuple. */
export function writeMomentum(group: ParamGroupLike, value: number): void {
  if (usesBeta1(group)) group.betas = [value, group.betas![1]];
  else group.momentum = value;
}
