import { invalidArgument } from "@descent/tensor";
import { bfgs } from "./methods/bfgs";
import { cgNonlinear, type CgBeta } from "./methods/cg-nonlinear";
import { lbfgs } from "./methods/lbfgs";
import { newton } from "./methods/newton";
import { newtonCg } from "./methods/newton-cg";
import { mooreSorensen } from "./methods/trust-exact";
import { steihaug } from "./methods/trust-ncg";
import { trustRegion } from "./methods/trust-region";
import { Objective, type GradientFunction, type HessianFunction, type HessianVectorProduct, type ScalarFunction, type ValueAndGradientFunction } from "./objective";
import type { Callback, MethodOutcome, OptimizeResult } from "./result";
import { allFinite } from "./vector";

/** Method names; SciPy's spellings (`Newton-CG`, `BFGS`, `L-BFGS-B`, `CG`) are accepted in any case. */
export type MinimizeMethod = "newton" | "newton-cg" | "trust-ncg" | "trust-exact" | "bfgs" | "lbfgs" | "cg";

export interface MinimizeOptions {
  /** Default `bfgs`. */
  method?: string;
  /**
   * The gradient: a function of x, `true` when `fun` returns [value, gradient], or omitted for
   * forward finite differences (noted in the result's message).
   */
  jac?: GradientFunction | boolean;
  /** The Hessian (n×n flat row-major, or rows): `newton` and `trust-exact` need it. */
  hess?: HessianFunction;
  /** Hessian-vector products, for `newton-cg` and `trust-ncg`. */
  hessp?: HessianVectorProduct;
  /** SciPy's `tol`: the method's main tolerance unless `options` sets it. */
  tol?: number;
  callback?: Callback;
  /** Method options, SciPy's names in camelCase (maxiter, gtol, xtol, ftol, maxcor, ...). */
  options?: Record<string, unknown>;
}

const aliases: Record<string, MinimizeMethod> = {
  newton: "newton",
  "newton-cg": "newton-cg",
  ncg: "newton-cg",
  "trust-ncg": "trust-ncg",
  "trust-exact": "trust-exact",
  bfgs: "bfgs",
  lbfgs: "lbfgs",
  "l-bfgs": "lbfgs",
  "l-bfgs-b": "lbfgs",
  cg: "cg",
};

/** Each method's options with SciPy's defaults (n = the number of variables). */
const defaults = {
  newton: (n: number) => ({ gtol: 1e-5, norm: Infinity, maxiter: 200 * n, shiftFloor: 1e-3 }),
  "newton-cg": (n: number) => ({ xtol: 1e-5, maxiter: 200 * n }),
  "trust-ncg": (n: number) => ({ initialTrustRadius: 1, maxTrustRadius: 1000, eta: 0.15, gtol: 1e-4, maxiter: 200 * n }),
  "trust-exact": (n: number) => ({ initialTrustRadius: 1, maxTrustRadius: 1000, eta: 0.15, gtol: 1e-4, maxiter: 200 * n }),
  bfgs: (n: number) => ({ gtol: 1e-5, norm: Infinity, maxiter: 200 * n, xrtol: 0 }),
  lbfgs: () => ({ ftol: 2.220446049250313e-9, gtol: 1e-5, maxcor: 10, maxiter: 15000, maxfun: 15000, maxls: 20 }),
  cg: (n: number) => ({ gtol: 1e-5, norm: Infinity, maxiter: 200 * n, beta: "polak-ribiere" as CgBeta, restartEvery: 0 }),
} satisfies Record<MinimizeMethod, (n: number) => object>;

/** Which options `tol` sets, per method, as SciPy's `minimize` does. */
const tolSets: Record<MinimizeMethod, readonly string[]> = {
  newton: ["gtol"],
  "newton-cg": ["xtol"],
  "trust-ncg": ["gtol"],
  "trust-exact": ["gtol"],
  bfgs: ["gtol"],
  lbfgs: ["ftol", "gtol"],
  cg: ["gtol"],
};

