import { ShapeError, invalidArgument } from "@descent/tensor";
import { defineInitializer } from "./initializer";
import { positiveInteger } from "./validate";

export interface DiracOptions {
  /** Number of convolution groups, default 1; must divide the out channels `shape[0]`. */
  groups?: number;
}

/**
 * The Dirac delta on a conv weight `[out, in, ...kernel]` of 3 to 5 dimensions (PyTorch 1.13's `dirac_`):
 * in each group g, out channel g·(out/groups) + d has a 1 at input channel d and the kernel's centre
 * (index ⌊k/2⌋ per kernel dim), for d < min(out/groups, in). The convolution then passes as many
 * input channels through unchanged as it can.
 */
export const dirac = defineInitializer<DiracOptions>("dirac", "any", (target, options) => {
  const { shape, strides } = target;
  if (shape.length < 3 || shape.length > 5) {
    throw new ShapeError(`dirac: target shape is ${JSON.stringify(shape)}, expected 3, 4 or 5 dimensions`);
  }
  const groups = positiveInteger("dirac", "groups", options.groups, 1);
  if (shape[0] % groups !== 0) {
    throw invalidArgument("dirac", "groups", groups, `a divisor of the out channels shape[0] = ${shape[0]}`);
  }
  target.fill(0);
  if (target.size === 0) return; // an empty kernel dim has no centre to write
  let centre = target.offset;
  for (let axis = 2; axis < shape.length; axis++) centre += Math.floor(shape[axis] / 2) * strides[axis];
  const outPerGroup = shape[0] / groups;
  const kept = Math.min(outPerGroup, shape[1]);
  for (let g = 0; g < groups; g++) {
    for (let d = 0; d < kept; d++) target.data[centre + (g * outPerGroup + d) * strides[0] + d * strides[1]] = 1;
  }
});
