import { minimize, type OptimizeResult } from "@descent/second-order";
import type { BenchContext, Section } from "../context";
import { measure, relativeSpread, type Timing } from "../harness";
import type { PythonRun, PythonTask } from "../peers/python";
import { runPythonTasks, scipyPeer, taskResult } from "../peers/select";
import { extendedRosenbrock, extendedRosenbrockStart } from "../problems/extended-rosenbrock";
import { MGH_PROBLEMS, pythonName, reachedMinimum, sumOfSquares } from "../problems/mgh";
import type { BenchResult } from "../result";

/** descent's method name → SciPy's. */
const SCIPY_METHOD = { lbfgs: "L-BFGS-B", bfgs: "BFGS" } as const;
type Method = keyof typeof SCIPY_METHOD;

interface ScipyRosenbrock {
  nit: number;
  nfev: number;
  fun: number;
  success: boolean;
  timing: Timing;
}

interface ScipyMgh {
  f0: number;
  g0: number[];
  nit: number;
  nfev: number;
  fun: number;
  success: boolean;
}

const ROSENBROCK_CASES: { method: Method; n: number }[] = [
  { method: "lbfgs", n: 100 },
  { method: "bfgs", n: 100 },
  { method: "lbfgs", n: 10_000 },
];

function rosenbrockRows(ctx: BenchContext, py: PythonRun, withScipy: boolean): BenchResult[] {
  const rows: BenchResult[] = [];
  for (const { method, n } of ROSENBROCK_CASES) {
    ctx.log(`  ${method} extended Rosenbrock n=${n}`);
    const x0 = extendedRosenbrockStart(n);
    let result: OptimizeResult | undefined;
    const timing = measure(() => {
      result = minimize(extendedRosenbrock, x0, { method, jac: true });
    }, ctx.budget);
    const ours = result!;
    const theirs = withScipy ? (taskResult(ctx, py, `rosenbrock-${method}-${n}`) as ScipyRosenbrock | undefined) : undefined;
    const base = `${method}-rosenbrock-n${n}`;
    const note = `f = ${ours.fun.toExponential(2)} (${ours.success ? "success" : ours.message})` + (theirs === undefined ? "" : `; scipy ${SCIPY_METHOD[method]} f = ${theirs.fun.toExponential(2)} (${theirs.success ? "success" : "failed"})`);
    const peer = (v: number | undefined): { scipy?: number } => (v === undefined ? {} : { scipy: v });
    rows.push(
      { section: "second-order", name: `${base}-nfev`, unit: "evaluations", higherIsBetter: false, descent: ours.nfev, peers: peer(theirs?.nfev), note },
      { section: "second-order", name: `${base}-nit`, unit: "iterations", higherIsBetter: false, descent: ours.nit, peers: peer(theirs?.nit) },
      {
        section: "second-order", name: `${base}-ms`, unit: "ms", higherIsBetter: false, descent: timing.medianMs, peers: peer(theirs?.timing.medianMs),
        spreadKind: "relative-iqr", spread: { descent: relativeSpread(timing), ...(theirs === undefined ? {} : { scipy: relativeSpread(theirs.timing) }) },
        note: "whole solve, objective included (TypeScript loops vs NumPy)",
      },
    );
  }
  return rows;
}

function mghRows(ctx: BenchContext, py: PythonRun, withScipy: boolean): BenchResult[] {
  const rows: BenchResult[] = [];
  for (const method of ["lbfgs", "bfgs"] as const) {
    let reached = 0;
    let reachedScipy = 0;
    let nfevTotal = 0;
    let nfevScipy = 0;
    for (const p of MGH_PROBLEMS) {
      const fun = sumOfSquares(p);
      const ours = minimize(fun, Float64Array.from(p.x0), { method, jac: true, options: { maxiter: 2000 } });
      const theirs = withScipy ? (taskResult(ctx, py, `mgh-${p.name}-${method}`) as ScipyMgh | undefined) : undefined;
      if (theirs !== undefined && method === "lbfgs") checkAgainstPeer(ctx, p.name, fun(Float64Array.from(p.x0)), theirs);
      const okOurs = reachedMinimum(p, ours.fun);
      const okTheirs = theirs !== undefined && reachedMinimum(p, theirs.fun);
      reached += okOurs ? 1 : 0;
      reachedScipy += okTheirs ? 1 : 0;
      nfevTotal += ours.nfev;
      nfevScipy += theirs?.nfev ?? 0;
      const fText = (f: number, ok: boolean): string => `${f !== 0 && Math.abs(f) < 1e-3 ? f.toExponential(5) : f.toPrecision(6)}${ok ? "" : ", not a known minimum"}`;
      rows.push({
        section: "second-order",
        name: `mgh-${p.name}-${method}-nfev`,
        unit: "evaluations",
        higherIsBetter: false,
        descent: ours.nfev,
        peers: theirs === undefined ? {} : { scipy: theirs.nfev },
        note: `f = ${fText(ours.fun, okOurs)}` + (theirs === undefined ? "" : `; scipy f = ${fText(theirs.fun, okTheirs)}`),
      });
    }
    const count = MGH_PROBLEMS.length;
    rows.push(
      { section: "second-order", name: `mgh-${method}-reached`, unit: `of ${count}`, higherIsBetter: true, descent: reached, peers: withScipy ? { scipy: reachedScipy } : {}, note: "problems ending at a known minimum value (6 significant digits, or 1e-8 near 0)" },
      { section: "second-order", name: `mgh-${method}-nfev-total`, unit: "evaluations", higherIsBetter: false, descent: nfevTotal, peers: withScipy ? { scipy: nfevScipy } : {} },
    );
  }
  return rows;
}

/** The two sides must be solving the same function: compare f and ∇f at x₀ (peer.py uses complex-step derivatives). */
function checkAgainstPeer(ctx: BenchContext, name: string, [f, g]: [number, Float64Array], theirs: ScipyMgh): void {
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));
  const gradientsAgree = theirs.g0.length === g.length && theirs.g0.every((v, j) => close(v, g[j]));
  if (!close(f, theirs.f0) || !gradientsAgree) ctx.log(`  warning: ${name}: f or ∇f at x₀ differs from peer.py's (${f} vs ${theirs.f0})`);
}

export const secondOrderSection: Section = {
  name: "second-order",
  title: "Second order",
  measures: "iterations, evaluations and time of L-BFGS (n = 100, 10 000) and BFGS (n = 100) on the extended Rosenbrock function, and evaluations on 16 Moré–Garbow–Hillstrom problems, beside SciPy",
  async run(ctx) {
    const withScipy = await scipyPeer(ctx);
    const tasks: PythonTask[] = [];
    if (withScipy) {
      for (const { method, n } of ROSENBROCK_CASES) tasks.push({ id: `rosenbrock-${method}-${n}`, kind: "rosenbrock", method: SCIPY_METHOD[method], n });
      for (const p of MGH_PROBLEMS) {
        for (const method of ["lbfgs", "bfgs"] as const) tasks.push({ id: `mgh-${p.name}-${method}`, kind: "mgh", problem: pythonName(p), x0: p.x0, method: SCIPY_METHOD[method], maxiter: 2000 });
      }
    }
    const py = await runPythonTasks(ctx, tasks);
    return [...rosenbrockRows(ctx, py, withScipy), ...mghRows(ctx, py, withScipy)];
  },
};
