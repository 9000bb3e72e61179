import { InvalidArgumentError, Tensor, invalidArgument } from "@descent/tensor";
import { isGradEnabled } from "./grad-mode";
import { Variable } from "./variable";
import { bumpVersion } from "./version-counter";

/**
 * Changes a tensor's elements in place and records the change in its version counter, so
 * that a recorded op which saved the old values refuses to backward with the new ones.
 * In-place changes are not differentiable: on a Variable that requires grad this runs only
 * inside `noGrad` (as an optimizer step or a running-statistics update does).
 *
 * ```ts
 * noGrad(() => modifyInPlace(weight, (w) => w.subInPlace(weight.grad!.mul(0.1))));
 * ```
 */
export function modifyInPlace(target: Variable | Tensor, mutate: (data: Tensor) => unknown): void {
  const data = target instanceof Variable ? target.data : target;
  if (!(data instanceof Tensor)) throw invalidArgument("modifyInPlace", "target", target, "a Variable or a Tensor");
  if (typeof mutate !== "function") throw invalidArgument("modifyInPlace", "mutate", mutate, "a function");
  if (target instanceof Variable && target.requiresGrad && isGradEnabled()) {
    throw new InvalidArgumentError(
      `modifyInPlace: the Variable of shape [${target.shape.join(", ")}] requires grad and in-place changes are not recorded on the tape; ` +
        `run it inside noGrad(...) or change a detached copy`,
    );
  }
  mutate(data);
  bumpVersion(data);
}
