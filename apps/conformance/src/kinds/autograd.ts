import {
  Variable,
  abs,
  add,
  crossEntropy,
  div,
  exp,
  gradients,
  hvp,
  log,
  logSoftmax,
  matmul,
  max,
  mean,
  mseLoss,
  mul,
  pow,
  relu,
  reshape,
  sigmoid,
  slice,
  softmax,
  sqrt,
  sub,
  sum,
  tanh,
  transpose,
  valueAndGrad,
} from "@descent/autograd";
import type { Reduction } from "@descent/autograd";
import { Tensor } from "@descent/tensor";
import type { CaseTensor, ConformanceCase } from "../case-file";
import { expectClose } from "../compare";
import { camelCaseOptions } from "../snake-to-camel";
import type { KindAdapter } from "./kind-adapter";

const TOLERANCE = 1e-9;

type Attrs = Record<string, unknown>;

/** One schema op: which inputs are differentiable, and the forward through our API. */
interface OpSpec {
  /** Input positions that hold class indices (not differentiable, converted to int32). */
  indexInputs?: readonly number[];
  run: (inputs: readonly (Variable | Tensor)[], attrs: Attrs) => Variable;
}

const asVariable = (x: Variable | Tensor | undefined): Variable => {
  if (x instanceof Variable) return x;
  throw new Error(`expected a differentiable input, got ${x === undefined ? "nothing" : "class indices"}`);
};
const unary = (op: (x: Variable) => Variable): OpSpec => ({ run: ([x]) => op(asVariable(x)) });
const binary = (op: (a: Variable, b: Variable) => Variable): OpSpec => ({ run: ([a, b]) => op(asVariable(a), asVariable(b)) });

/** The schema's dim attribute: null (every dimension) or an integer. */
function dimOf(attrs: Attrs, name = "dim"): number | null {
  const dim = attrs[name] ?? null;
  if (dim !== null && !Number.isInteger(dim)) throw new Error(`attrs.${name} must be null or an integer, got ${JSON.stringify(dim)}`);
  return dim as number | null;
}

function requiredDim(attrs: Attrs): number {
  const dim = dimOf(attrs);
  if (dim === null) throw new Error("attrs.dim must be an integer");
  return dim;
}

function keepdimOf(attrs: Attrs): boolean {
  const keepdim = attrs.keepdim ?? false;
  if (typeof keepdim !== "boolean") throw new Error(`attrs.keepdim must be a boolean, got ${JSON.stringify(keepdim)}`);
  return keepdim;
}

function reductionOf(attrs: Attrs): Reduction {
  const reduction = attrs.reduction ?? "mean";
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none") throw new Error(`attrs.reduction must be mean, sum or none, got ${JSON.stringify(reduction)}`);
  return reduction;
}

/** The schema's op names (PyTorch's) mapped to our API. */
const OPS: ReadonlyMap<string, OpSpec> = new Map<string, OpSpec>([
  ["add", binary(add)],
  ["sub", binary(sub)],
  ["mul", binary(mul)],
  ["div", binary(div)],
  ["matmul", binary(matmul)],
  [
    "pow",
    {
      run: ([x], attrs) => {
        if (typeof attrs.exponent !== "number") throw new Error(`attrs.exponent must be a number, got ${JSON.stringify(attrs.exponent)}`);
        return pow(asVariable(x), attrs.exponent);
      },
    },
  ],
  ["exp", unary(exp)],
  ["log", unary(log)],
  ["tanh", unary(tanh)],
  ["sigmoid", unary(sigmoid)],
  ["relu", unary(relu)],
  ["sqrt", unary(sqrt)],
  ["abs", unary(abs)],
  ["sum", { run: ([x], attrs) => sum(asVariable(x), dimOf(attrs), keepdimOf(attrs)) }],
  ["mean", { run: ([x], attrs) => mean(asVariable(x), dimOf(attrs), keepdimOf(attrs)) }],
  ["max", { run: ([x], attrs) => max(asVariable(x), dimOf(attrs), keepdimOf(attrs)) }],
  ["softmax", { run: ([x], attrs) => softmax(asVariable(x), requiredDim(attrs)) }],
  ["log_softmax", { run: ([x], attrs) => logSoftmax(asVariable(x), requiredDim(attrs)) }],
  [
    "cross_entropy",
    {
      indexInputs: [1],
      run: ([logits, target], attrs) => {
        if (!(target instanceof Tensor)) throw new Error("cross_entropy needs class indices as its second input");
        const { labelSmoothing, ignoreIndex } = camelCaseOptions(attrs);
        return crossEntropy(asVariable(logits), target, {
          reduction: reductionOf(attrs),
          ...(typeof labelSmoothing === "number" ? { labelSmoothing } : {}),
          ...(typeof ignoreIndex === "number" ? { ignoreIndex } : {}),
        });
      },
    },
  ],
  ["mse_loss", { run: ([a, b], attrs) => mseLoss(asVariable(a), asVariable(b), { reduction: reductionOf(attrs) }) }],
  ["transpose", { run: ([x]) => transpose(asVariable(x)) }],
  [
    "reshape",
    {
      run: ([x], attrs) => {
        const shape = attrs.shape;
        if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d))) throw new Error(`attrs.shape must be a list of integers, got ${JSON.stringify(shape)}`);
        return reshape(asVariable(x), shape as number[]);
      },
    },
  ],
]);

function tensorOf(what: string, value: unknown): CaseTensor {
  const t = value as Partial<CaseTensor> | null;
  if (t === null || typeof t !== "object" || !Array.isArray(t.shape) || !Array.isArray(t.data)) {
    throw new Error(`${what} must be a tensor {"shape": [...], "data": [...]}, got ${JSON.stringify(value)}`);
  }
  return t as CaseTensor;
}

