import { ASGD, Adadelta, Adagrad, Adam, AdamW, Adamax, LBFGS, NAdam, RAdam, RMSprop, Rprop, SGD } from "@descent/optim";
import type { ParamLike } from "@descent/optim";
import type { CaseTensor, ConformanceCase } from "../case-file";
import { expectClose } from "../compare";
import { camelCaseOptions, snakeToCamel } from "../snake-to-camel";
import type { KindAdapter } from "./kind-adapter";

interface Steppable {
  step(closure?: () => number): number | undefined;
  state: ReadonlyMap<ParamLike, object>;
}

type Construct = (params: unknown, options: Record<string, unknown>) => Steppable;

// The optimizers' constructors take typed options; the cases' options are checked by the constructors themselves.
const OPTIMIZERS: ReadonlyMap<string, Construct> = new Map<string, Construct>([
  ["SGD", (p, o) => new SGD(p as never, o as never)],
  ["Adam", (p, o) => new Adam(p as never, o)],
  ["AdamW", (p, o) => new AdamW(p as never, o)],
  ["Adamax", (p, o) => new Adamax(p as never, o)],
  ["Adadelta", (p, o) => new Adadelta(p as never, o)],
  ["Adagrad", (p, o) => new Adagrad(p as never, o)],
  ["RMSprop", (p, o) => new RMSprop(p as never, o)],
  ["NAdam", (p, o) => new NAdam(p as never, o)],
  ["RAdam", (p, o) => new RAdam(p as never, o)],
  ["ASGD", (p, o) => new ASGD(p as never, o)],
  ["Rprop", (p, o) => new Rprop(p as never, o)],
  ["LBFGS", (p, o) => new LBFGS(p as never, o)],
]);

/** Case options in descent's spelling: names camelCased, enum-like string values too (`strong_wolfe` → `strongWolfe`). */
function toOptions(raw: unknown): Record<string, unknown> {
  const options = camelCaseOptions(raw as Record<string, unknown> | null);
  for (const [key, value] of Object.entries(options)) if (typeof value === "string") options[key] = snakeToCamel(value);
  return options;
}

/** The loss and its gradient over the flat concatenation x of all parameters. */
type Objective = (x: Float64Array, grad: Float64Array, step: number) => number;

function objectiveOf(spec: Record<string, unknown>, n: number): Objective {
  if (spec.type === "rosenbrock") {
    return (x, grad) => {
      grad.fill(0);
      let f = 0;
      for (let i = 0; i < n - 1; i++) {
        const r = x[i + 1] - x[i] * x[i];
        f += 100 * r * r + (1 - x[i]) * (1 - x[i]);
        grad[i] += -400 * x[i] * r - 2 * (1 - x[i]);
        grad[i + 1] += 200 * r;
      }
      return f;
    };
  }
  if (spec.type !== "quartic" && spec.type !== "noisy-quartic") throw new Error(`unknown objective type ${JSON.stringify(spec.type)}`);
  const A = spec.A as number[][];
  const b = spec.b as number[];
  const c = spec.c as number;
  const noise = spec.type === "noisy-quartic" ? (spec.noise as number[][]) : null;
  if (A.length !== n || b.length !== n) throw new Error(`objective of size ${A.length}, parameters of ${n}`);
  return (x, grad, step) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      let ax = 0;
      for (let j = 0; j < n; j++) ax += A[i][j] * x[j];
      f += 0.5 * x[i] * ax - b[i] * x[i] + c * x[i] ** 4;
      grad[i] = ax - b[i] + 4 * c * x[i] ** 3 + (noise === null ? 0 : noise[step][i]);
    }
    return f;
  };
}

/** Runs one optimizer case: `steps` steps from `params`, each compared with `trajectory` (and ASGD's `averages`). */
export const runOptimizer: KindAdapter = (testCase: ConformanceCase) => {
  const construct = OPTIMIZERS.get(testCase.optimizer as string);
  if (construct === undefined) throw new Error(`unknown optimizer ${JSON.stringify(testCase.optimizer)}`);
  const tensors = testCase.params as CaseTensor[];
  const params = tensors.map((t) => ({ data: Float64Array.from(t.data), grad: new Float64Array(t.data.length) }));
  const n = params.reduce((sum, p) => sum + p.data.length, 0);
  const options = toOptions(testCase.options);
  const groups = testCase.param_groups as { params: number[]; options: Record<string, unknown> }[] | null;
  const optimizer = construct(
    groups === null ? params : groups.map((g) => ({ ...toOptions(g.options), params: g.params.map((i) => params[i]) })),
    options,
  );
  const objective = objectiveOf(testCase.objective as Record<string, unknown>, n);
  const x = new Float64Array(n);
  const flatGrad = new Float64Array(n);
  let stepIndex = 0;
  const evaluate = (): number => {
    let offset = 0;
    for (const p of params) {
      x.set(p.data, offset);
      offset += p.data.length;
    }
    const loss = objective(x, flatGrad, stepIndex);
    offset = 0;
    for (const p of params) {
      p.grad.set(flatGrad.subarray(offset, offset + p.data.length));
      offset += p.data.length;
    }
    return loss;
  };
  const isLbfgs = testCase.optimizer === "LBFGS";
  const tolerance = isLbfgs ? 1e-7 : 1e-9;
  const trajectory = testCase.trajectory as number[][][];
  const averages = testCase.averages as number[][][] | undefined;
  const steps = testCase.steps as number;
  if (trajectory.length !== steps) throw new Error(`trajectory has ${trajectory.length} entries for ${steps} steps`);
  for (stepIndex = 0; stepIndex < steps; stepIndex++) {
    if (isLbfgs) {
      optimizer.step(evaluate);
    } else {
      evaluate();
      optimizer.step();
    }
    params.forEach((p, i) => {
      expectClose(`step ${stepIndex + 1} param ${i}`, p.data, trajectory[stepIndex][i], tolerance);
      if (averages !== undefined) {
        const ax = (optimizer.state.get(p) as { ax?: Float64Array } | undefined)?.ax;
        if (ax === undefined) throw new Error(`step ${stepIndex + 1} param ${i}: no averaged iterate (state.ax)`);
        expectClose(`step ${stepIndex + 1} average ${i}`, ax, averages[stepIndex][i], tolerance);
      }
    });
  }
  return undefined;
};
