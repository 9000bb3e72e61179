import { InvalidArgumentError, Tensor, invalidArgument } from "@descent/tensor";
import { Variable } from "../variable";
import { gradients } from "./gradients";

/** A function of one Variable, as `jacobian`, `hessian`, `hvp` and `vhp` take it. */
export type UnaryFunction = (x: Variable) => Variable;

/**
 * The Jacobian of f at x, of shape [...f(x).shape, ...x.shape]: one reverse sweep per output
 * element, each with a one-hot gradient (rows of J are vector-Jacobian products).
 */
export function jacobian(f: UnaryFunction): (x: Tensor | Variable) => Tensor {
  if (typeof f !== "function") throw invalidArgument("jacobian", "f", f, "a function of one Variable");
  return (x) => {
    const input = leaf("jacobian", x);
    const out = callFunction("jacobian", f, input);
    return rowsOf(out, input);
  };
}

/** The Hessian of a scalar f at x, of shape [...x.shape, ...x.shape]: the Jacobian of the gradient (its graph recorded). */
export function hessian(f: UnaryFunction): (x: Tensor | Variable) => Tensor {
  if (typeof f !== "function") throw invalidArgument("hessian", "f", f, "a function of one Variable returning a one-element Variable");
  return (x) => {
    const input = leaf("hessian", x);
    return rowsOf(gradientWithGraph("hessian", f, input), input);
  };
}

/** A fresh leaf that requires grad, holding x's value (a Variable argument is read, not differentiated through). */
export function leaf(fn: string, x: unknown): Variable {
  const data = x instanceof Variable ? x.data : x;
  if (!(data instanceof Tensor) || data.dtype === "int32") throw invalidArgument(fn, "x", x, "a float32 or float64 Tensor or Variable");
  return new Variable(data, { requiresGrad: true });
}

export function callFunction(fn: string, f: UnaryFunction, input: Variable): Variable {
  const out: unknown = f(input);
  if (!(out instanceof Variable)) throw invalidArgument(fn, "f(x)", out, "a Variable");
  return out;
}

/** ∇f(x) as a Variable whose graph is recorded (createGraph), ready to be differentiated again. */
export function gradientWithGraph(fn: string, f: UnaryFunction, input: Variable): Variable {
  const out = callFunction(fn, f, input);
  if (out.size !== 1) throw new InvalidArgumentError(`${fn}: f(x) has shape [${out.shape.join(", ")}], expected a one-element output`);
  if (!out.requiresGrad) return new Variable(Tensor.zeros(input.shape, { dtype: input.dtype }));
  const [g] = gradients(out, input, { createGraph: true, allowUnused: true });
  return g ?? new Variable(Tensor.zeros(input.shape, { dtype: input.dtype }));
}

/** Stacks d out[k] / d input for every element k of out into a [...out.shape, ...input.shape] tensor. */
function rowsOf(out: Variable, input: Variable): Tensor {
  const n = input.size;
  const m = out.size;
  const dtype = input.dtype === "float64" || out.dtype === "float64" ? "float64" : "float32";
  const values = dtype === "float64" ? new Float64Array(m * n) : new Float32Array(m * n);
  if (out.requiresGrad) {
    const oneHot = Tensor.zeros([m], { dtype: out.dtype });
    for (let k = 0; k < m; k++) {
      oneHot.fill(0);
      oneHot.data[k] = 1;
      const [row] = gradients(out, input, { gradOutputs: oneHot.reshape(out.shape), retainGraph: true, allowUnused: true });
      if (row !== null) values.set(row.data.toFlatArray(), k * n);
    }
  }
  return Tensor.from(values, { shape: [...out.shape, ...input.shape], dtype });
}
