import { Adadelta, Adagrad, Adam, RMSprop, SGD } from "@descent/optim";
import type { Landscape } from "./functions";

/** The methods drawn on the landscapes: six first-order optimizers and plain Newton. */
export const pathMethods = ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "AdaDelta", "Adam", "Newton"] as const;
export type PathMethod = (typeof pathMethods)[number];

/** A point on the plane as an optimizer parameter: @descent/optim updates `data` in place from `grad`. */
interface PlaneParam {
  data: Float64Array;
  grad: Float64Array;
}

/** Stop a path that has left the plot this far (the saddle is unbounded below). */
const ESCAPE = 1e3;

/**
 * The iterates of `method` on `landscape` from its start: [x, y] for t = 0 … iterations (fewer
 * if the path escapes to infinity). The first-order methods are @descent/optim's classes on a
 * two-element parameter; Newton is the plain iteration x ← x − H⁻¹∇f, undamped and unshifted on
 * purpose, because its attraction to saddle points is what lecture 4 shows.
 */
export function trajectory(landscape: Landscape, method: PathMethod, lr: number): [number, number][] {
  const param: PlaneParam = { data: Float64Array.from(landscape.start), grad: new Float64Array(2) };
  const points: [number, number][] = [[param.data[0], param.data[1]]];
  const step = method === "Newton" ? newtonStep(landscape) : optimizerStep(method, param, lr);
  for (let t = 0; t < landscape.iterations; t++) {
    const [gx, gy] = landscape.gradient(param.data[0], param.data[1]);
    param.grad[0] = gx;
    param.grad[1] = gy;
    step(param);
    const [x, y] = param.data;
    if (!Number.isFinite(x) || !Number.isFinite(y)) break;
    points.push([x, y]);
    if (Math.abs(x) > ESCAPE || Math.abs(y) > ESCAPE) break;
  }
  return points;
}

function optimizerStep(method: Exclude<PathMethod, "Newton">, param: PlaneParam, lr: number): (p: PlaneParam) => void {
  const params = [param];
  const optimizer = {
    SGD: () => new SGD(params, { lr }),
    Momentum: () => new SGD(params, { lr, momentum: 0.9 }),
    Nesterov: () => new SGD(params, { lr, momentum: 0.9, nesterov: true }),
    AdaGrad: () => new Adagrad(params, { lr }),
    RMSProp: () => new RMSprop(params, { lr }),
    AdaDelta: () => new Adadelta(params, { lr }),
    Adam: () => new Adam(params, { lr }),
  }[method]();
  return () => {
    optimizer.step();
  };
}

function newtonStep(landscape: Landscape): (p: PlaneParam) => void {
  return (p) => {
    const [a, b, c] = landscape.hessian(p.data[0], p.data[1]);
    const det = a * c - b * b;
    // A singular Hessian (the saddle's origin, where it is 0) has no Newton step: stay put.
    if (Math.abs(det) < 1e-300) return;
    const [gx, gy] = [p.grad[0], p.grad[1]];
    p.data[0] -= (c * gx - b * gy) / det;
    p.data[1] -= (a * gy - b * gx) / det;
  };
}
