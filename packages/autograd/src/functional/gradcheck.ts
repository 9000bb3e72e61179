import { Generator, InvalidArgumentError, Tensor, invalidArgument } from "@descent/tensor";
import { enableGrad, noGrad } from "../grad-mode";
import { concat } from "../ops/concat";
import { reshape } from "../ops/reshape";
import { Variable } from "../variable";
import { gradients } from "./gradients";

export interface GradcheckOptions {
  /** Step of the central differences (f(x + eps) − f(x − eps)) / 2eps. Default 1e-6, as PyTorch. */
  eps?: number;
  /** Absolute tolerance (default 1e-5, as PyTorch). */
  atol?: number;
  /** Relative tolerance (default 1e-3, as PyTorch). */
  rtol?: number;
  /** Throw a GradcheckError at the first mismatch (default true); else return false. */
  raiseException?: boolean;
}

/** The analytical and numerical Jacobians disagree; the message names the entry. */
export class GradcheckError extends InvalidArgumentError {
  override name = "GradcheckError";
}

/**
 * PyTorch's `gradcheck`: compares the Jacobian from backward with central finite differences,
 * entry by entry, |analytical − numerical| ≤ atol + rtol·|numerical|. Inputs must be float64
 * tensors without broadcast (stride 0) dimensions; each is perturbed in place through its
 * strides (so a non-contiguous input stays non-contiguous) and restored exactly.
 */
export function gradcheck(f: (...inputs: Variable[]) => Variable, inputs: readonly Tensor[], options: GradcheckOptions = {}): boolean {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-3;
  if (typeof f !== "function") throw invalidArgument("gradcheck", "f", f, "a function of Variables returning a Variable");
  if (!(eps > 0)) throw invalidArgument("gradcheck", "eps", eps, "a number > 0");
  inputs.forEach((t, i) => {
    if (!(t instanceof Tensor) || t.dtype !== "float64") {
      throw invalidArgument("gradcheck", `inputs[${i}]`, t instanceof Tensor ? t.dtype : t, "a float64 Tensor (float32 is too coarse for finite differences)");
    }
    if (t.shape.some((d, k) => d > 1 && t.strides[k] === 0)) throw invalidArgument("gradcheck", `inputs[${i}].strides`, t.strides, "no broadcast (stride 0) dimension");
  });
  const variables = inputs.map((t) => new Variable(t, { requiresGrad: true }));
  const out = f(...variables);
  if (!(out instanceof Variable)) throw invalidArgument("gradcheck", "f(...inputs)", out, "a Variable");
  const analytical = analyticalJacobians(out, variables);
  for (let i = 0; i < inputs.length; i++) {
    const numerical = numericalJacobian(f, inputs, i, eps);
    const n = inputs[i].size;
    for (let k = 0; k < numerical.length; k++) {
      const a = analytical[i][k];
      const b = numerical[k];
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
        if (!(options.raiseException ?? true)) return false;
        throw new GradcheckError(
          `gradcheck: Jacobian mismatch for input ${i}, output element ${Math.floor(k / n)}, input element ${k % n}: ` +
            `analytical ${a}, numerical ${b} (|difference| ${Math.abs(a - b)} > atol ${atol} + rtol ${rtol} · |numerical|)`,
        );
      }
    }
  }
  return true;
}

/**
 * PyTorch's `gradgradcheck`: gradcheck of the gradient itself, i.e. of
 * (inputs, gradOutput) ↦ d(f · gradOutput)/d inputs computed with createGraph. This checks the
 * backward closures' own backward (second derivatives). `gradOutput` defaults to seeded normal values.
 */
export function gradgradcheck(
  f: (...inputs: Variable[]) => Variable,
  inputs: readonly Tensor[],
  options: GradcheckOptions & { gradOutput?: Tensor } = {},
): boolean {
  const probe = noGrad(() => f(...inputs.map((t) => new Variable(t))));
  const gradOutput = options.gradOutput ?? new Generator(0).normal(probe.shape, 0, 1, { dtype: "float64" });
  const firstDerivatives = (...args: Variable[]): Variable =>
    // The finite-difference pass calls this under noGrad with constant arguments; the first
    // derivatives still need a tape, so they get leaves of their own there.
    enableGrad(() => {
      const xs = args.slice(0, inputs.length).map((a) => (a.requiresGrad ? a : new Variable(a.data, { requiresGrad: true })));
      const out = f(...xs);
      const grads = out.requiresGrad ? gradients(out, xs, { gradOutputs: args[inputs.length], createGraph: true, allowUnused: true }) : xs.map(() => null);
      return concat(grads.map((g, i) => reshape(g ?? new Variable(Tensor.zeros(xs[i].shape, { dtype: "float64" })), [-1])));
    });
  return gradcheck(firstDerivatives, [...inputs, gradOutput], options);
}

/** Row k of the Jacobian for input i at [i][k·n + j], one reverse sweep per output element. */
function analyticalJacobians(out: Variable, variables: readonly Variable[]): Float64Array[] {
  const m = out.size;
  const jacobians = variables.map((v) => new Float64Array(m * v.size));
  if (!out.requiresGrad) return jacobians;
  for (let k = 0; k < m; k++) {
    const oneHot = Tensor.zeros([m], { dtype: out.dtype });
    oneHot.data[k] = 1;
    const grads = gradients(out, variables, { gradOutputs: oneHot.reshape(out.shape), retainGraph: true, allowUnused: true });
    grads.forEach((g, i) => {
      if (g !== null) jacobians[i].set(g.data.toFlatArray(), k * variables[i].size);
    });
  }
  return jacobians;
}

/** Column j of the Jacobian for input i is (f(x + eps·e_j) − f(x − eps·e_j)) / 2eps; stored row-major like the analytical one. */
function numericalJacobian(f: (...inputs: Variable[]) => Variable, inputs: readonly Tensor[], i: number, eps: number): Float64Array {
  const t = inputs[i];
  const n = t.size;
  const evaluate = (): Float64Array => Float64Array.from(noGrad(() => f(...inputs.map((x) => new Variable(x)))).data.toFlatArray());
  let jacobian: Float64Array | null = null;
  let m = 0;
  const storage = t.data;
  for (let j = 0; j < n; j++) {
    const position = storageIndex(t, j);
    const original = storage[position];
    storage[position] = original + eps;
    const plus = evaluate();
    storage[position] = original - eps;
    const minus = evaluate();
    storage[position] = original;
    if (jacobian === null) {
      m = plus.length;
      jacobian = new Float64Array(m * n);
    }
    for (let k = 0; k < m; k++) jacobian[k * n + j] = (plus[k] - minus[k]) / (2 * eps);
  }
  return jacobian ?? new Float64Array(0);
}

/** Where logical element j (row-major) of t lives in its storage. */
function storageIndex(t: Tensor, j: number): number {
  let position = t.offset;
  let rest = j;
  for (let d = t.ndim - 1; d >= 0; d--) {
    const size = t.shape[d];
    position += (rest % size) * t.strides[d];
    rest = Math.floor(rest / size);
  }
  return position;
}
