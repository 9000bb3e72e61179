import { Variable } from "@descent/autograd";
import { BatchNorm1d, BatchNorm2d, BatchNorm3d } from "@descent/layers-batchnorm";
import type { BatchNorm, BatchNormModuleOptions } from "@descent/layers-batchnorm";
import { Tensor } from "@descent/tensor";
import type { CaseTensor, ConformanceCase } from "../case-file";
import { expectClose } from "../compare";
import { camelCaseOptions } from "../snake-to-camel";
import type { KindAdapter } from "./kind-adapter";

const TOLERANCE = 1e-9;

type CreateModule = (numFeatures: number, options: BatchNormModuleOptions) => BatchNorm;

const MODULES: ReadonlyMap<string, CreateModule> = new Map<string, CreateModule>([
  ["BatchNorm1d", (numFeatures: number, options: BatchNormModuleOptions) => new BatchNorm1d(numFeatures, options)],
  ["BatchNorm2d", (numFeatures: number, options: BatchNormModuleOptions) => new BatchNorm2d(numFeatures, options)],
  ["BatchNorm3d", (numFeatures: number, options: BatchNormModuleOptions) => new BatchNorm3d(numFeatures, options)],
]);

const OPTION_NAMES = new Set(["numFeatures", "eps", "momentum", "affine", "trackRunningStats"]);

/**
 * SCHEMA.md `batchnorm`: builds the module through the public API (float64), loads γ/β, then runs
 * each call in order on that one module: forward in `mode`, backward with `dy` (gradients zeroed
 * first), and compares y, dx, dγ, dβ and the running buffers after the call.
 */
export const runBatchnorm: KindAdapter = (testCase) => {
  const moduleName = testCase.module;
  const create = typeof moduleName === "string" ? MODULES.get(moduleName) : undefined;
  if (create === undefined) throw new Error(`unknown module ${JSON.stringify(moduleName)}, expected one of ${[...MODULES.keys()].join(", ")}`);
  const options = camelCaseOptions(testCase.options as Record<string, unknown> | null | undefined);
  for (const key of Object.keys(options)) if (!OPTION_NAMES.has(key)) throw new Error(`unknown option "${key}"`);
  const { numFeatures, ...rest } = options;
  if (typeof numFeatures !== "number") throw new Error(`options.num_features must be a number, got ${JSON.stringify(numFeatures)}`);
  const bn = create(numFeatures, { ...(rest as BatchNormModuleOptions), dtype: "float64" });

  loadAffine(bn, testCase);
  const calls = testCase.calls;
  if (!Array.isArray(calls) || calls.length === 0) throw new Error('"calls" must be a non-empty array');
  (calls as Record<string, unknown>[]).forEach((call, i) => {
    runCall(bn, call, `calls[${i}]`);
  });
  return undefined;
};

function loadAffine(bn: BatchNorm, testCase: ConformanceCase): void {
  for (const name of ["weight", "bias"] as const) {
    const values = testCase[name];
    const parameter = bn[name];
    if (parameter === null) {
      if (values !== null && values !== undefined) throw new Error(`${name} is given but affine is false`);
      continue;
    }
    parameter.data.copyFrom(Tensor.from(numbers(values, name), { dtype: "float64" }));
  }
}

function runCall(bn: BatchNorm, call: Record<string, unknown>, where: string): void {
  const mode = call.mode;
  if (mode === "train") bn.train();
  else if (mode === "eval") bn.eval();
  else throw new Error(`${where}.mode must be "train" or "eval", got ${JSON.stringify(mode)}`);
  bn.zeroGrad();
  const x = new Variable(tensorOf(call.x, `${where}.x`), { requiresGrad: true });
  const y = bn.forward(x);
  y.backward(tensorOf(call.dy, `${where}.dy`));

  expectClose(`${where}.y`, y.data.toFlatArray(), tensorOf(call.y, `${where}.y`).data, TOLERANCE);
  expectClose(`${where}.dx`, gradOf(x, `${where}.dx`), tensorOf(call.dx, `${where}.dx`).data, TOLERANCE);
  for (const [name, parameter] of [["dweight", bn.weight], ["dbias", bn.bias]] as const) {
    const want = call[name];
    if (parameter === null) {
      if (want !== null) throw new Error(`${where}.${name} should be null when affine is false`);
      continue;
    }
    expectClose(`${where}.${name}`, gradOf(parameter, `${where}.${name}`), numbers(want, `${where}.${name}`), TOLERANCE);
  }
  compareBuffer(`${where}.running_mean`, bn.runningMean, call.running_mean);
  compareBuffer(`${where}.running_var`, bn.runningVar, call.running_var);
  compareBuffer(`${where}.num_batches_tracked`, bn.numBatchesTracked, call.num_batches_tracked ?? null);
}

function compareBuffer(what: string, buffer: Tensor | null, want: unknown): void {
  if (want === null || buffer === null) {
    if (want !== null || buffer !== null) throw new Error(`${what}: got ${buffer === null ? "no buffer" : "a buffer"}, want ${JSON.stringify(want)}`);
    return;
  }
  expectClose(what, buffer.toFlatArray(), typeof want === "number" ? [want] : numbers(want, what), TOLERANCE);
}

function gradOf(v: Variable, what: string): ArrayLike<number> {
  if (v.grad === null) throw new Error(`${what}: no gradient was computed`);
  return v.grad.toFlatArray();
}

function tensorOf(value: unknown, what: string): Tensor {
  const t = value as Partial<CaseTensor> | null;
  if (t === null || typeof t !== "object" || !Array.isArray(t.shape) || !Array.isArray(t.data)) throw new Error(`${what} must be a tensor { shape, data }`);
  return Tensor.from(t.data, { dtype: "float64", shape: t.shape });
}

function numbers(value: unknown, what: string): number[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "number")) throw new Error(`${what} must be an array of numbers`);
  return value as number[];
}
