import { InvalidArgumentError, invalidArgument } from "@descent/tensor";
import { isParamLike, paramData, paramGrad } from "./param";
import type { FloatArray, ParamLike } from "./param";

function gradsOf(fn: string, params: ParamLike | Iterable<ParamLike>): FloatArray[] {
  let list: unknown[];
  if (isParamLike(params)) list = [params];
  else if (typeof params === "object" && (params as object | null) !== null && Symbol.iterator in params) list = [...params];
  else throw invalidArgument(fn, "params", params, "a parameter or an iterable of parameters");
  const grads: FloatArray[] = [];
  list.forEach((p, i) => {
    if (!isParamLike(p)) throw invalidArgument(fn, `params[${i}]`, p, "a parameter { data, grad }");
    const grad = paramGrad(fn, p);
    if (grad === null) return;
    const n = paramData(fn, p).length;
    if (grad.length !== n) throw invalidArgument(fn, `params[${i}].grad.length`, grad.length, `${n} (the parameter's length)`);
    grads.push(grad);
  });
  return grads;
}

/** The p-norm of one array: (Σ|xᵢ|ᵖ)^(1/p), max |xᵢ| for p = ∞. */
function norm(x: FloatArray, p: number): number {
  let acc = 0;
  if (p === Infinity) for (let i = 0; i < x.length; i++) acc = Math.max(acc, Math.abs(x[i]));
  else if (p === 2) for (let i = 0; i < x.length; i++) acc += x[i] * x[i];
  else if (p === 1) for (let i = 0; i < x.length; i++) acc += Math.abs(x[i]);
  else for (let i = 0; i < x.length; i++) acc += Math.abs(x[i]) ** p;
  return p === Infinity || p === 1 ? acc : p === 2 ? Math.sqrt(acc) : acc ** (1 / p);
}

/**
 * Scales the gradients in place so that their total `normType`-norm (the norm of the
 * per-parameter norms, as PyTorch computes it) is at most `maxNorm`, and returns the total
 * norm before clipping. Parameters without a gradient are ignored. With `errorIfNonfinite`,
 * a NaN or infinite total norm throws before anything changes.
 * PyTorch's `torch.nn.utils.clip_grad_norm_`: the scale is `min(1, maxNorm / (norm + 1e-6))`.
 */
export function clipGradNorm(
  params: ParamLike | Iterable<ParamLike>,
  maxNorm: number,
  normType = 2,
  { errorIfNonfinite = false }: { errorIfNonfinite?: boolean } = {},
): number {
  const fn = "clipGradNorm";
  if (typeof maxNorm !== "number" || !(maxNorm >= 0) || maxNorm === Infinity) throw invalidArgument(fn, "maxNorm", maxNorm, "a finite number >= 0");
  if (typeof normType !== "number" || !(normType > 0)) throw invalidArgument(fn, "normType", normType, "a number > 0 or Infinity");
  if (typeof errorIfNonfinite !== "boolean") throw invalidArgument(fn, "errorIfNonfinite", errorIfNonfinite, "true or false");
  const grads = gradsOf(fn, params);
  if (grads.length === 0) return 0;
  const norms = Float64Array.from(grads, (g) => norm(g, normType));
  const total = norms.length === 1 ? norms[0] : norm(norms, normType);
  if (errorIfNonfinite && !Number.isFinite(total)) {
    throw new InvalidArgumentError(`${fn}: the total ${normType}-norm of the gradients is ${total}, expected a finite number (pass errorIfNonfinite: false to clip anyway)`);
  }
  const scale = Math.min(maxNorm / (total + 1e-6), 1);
  for (const g of grads) for (let i = 0; i < g.length; i++) g[i] = g[i] * scale;
  return total;
}

/** Clamps every gradient element to [−clipValue, clipValue] in place (PyTorch's `clip_grad_value_`). */
export function clipGradValue(params: ParamLike | Iterable<ParamLike>, clipValue: number): void {
  const fn = "clipGradValue";
  if (typeof clipValue !== "number" || !(clipValue >= 0) || clipValue === Infinity) throw invalidArgument(fn, "clipValue", clipValue, "a finite number >= 0");
  for (const g of gradsOf(fn, params)) {
    for (let i = 0; i < g.length; i++) g[i] = Math.min(Math.max(g[i], -clipValue), clipValue);
  }
}
