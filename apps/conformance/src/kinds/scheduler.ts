import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  MultiStepLR,
  MultiplicativeLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  SequentialLR,
  StepLR,
  type LRScheduler,
  type LrLambda,
  type OptimizerLike,
  type ParamGroupLike,
  type Scheduler,
} from "@descent/schedulers";
import type { ConformanceCase } from "../case-file";
import { expectClose } from "../compare";
import { camelCaseOptions, snakeToCamel } from "../snake-to-camel";
import type { KindAdapter } from "./kind-adapter";

const TOLERANCE = 1e-12;

type Options = Record<string, unknown>;

function fail(testCase: ConformanceCase, message: string): never {
  throw new Error(`case ${testCase.id}: ${message}`);
}

/** The schema's named `lr_lambda` functions, as JS functions of the epoch. */
function buildLrLambda(spec: unknown): LrLambda {
  if (typeof spec !== "object" || spec === null) throw new Error(`lr_lambda must be an object like {"fn": "exp", "gamma": 0.9}, got ${JSON.stringify(spec)}`);
  const { fn, gamma, k, value } = spec as { fn?: unknown; gamma?: unknown; k?: unknown; value?: unknown };
  const number = (name: string, v: unknown): number => {
    if (typeof v !== "number") throw new Error(`lr_lambda ${String(fn)} needs a number "${name}", got ${JSON.stringify(v)}`);
    return v;
  };
  switch (fn) {
    case "exp": {
      const g = number("gamma", gamma);
      return (epoch) => g ** epoch;
    }
    case "inverse_time": {
      const kk = number("k", k);
      return (epoch) => 1 / (1 + kk * epoch);
    }
    case "inverse_sqrt": {
      const kk = number("k", k);
      return (epoch) => 1 / Math.sqrt(1 + kk * epoch);
    }
    case "constant": {
      const v = number("value", value);
      return () => v;
    }
    default:
      throw new Error(`unknown lr_lambda fn ${JSON.stringify(fn)}`);
  }
}

/**
 * Torch option names and enum values → ours: keys through `camelCaseOptions`, string values
 * (`exp_range`, `rel`, `cos`) through `snakeToCamel`, `lr_lambda` to a function.
 */
function translateOptions(options: unknown): Options {
  const out = camelCaseOptions(options as Options | null | undefined);
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === "string") out[key] = snakeToCamel(value);
  }
  if ("lrLambda" in out) out.lrLambda = buildLrLambda(out.lrLambda);
  return out;
}

function buildOptimizer(testCase: ConformanceCase): OptimizerLike {
  const spec = testCase.optimizer as { type?: unknown; lrs?: unknown; momentum?: unknown; betas?: unknown } | undefined;
  if (spec === undefined || !Array.isArray(spec.lrs)) fail(testCase, `"optimizer.lrs" must be a list of numbers`);
  const lrs = spec.lrs as number[];
  if (spec.type === "SGD") {
    const momentum = typeof spec.momentum === "number" ? spec.momentum : 0;
    return { paramGroups: lrs.map((lr): ParamGroupLike => ({ lr, momentum })) };
  }
  if (spec.type === "Adam") {
    const betas = Array.isArray(spec.betas) ? (spec.betas as [number, number]) : [0.9, 0.999];
    return { paramGroups: lrs.map((lr): ParamGroupLike => ({ lr, betas: [betas[0], betas[1]] })) };
  }
  return fail(testCase, `unknown optimizer type ${JSON.stringify(spec.type)}`);
}

type Built = { kind: "epoch"; scheduler: Scheduler } | { kind: "plateau"; scheduler: ReduceLROnPlateau };

/**
 * The cases' options are untyped JSON, so they are passed as they are (`as never`): each class
 * checks its options at run time and names the one that is wrong.
 */
