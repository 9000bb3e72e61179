import { leastSquares, minimize } from "@descent/second-order";
import type { ConformanceCase } from "../case-file";
import { Mismatch } from "../compare";
import { camelCaseOptions } from "../snake-to-camel";
import type { KindAdapter } from "./kind-adapter";
import { mghProblems, sumOfSquares } from "./mgh/index";

interface SecondOrderCase extends ConformanceCase {
  method: string;
  problem: string;
  n: number;
  m: number;
  x0: number[];
  options: Record<string, unknown> | null;
  reference: { fun: number; nfev: number; success: boolean };
}

const minimizeMethods = new Set(["newton-cg", "bfgs", "l-bfgs-b", "cg", "trust-ncg"]);
const leastSquaresMethods = new Set(["lm", "gauss-newton"]);
/** SciPy gave these the exact Hessian (SCHEMA.md). */
const hessianMethods = new Set(["newton-cg", "trust-ncg"]);

function parse(testCase: ConformanceCase): SecondOrderCase {
  const c = testCase as SecondOrderCase;
  const problem = mghProblems.get(c.problem);
  if (typeof c.method !== "string") throw new Error(`"method" must be a string, got ${JSON.stringify(c.method)}`);
  if (problem === undefined) throw new Error(`unknown MGH problem ${JSON.stringify(c.problem)}`);
  if (!Number.isInteger(c.n) || !Number.isInteger(c.m)) throw new Error(`"n" and "m" must be integers, got ${c.n} and ${c.m}`);
  if (!Array.isArray(c.x0) || c.x0.length !== c.n) throw new Error(`"x0" must hold n = ${c.n} numbers`);
  if (typeof c.reference !== "object" || typeof c.reference.fun !== "number") throw new Error(`"reference.fun" must be a number`);
  return c;
}

/**
 * Runs one MGH problem through `minimize` (given f and ∇f, and ∇²f for Newton-CG / trust-ncg)
 * or `leastSquares` (given r and J), then applies SCHEMA.md's rule: f(x) ≤ reference.fun +
 * 1e-8·max(1, |reference.fun|), and success wherever SciPy succeeded.
 */
export const runSecondOrder: KindAdapter = (testCase) => {
  const c = parse(testCase);
  const method = c.method.toLowerCase();
  const objective = sumOfSquares(mghProblems.get(c.problem)!, c.n, c.m);
  const options = camelCaseOptions(c.options);
  let x: Float64Array;
  let success: boolean;
  let nfev: number;
  let message: string;
  if (minimizeMethods.has(method)) {
    const result = minimize((y) => objective.value(y), c.x0, {
      method: c.method,
      jac: (y) => objective.gradient(y),
      ...(hessianMethods.has(method) ? { hess: (y: Float64Array) => objective.hessian(y) } : {}),
      options,
    });
    ({ x, success, nfev, message } = result);
  } else if (leastSquaresMethods.has(method)) {
    const result = leastSquares((y) => objective.residuals(y), c.x0, {
      method: method === "lm" ? "lm" : "gauss-newton",
      jac: (y) => objective.jacobian(y),
      ...options,
    });
    ({ x, success, nfev, message } = result);
  } else {
    throw new Error(`unknown second-order method ${JSON.stringify(c.method)}`);
  }
  const f = objective.value(x);
  const bound = c.reference.fun + 1e-8 * Math.max(1, Math.abs(c.reference.fun));
  if (!(f <= bound)) throw new Mismatch(`f(x) = ${f}, want <= ${c.reference.fun} (+1e-8 relative); success ${success}, nfev ${nfev}: ${message}`);
  if (c.reference.success && !success) throw new Mismatch(`success false where SciPy succeeded (f = ${f}, nfev ${nfev}): ${message}`);
  return { nfev, referenceNfev: c.reference.nfev, method: c.method };
};
