import { NON_NEGATIVE, checkNumber } from "./check";
import { invalidArgument } from "./errors";

/**
 * One parameter group as a scheduler sees it. Structural, so any optimizer's groups fit
 * (@descent/optim's included) without this package depending on it.
 */
export interface ParamGroupLike {
  lr: number;
  /** The lr the first scheduler found; later schedulers scale this one (PyTorch's `initial_lr`). */
  initialLr?: number;
  /** SGD-like momentum, cycled by CyclicLR and OneCycleLR. */
  momentum?: number;
  /** Adam-like betas; CyclicLR and OneCycleLR cycle `betas[0]`. */
  betas?: [number, number];
}

/** Anything with PyTorch-style parameter groups. */
export interface OptimizerLike {
  paramGroups: ParamGroupLike[];
}

/**
 * Checks that `optimizer` has a non-empty `paramGroups` whose learning rates are finite and
 * >= 0; with `needInitialLr` (resuming, or SequentialLR) every group must also carry `initialLr`.
 */
export function checkOptimizer(fn: string, optimizer: OptimizerLike, needInitialLr = false): ParamGroupLike[] {
  const groups = (optimizer as Partial<OptimizerLike> | null | undefined)?.paramGroups;
  if (!Array.isArray(groups) || groups.length === 0) {
    throw invalidArgument(fn, "optimizer.paramGroups", groups, "a non-empty array of parameter groups");
  }
  groups.forEach((group: ParamGroupLike | null, i) => {
    if (typeof group !== "object" || group === null) throw invalidArgument(fn, `optimizer.paramGroups[${i}]`, group, "an object");
    checkNumber(fn, `optimizer.paramGroups[${i}].lr`, group.lr, NON_NEGATIVE);
    if (group.initialLr !== undefined || needInitialLr) {
      const why = needInitialLr && group.initialLr === undefined ? " (set by a scheduler built with lastEpoch -1)" : "";
      if (typeof group.initialLr !== "number" || !Number.isFinite(group.initialLr) || group.initialLr < 0) {
        throw invalidArgument(fn, `optimizer.paramGroups[${i}].initialLr`, group.initialLr, `a finite number >= 0${why}`);
      }
    }
  });
  return groups;
}
