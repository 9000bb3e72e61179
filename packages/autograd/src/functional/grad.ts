import { InvalidArgumentError, Tensor, invalidArgument } from "@descent/tensor";
import { Variable } from "../variable";
import { gradients } from "./gradients";

/** A scalar function of Variables, as `grad` and `valueAndGrad` take it. */
export type ScalarFunction = (...args: Variable[]) => Variable;

export interface GradOptions {
  /** Which arguments to differentiate: one index (the result is one Tensor) or several (an array). Default 0. */
  argnums?: number | readonly number[];
}

/**
 * JAX's `grad`: turns a scalar function into the function that returns its gradient.
 * Arguments are tensors (or Variables, whose values are used); results are tensors of the
 * arguments' shapes. Arguments the function ignores get zeros.
 *
 * ```ts
 * const df = grad((x) => sum(mul(x, x)));   // ∇ Σx² = 2x
 * df(Tensor.from([1, 2]));                   // Tensor [2, 4]
 * ```
 */
export function grad(f: ScalarFunction, options: { argnums: readonly number[] }): (...args: (Tensor | Variable)[]) => Tensor[];
export function grad(f: ScalarFunction, options?: { argnums?: number }): (...args: (Tensor | Variable)[]) => Tensor;
export function grad(f: ScalarFunction, options: GradOptions = {}): (...args: (Tensor | Variable)[]) => Tensor | Tensor[] {
  const run = valueAndGrad(f, options as { argnums?: number });
  return (...args) => run(...args)[1];
}

/** Like `grad`, returning `[value, gradient]` from one forward and one backward pass. */
export function valueAndGrad(f: ScalarFunction, options: { argnums: readonly number[] }): (...args: (Tensor | Variable)[]) => [Tensor, Tensor[]];
export function valueAndGrad(f: ScalarFunction, options?: { argnums?: number }): (...args: (Tensor | Variable)[]) => [Tensor, Tensor];
export function valueAndGrad(f: ScalarFunction, options: GradOptions = {}): (...args: (Tensor | Variable)[]) => [Tensor, Tensor | Tensor[]] {
  if (typeof f !== "function") throw invalidArgument("grad", "f", f, "a function of Variables returning a one-element Variable");
  const argnums = options.argnums ?? 0;
  const list = typeof argnums === "number" ? [argnums] : [...argnums];
  return (...args) => {
    list.forEach((k) => {
      if (!Number.isInteger(k) || k < 0 || k >= args.length) throw invalidArgument("grad", "argnums", argnums, `argument indices in [0, ${args.length - 1}]`);
    });
    const variables = args.map((a, i) => {
      const data = a instanceof Variable ? a.data : a instanceof Tensor ? a : badArgument(i, a);
      return new Variable(data, { requiresGrad: list.includes(i) });
    });
    const value: unknown = f(...variables);
    if (!(value instanceof Variable) || value.size !== 1) {
      throw new InvalidArgumentError(`grad: f returned ${value instanceof Variable ? `shape [${value.shape.join(", ")}]` : String(value)}, expected a one-element Variable`);
    }
    const targets = list.map((k) => variables[k]);
    const found = value.requiresGrad ? gradients(value, targets, { allowUnused: true }) : targets.map(() => null);
    const grads = found.map((g, i) => g?.data ?? Tensor.zeros(targets[i].shape, { dtype: targets[i].dtype }));
    return [value.data, typeof argnums === "number" ? grads[0] : grads];
  };
}

function badArgument(index: number, value: unknown): never {
  throw invalidArgument("grad", `args[${index}]`, value, "a Tensor or a Variable");
}