/** Options SciPy accepts that change nothing here. */
const ignoredOptions = new Set(["disp", "returnAll", "iprint"]);

function resolveOptions<T extends object>(fn: string, method: MinimizeMethod, base: T, given: Record<string, unknown>, tol: number | undefined): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  if (tol !== undefined) for (const key of tolSets[method]) out[key] = tol;
  for (const [key, value] of Object.entries(given)) {
    if (ignoredOptions.has(key) || value === undefined) continue;
    if (!(key in base)) {
      throw invalidArgument(fn, `options.${key}`, value, `one of the ${method} options: ${Object.keys(base).join(", ")}`);
    }
    const current = (base as Record<string, unknown>)[key];
    if (typeof current === "number") {
      if (typeof value !== "number" || Number.isNaN(value) || value < 0) throw invalidArgument(fn, `options.${key}`, value, "a number >= 0");
      if (key.startsWith("max") && key !== "maxTrustRadius" && !(Number.isInteger(value) || value === Infinity)) {
        throw invalidArgument(fn, `options.${key}`, value, "a non-negative integer");
      }
    }
    out[key] = value;
  }
  return out as T;
}

/**
 * Minimizes a scalar function of n variables, SciPy's `scipy.optimize.minimize` for the
 * unconstrained methods: `newton`, `newton-cg`, `trust-ncg`, `trust-exact`, `bfgs` (default),
 * `lbfgs` (SciPy's `L-BFGS-B` without bounds) and `cg`. `fun` returns f(x), or [f(x), ∇f(x)]
 * with `jac: true`. Bounds and constraints are out of scope.
 *
 * Bad input fails loudly (an InvalidArgumentError naming the argument); a NaN from `fun` during
 * the run ends it cleanly with `success: false` and a message saying where.
 */
export function minimize(fun: ScalarFunction | ValueAndGradientFunction, x0: ArrayLike<number>, options: MinimizeOptions = {}): OptimizeResult {
  const fn = "minimize";
  if (typeof fun !== "function") throw invalidArgument(fn, "fun", fun, "a function of x");
  if (typeof x0 !== "object" || typeof x0.length !== "number" || x0.length === 0) throw invalidArgument(fn, "x0", x0, "a non-empty array of numbers");
  if (!allFinite(x0)) throw invalidArgument(fn, "x0", Array.from(x0), "finite numbers (no NaN or Infinity)");
  const rawMethod = options.method ?? "bfgs";
  const method = typeof rawMethod === "string" ? aliases[rawMethod.toLowerCase()] : undefined;
  if (method === undefined) throw invalidArgument(fn, "method", rawMethod, `one of ${Object.keys(aliases).join(", ")} (any case)`);
  const { jac, hess, hessp, tol, callback } = options;
  if (jac !== undefined && typeof jac !== "function" && typeof jac !== "boolean") throw invalidArgument(fn, "jac", jac, "a gradient function, true, or undefined");
  if (hess !== undefined && typeof hess !== "function") throw invalidArgument(fn, "hess", hess, "a function returning the Hessian");
  if (hessp !== undefined && typeof hessp !== "function") throw invalidArgument(fn, "hessp", hessp, "a function (x, p) => H·p");
  if (tol !== undefined && !(tol >= 0)) throw invalidArgument(fn, "tol", tol, "a number >= 0");
  if (callback !== undefined && typeof callback !== "function") throw invalidArgument(fn, "callback", callback, "a function");
  if ((method === "newton" || method === "trust-exact") && hess === undefined) {
    throw invalidArgument(fn, "hess", hess, `a Hessian function: method ${method} needs the full Hessian`);
  }
  if (method === "trust-ncg" && hess === undefined && hessp === undefined) {
    throw invalidArgument(fn, "hess", hess, "a Hessian or hessp function: trust-ncg needs second derivatives");
  }
  const given = options.options ?? {};
  if (typeof given !== "object") throw invalidArgument(fn, "options.options", given, "an object");

  const x = Float64Array.from(x0);
  const n = x.length;
  const objective = new Objective(fn, n, { fun, jac, hess, hessp });

  // A NaN at the start cannot be recovered from: report it before iterating.
  const f0 = objective.value(x);
  const g0 = objective.gradient(x);
  let outcome: MethodOutcome;
  if (Number.isNaN(f0) || g0.some((v) => Number.isNaN(v))) {
    outcome = { x, fun: f0, jac: g0, nit: 0, status: 3, message: `${Number.isNaN(f0) ? "fun" : "the gradient"} is NaN at x0.` };
  } else {
    outcome = run(fn, method, objective, x, given, tol, callback);
  }
  let message = outcome.message;
  if (objective.nanAt !== null && outcome.status !== 0) message += ` fun or its gradient returned NaN at x = [${Array.from(objective.nanAt).join(", ")}].`;
  if (objective.finiteDifferences) message += " (Gradient by forward finite differences: pass jac for accuracy and fewer evaluations.)";
  return {
    x: outcome.x,
    fun: outcome.fun,
    jac: outcome.jac,
    nit: outcome.nit,
    nfev: objective.nfev,
    njev: objective.njev,
    nhev: objective.nhev,
    status: outcome.status,
    success: outcome.status === 0,
    message,
  };
}