function buildLRScheduler(name: unknown, options: Options, optimizer: OptimizerLike): LRScheduler {
  switch (name) {
    case "LambdaLR":
      return new LambdaLR(optimizer, options as never);
    case "MultiplicativeLR":
      return new MultiplicativeLR(optimizer, options as never);
    case "StepLR":
      return new StepLR(optimizer, options as never);
    case "MultiStepLR":
      return new MultiStepLR(optimizer, options as never);
    case "ConstantLR":
      return new ConstantLR(optimizer, options);
    case "LinearLR":
      return new LinearLR(optimizer, options);
    case "ExponentialLR":
      return new ExponentialLR(optimizer, options as never);
    case "PolynomialLR":
      return new PolynomialLR(optimizer, options);
    case "CosineAnnealingLR":
      return new CosineAnnealingLR(optimizer, options as never);
    case "CosineAnnealingWarmRestarts":
      return new CosineAnnealingWarmRestarts(optimizer, options as never);
    case "CyclicLR":
      return new CyclicLR(optimizer, options as never);
    case "OneCycleLR":
      return new OneCycleLR(optimizer, options as never);
    default:
      throw new Error(`unknown scheduler ${JSON.stringify(name)}`);
  }
}

/** Builds the inner `{ scheduler, options }` list of SequentialLR / ChainedScheduler, in order, on one optimizer. */
function buildInner(list: unknown, optimizer: OptimizerLike): LRScheduler[] {
  if (!Array.isArray(list)) throw new Error(`"options.schedulers" must be a list, got ${JSON.stringify(list)}`);
  return list.map((entry: { scheduler?: unknown; options?: unknown }) => buildLRScheduler(entry.scheduler, translateOptions(entry.options), optimizer));
}

function buildScheduler(testCase: ConformanceCase, optimizer: OptimizerLike): Built {
  const name = testCase.scheduler;
  const options = translateOptions(testCase.options);
  switch (name) {
    case "ReduceLROnPlateau":
      return { kind: "plateau", scheduler: new ReduceLROnPlateau(optimizer, options) };
    case "SequentialLR":
      return {
        kind: "epoch",
        scheduler: new SequentialLR(optimizer, { ...options, schedulers: buildInner(options.schedulers, optimizer) } as never),
      };
    case "ChainedScheduler":
      return { kind: "epoch", scheduler: new ChainedScheduler(buildInner(options.schedulers, optimizer)) };
    default:
      return { kind: "epoch", scheduler: buildLRScheduler(name, options, optimizer) };
  }
}

function readMomentums(optimizer: OptimizerLike): number[] {
  return optimizer.paramGroups.map((g) => (g.betas !== undefined ? g.betas[0] : (g.momentum ?? Number.NaN)));
}

/** Builds the case's optimizer and scheduler, steps it `steps` times, and compares every lr (and momentum) row. */
export const runScheduler: KindAdapter = (testCase) => {
  const steps = testCase.steps;
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 0) fail(testCase, `"steps" must be an integer >= 0`);
  const wantLrs = testCase.lrs as number[][] | undefined;
  if (!Array.isArray(wantLrs) || wantLrs.length !== steps + 1) fail(testCase, `"lrs" must hold steps + 1 rows`);
  const wantMomentums = (testCase.momentums ?? null) as number[][] | null;
  if (wantMomentums !== null && (!Array.isArray(wantMomentums) || wantMomentums.length !== steps + 1)) {
    fail(testCase, `"momentums" must be null or hold steps + 1 rows`);
  }
  const optimizer = buildOptimizer(testCase);
  const built = buildScheduler(testCase, optimizer);
  const metrics = (testCase.metrics ?? null) as number[] | null;
  if (built.kind === "plateau" && (!Array.isArray(metrics) || metrics.length < steps)) fail(testCase, `ReduceLROnPlateau needs ${steps} metrics`);

  const check = (k: number): void => {
    expectClose(`lrs[${k}]`, optimizer.paramGroups.map((g) => g.lr), wantLrs[k], TOLERANCE);
    if (wantMomentums !== null) expectClose(`momentums[${k}]`, readMomentums(optimizer), wantMomentums[k], TOLERANCE);
  };
  check(0);
  for (let k = 1; k <= steps; k++) {
    if (built.kind === "plateau") built.scheduler.step(metrics![k - 1]);
    else built.scheduler.step();
    check(k);
  }
  return undefined;
};
