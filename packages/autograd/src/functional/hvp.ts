import { ShapeError, Tensor, invalidArgument } from "@descent/tensor";
import { Variable, sameShape } from "../variable";
import { gradients } from "./gradients";
import { gradientWithGraph, leaf } from "./jacobian";
import type { UnaryFunction } from "./jacobian";

/**
 * The Hessian-vector product H(x)·v of a scalar f without forming H: the gradient is
 * computed with its graph recorded, then one more reverse sweep differentiates ∇f(x)·v,
 * whose gradient is H·v. Costs about two gradient evaluations.
 */
export function hvp(f: UnaryFunction, x: Tensor | Variable, v: Tensor | Variable): Tensor {
  return secondOrderProduct("hvp", f, x, v);
}

/**
 * vᵀ·H(x), the vector-Hessian product (PyTorch's `vhp`). The Hessian of a twice continuously
 * differentiable f is symmetric, so this equals H·v; both are the VJP of the gradient map.
 */
export function vhp(f: UnaryFunction, x: Tensor | Variable, v: Tensor | Variable): Tensor {
  return secondOrderProduct("vhp", f, x, v);
}

function secondOrderProduct(fn: string, f: UnaryFunction, x: Tensor | Variable, v: Tensor | Variable): Tensor {
  if (typeof f !== "function") throw invalidArgument(fn, "f", f, "a function of one Variable returning a one-element Variable");
  const input = leaf(fn, x);
  const direction = v instanceof Variable ? v.data : v;
  if (!(direction instanceof Tensor)) throw invalidArgument(fn, "v", v, "a Tensor or a Variable");
  if (!sameShape(direction.shape, input.shape)) {
    throw new ShapeError(`${fn}: v has shape [${direction.shape.join(", ")}], expected x's shape [${input.shape.join(", ")}]`);
  }
  const g = gradientWithGraph(fn, f, input);
  if (!g.requiresGrad) return Tensor.zeros(input.shape, { dtype: input.dtype });
  const [product] = gradients(g, input, { gradOutputs: new Variable(direction.dtype === g.dtype ? direction : direction.astype(g.dtype)), allowUnused: true });
  return product?.data ?? Tensor.zeros(input.shape, { dtype: input.dtype });
}