function run(fn: string, method: MinimizeMethod, objective: Objective, x: Float64Array, given: Record<string, unknown>, tol: number | undefined, callback: Callback | undefined): MethodOutcome {
  const n = x.length;
  switch (method) {
    case "bfgs":
      return bfgs(objective, x, resolveOptions(fn, method, defaults.bfgs(n), given, tol), callback);
    case "cg": {
      const o = resolveOptions(fn, method, defaults.cg(n), given, tol);
      if (!["polak-ribiere", "fletcher-reeves", "hestenes-stiefel"].includes(o.beta)) {
        throw invalidArgument(fn, "options.beta", o.beta, '"polak-ribiere", "fletcher-reeves" or "hestenes-stiefel"');
      }
      if (given.restartEvery === undefined && o.beta !== "polak-ribiere") o.restartEvery = n;
      return cgNonlinear(objective, x, o, callback);
    }
    case "lbfgs": {
      const o = resolveOptions(fn, method, defaults.lbfgs(), given, tol);
      if (!(o.maxcor >= 1) || !(o.maxls >= 1)) throw invalidArgument(fn, "options.maxcor/maxls", [o.maxcor, o.maxls], "integers >= 1");
      return lbfgs(objective, x, o, callback);
    }
    case "newton-cg":
      return newtonCg(objective, x, resolveOptions(fn, method, defaults["newton-cg"](n), given, tol), callback);
    case "newton":
      return newton(objective, x, resolveOptions(fn, method, defaults.newton(n), given, tol), callback);
    case "trust-ncg":
    case "trust-exact": {
      const o = resolveOptions(fn, method, defaults[method](n), given, tol);
      if (!(o.eta >= 0 && o.eta < 0.25)) throw invalidArgument(fn, "options.eta", o.eta, "a number in [0, 0.25)");
      if (!(o.maxTrustRadius > 0)) throw invalidArgument(fn, "options.maxTrustRadius", o.maxTrustRadius, "a positive number");
      if (!(o.initialTrustRadius > 0 && o.initialTrustRadius < o.maxTrustRadius)) {
        throw invalidArgument(fn, "options.initialTrustRadius", o.initialTrustRadius, `a positive number below maxTrustRadius (${o.maxTrustRadius})`);
      }
      const solver = method === "trust-ncg" ? () => steihaug : mooreSorensen();
      return trustRegion(objective, x, solver, o, callback);
    }
  }
}
