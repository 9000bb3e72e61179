import { Generator } from "@descent/tensor";
import type { Schedule } from "@descent/schedulers";
import type { ParamLike } from "@descent/optim";
import type { Hyperparameters, OptimizerKind, SteppingOptimizer } from "../optimizers/optimizer-kinds";
import type { TestFunction } from "../surfaces/test-functions";

export interface PathRequest {
  readonly fn: TestFunction;
  readonly start: readonly [number, number];
  readonly steps: number;
  /** σ of the Gaussian noise added to each gradient component: a stand-in for minibatch gradients (0: exact gradients). */
  readonly noise: number;
  readonly seed: number;
  /** Factor on each optimizer's lr at step t (1 for a constant rate). */
  readonly lrFactor: Schedule;
  readonly optimizers: readonly { kind: OptimizerKind; hyper: Hyperparameters }[];
}

/** The iterates of one optimizer: point i is after i steps (point 0 is the start). */
export interface OptimizerPath {
  readonly kind: OptimizerKind;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** f at each point (the exact value, without the gradient noise). */
  readonly losses: Float64Array;
  /** How many points were computed: steps + 1, or fewer when the path stopped. */
  readonly length: number;
  /** Why the path stopped early (diverged, or the optimizer rejected a hyperparameter), or null. */
  readonly stopped: string | null;
}

/**
 * Runs every optimizer from the same start for `steps` steps on `fn`. A path stops when its point
 * leaves a box 100× the plot's size or stops being finite, so a diverging run cannot fill the
 * chart with infinities. Each optimizer draws its gradient noise from its own generator with
 * the same seed, so all of them see the same noise sequence.
 */
export function runPaths(request: PathRequest): OptimizerPath[] {
  return request.optimizers.map(({ kind, hyper }) => runOne(request, kind, hyper));
}

function runOne(request: PathRequest, kind: OptimizerKind, hyper: Hyperparameters): OptimizerPath {
  const { fn, steps, noise } = request;
  const xs = new Float64Array(steps + 1);
  const ys = new Float64Array(steps + 1);
  const losses = new Float64Array(steps + 1);
  const param = { data: new Float64Array(request.start), grad: new Float64Array(2) };
  xs[0] = param.data[0];
  ys[0] = param.data[1];
  losses[0] = fn.value(xs[0], ys[0]);
  const optimizer = createOrExplain(kind, [param], hyper);
  if (typeof optimizer === "string") return { kind, xs, ys, losses, length: 1, stopped: optimizer };
  const [xMin, xMax, yMin, yMax] = fn.domain;
  const reach = 100 * Math.max(xMax - xMin, yMax - yMin);
  const generator = new Generator(request.seed);
  const baseLr = hyper.lr;
  for (let t = 0; t < steps; t++) {
    fn.gradient(param.data[0], param.data[1], param.grad);
    if (noise > 0) {
      param.grad[0] += noise * generator.nextNormal();
      param.grad[1] += noise * generator.nextNormal();
    }
    optimizer.paramGroups[0].lr = baseLr * request.lrFactor(t);
    optimizer.step();
    const [x, y] = param.data;
    const loss = fn.value(x, y);
    if (!Number.isFinite(loss) || Math.abs(x) > reach || Math.abs(y) > reach) {
      return { kind, xs, ys, losses, length: t + 1, stopped: `diverged at step ${t + 1}` };
    }
    xs[t + 1] = x;
    ys[t + 1] = y;
    losses[t + 1] = loss;
  }
  return { kind, xs, ys, losses, length: steps + 1, stopped: null };
}

/** The optimizer, or the message of the InvalidArgumentError it threw for a bad hyperparameter. */
export function createOrExplain(kind: OptimizerKind, params: ParamLike[], hyper: Hyperparameters): SteppingOptimizer | string {
  try {
    return kind.create(params, hyper);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