function float64(t: CaseTensor): Tensor {
  return Tensor.from(Float64Array.from(t.data), { shape: t.shape, dtype: "float64" });
}

function flat(t: Tensor | Variable): ArrayLike<number> {
  return (t instanceof Variable ? t.data : t).toFlatArray();
}

function expectShape(what: string, got: readonly number[], want: readonly number[]): void {
  if (got.length !== want.length || got.some((d, i) => d !== want[i])) throw new Error(`${what}: shape [${got.join(", ")}], want [${want.join(", ")}]`);
}

function runOp(testCase: ConformanceCase, op: string, attrs: Attrs): void {
  const spec = OPS.get(op);
  if (spec === undefined) throw new Error(`unknown autograd op ${JSON.stringify(op)}`);
  if (!Array.isArray(testCase.inputs)) throw new Error('"inputs" must be a list of tensors');
  const inputs = (testCase.inputs as unknown[]).map((value, i) => {
    const t = float64(tensorOf(`inputs[${i}]`, value));
    return spec.indexInputs?.includes(i) ? t.astype("int32") : new Variable(t, { requiresGrad: true });
  });
  const output = spec.run(inputs, attrs);
  const want = tensorOf("output", testCase.output);
  expectShape("output", output.shape, want.shape);
  expectClose("output", flat(output), want.data, TOLERANCE);
  const gradOutput = float64(tensorOf("grad_output", testCase.grad_output));
  if (!Array.isArray(testCase.grads)) throw new Error('"grads" must be a list (null for class indices)');
  const wantGrads = testCase.grads as unknown[];
  const differentiable = inputs.filter((x): x is Variable => x instanceof Variable);
  const got = gradients(output, differentiable, { gradOutputs: gradOutput, allowUnused: true });
  inputs.forEach((input, i) => {
    if (!(input instanceof Variable)) {
      if (wantGrads[i] !== null) throw new Error(`grads[${i}] should be null for class indices`);
      return;
    }
    const wantGrad = tensorOf(`grads[${i}]`, wantGrads[i]);
    const g = got[differentiable.indexOf(input)];
    const values = g === null ? new Float64Array(input.size) : flat(g);
    expectShape(`grads[${i}]`, g?.shape ?? input.shape, wantGrad.shape);
    expectClose(`grads[${i}]`, values, wantGrad.data, TOLERANCE);
  });
}

/** Σ_{i<n−1} 100(x_{i+1} − x_i²)² + (1 − x_i)², the chained Rosenbrock function. */
function rosenbrock(x: Variable): Variable {
  const n = x.shape[0];
  const head = slice(x, [0, n - 1]);
  const tail = slice(x, [1, n]);
  const valley = sub(tail, mul(head, head));
  const offset = sub(1, head);
  return sum(add(mul(mul(valley, valley), 100), mul(offset, offset)));
}

/** The mean cross entropy of tanh(X·W1 + b1)·W2 + b2, with W1, b1, W2, b2 read row-major from x. */
function mlpCrossEntropy(attrs: Attrs): (x: Variable) => Variable {
  const rows = attrs.X;
  const labels = attrs.y;
  const shapes = attrs.shapes;
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r))) throw new Error("attrs.X must be a list of rows");
  if (!Array.isArray(labels) || !labels.every((c) => Number.isInteger(c))) throw new Error("attrs.y must be a list of class indices");
  if (!Array.isArray(shapes) || shapes.length !== 4) throw new Error("attrs.shapes must be [[d,h],[h],[h,k],[k]]");
  const X = Tensor.from(rows as number[][], { dtype: "float64" });
  const y = Tensor.from(Int32Array.from(labels as number[]), { shape: [labels.length], dtype: "int32" });
  const parameterShapes = shapes as number[][];
  return (x) => {
    let offset = 0;
    const [W1, b1, W2, b2] = parameterShapes.map((shape) => {
      const size = shape.reduce((p, d) => p * d, 1);
      const piece = reshape(slice(x, [offset, offset + size]), shape);
      offset += size;
      return piece;
    });
    const hidden = tanh(add(matmul(new Variable(X), W1), b1));
    return crossEntropy(add(matmul(hidden, W2), b2), y, { reduction: "mean" });
  };
}

function runHvp(testCase: ConformanceCase, attrs: Attrs): void {
  if (!Array.isArray(testCase.inputs) || testCase.inputs.length !== 2) throw new Error('hvp "inputs" must be [x, v]');
  const [x, v] = (testCase.inputs as unknown[]).map((value, i) => float64(tensorOf(`inputs[${i}]`, value)));
  let f: (x: Variable) => Variable;
  if (attrs.fn === "rosenbrock") f = rosenbrock;
  else if (attrs.fn === "mlp_ce") f = mlpCrossEntropy(attrs);
  else throw new Error(`unknown hvp function ${JSON.stringify(attrs.fn)}`);
  const product = hvp(f, x, v);
  expectClose("output (H·v)", flat(product), tensorOf("output", testCase.output).data, TOLERANCE);
  const [, gradient] = valueAndGrad(f)(x);
  expectClose("gradient", flat(gradient), tensorOf("gradient", testCase.gradient).data, TOLERANCE);
}

/** Runs one `autograd` case: an op's output and input gradients, or a Hessian-vector product. */
export const runAutograd: KindAdapter = (testCase) => {
  const op = testCase.op;
  if (typeof op !== "string") throw new Error('"op" must be a string');
  const attrs = (testCase.attrs ?? {}) as Attrs;
  if (typeof attrs !== "object") throw new Error('"attrs" must be an object');
  if (op === "hvp") runHvp(testCase, attrs);
  else runOp(testCase, op, attrs);
  return undefined;
};
