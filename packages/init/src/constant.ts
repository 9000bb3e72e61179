import { invalidArgument } from "@descent/tensor";
import { defineInitializer } from "./initializer";

export interface ConstantOptions {
  /** The value every element takes (PyTorch's `val`). */
  val: number;
}

/** PyTorch's `constant_(tensor, val)`. */
export const constant = defineInitializer<ConstantOptions>("constant", "any", (target, options) => {
  const val = options.val;
  // Any number, as PyTorch's fill_: ±Infinity and NaN are legitimate fills (masks, sentinels).
  if (typeof val !== "number") throw invalidArgument("constant", "val", val, "a number");
  target.fill(val);
});

/** Options of initializers that take none (any object is accepted and ignored). */
export type NoOptions = object;

/** PyTorch's `ones_`. */
export const ones = defineInitializer<NoOptions>("ones", "any", (target) => {
  target.fill(1);
});

/** PyTorch's `zeros_`. */
export const zeros = defineInitializer<NoOptions>("zeros", "any", (target) => {
  target.fill(0);
});
