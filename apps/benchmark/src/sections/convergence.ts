import type { Section } from "../context";
import { digitsDataset } from "../data/digits";
import type { PythonTask } from "../peers/python";
import { runPythonTasks, taskResult, torchPeers } from "../peers/select";
import {
  CONVERGENCE_OPTIMIZERS, makeOptimizer, makeScheduler, optimizerOptions, schedules, torchName, type ConvergenceOptimizer, type ScheduleSpec,
} from "../problems/optimizers";
import { digitsMlpProblem, quadraticProblem, rosenbrockProblem, type ConvergenceProblem } from "../problems/convergence-problems";
import type { BenchResult, PeerName } from "../result";
import { mean, standardDeviation } from "../stats";
import { snakeCase } from "./optim";

/** The schedule comparison: SGD with momentum on the digits MLP, each schedule from this base lr. */
const SCHEDULE_OPTIMIZER: ConvergenceOptimizer = "sgd-momentum";
const SCHEDULE_BASE_LR = 0.05;

interface Run {
  id: string;
  optimizer: ConvergenceOptimizer;
  lr: number;
  schedule: ScheduleSpec;
  /** Budgets reported for this run (a schedule spans the whole run, so only its end counts). */
  report: number[];
}

function runsOf(problem: ConvergenceProblem, budgets: number[]): Run[] {
  const last = budgets[budgets.length - 1];
  const runs: Run[] = CONVERGENCE_OPTIMIZERS.map((o) => ({ id: `conv-${problem.name}-${o}`, optimizer: o, lr: problem.lr[o], schedule: { kind: "constant" }, report: budgets }));
  if (problem.name === "digits-mlp") {
    for (const [name, schedule] of Object.entries(schedules(last, SCHEDULE_BASE_LR))) {
      runs.push({ id: `sched-${problem.name}-${name}`, optimizer: SCHEDULE_OPTIMIZER, lr: SCHEDULE_BASE_LR, schedule, report: [last] });
    }
  }
  return runs;
}

/** The lr (and schedule) of a row; the problem's description on its first row only. */
function noteOf(problem: ConvergenceProblem, run: Run, first: boolean): string {
  const { kind, ...settings } = run.schedule;
  const schedule = [kind, ...Object.entries(settings).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`)].join(" ");
  const what = run.id.startsWith("sched-") ? `${run.optimizer} lr ${run.lr}, ${schedule}` : `lr ${run.lr}`;
  return first ? `${problem.description}; ${what}` : what;
}

export const convergenceSection: Section = {
  name: "convergence",
  title: "Convergence",
  measures: "loss after fixed step budgets for each optimizer (an ill-conditioned quadratic, Rosenbrock, a digits MLP) and each learning-rate schedule (digits MLP, SGD with momentum), mean ± sd over seeds, beside PyTorch from the same starts",
  async run(ctx) {
    const seeds = ctx.quick ? [0, 1] : [0, 1, 2, 3, 4];
    const digits = digitsDataset(7);
    const problems = [quadraticProblem(50, 100), rosenbrockProblem(), digitsMlpProblem(digits, [digits.features, 32, 10], 64)];
    const plans = problems.map((problem) => {
      const budgets = ctx.quick ? problem.budgets.quick : problem.budgets.full;
      const starts = seeds.map((seed) => problem.start(seed, budgets[budgets.length - 1]));
      return { problem, budgets, starts, runs: runsOf(problem, budgets) };
    });

    // Convergence does not depend on threads: PyTorch runs once, on one thread.
    const torch = (await torchPeers(ctx)).filter((p) => p.peer === "torch-1t");
    const tasks: PythonTask[] = torch.length === 0 ? [] : plans.map(({ problem, budgets, starts, runs }) => ({
      id: problem.name,
      kind: "convergence",
      problem: problem.python,
      budgets,
      starts: starts.map((s) => s.python),
      runs: runs.map((r) => ({ id: r.id, optimizer: torchName(r.optimizer), options: snakeCase(optimizerOptions(r.optimizer, r.lr)), schedule: r.schedule })),
      threads: 1,
    }));
    const py = await runPythonTasks(ctx, tasks);

    const results: BenchResult[] = [];
    for (const { problem, budgets, starts, runs } of plans) {
      const firstRow = results.length;
      ctx.log(`  ${problem.name}: ${runs.length} runs × ${starts.length} seeds, up to ${budgets[budgets.length - 1]} steps`);
      const peerRuns = torch.length === 0 ? undefined : (taskResult(ctx, py, problem.name) as { runs: Record<string, number[][]> } | undefined)?.runs;
      for (const run of runs) {
        const losses = starts.map((s) => s.run((params) => makeOptimizer(run.optimizer, params, run.lr), (o) => makeScheduler(run.schedule, o), budgets));
        for (const budget of run.report) {
          const k = budgets.indexOf(budget);
          const ours = losses.map((l) => l[k]);
          const peers: Partial<Record<PeerName, number>> = {};
          const spread: Partial<Record<PeerName | "descent", number>> = { descent: standardDeviation(ours) };
          const theirs = peerRuns?.[run.id]?.map((l) => l[k]);
          if (theirs !== undefined) {
            peers["torch-1t"] = mean(theirs);
            spread["torch-1t"] = standardDeviation(theirs);
          }
          results.push({
            section: "convergence",
            name: `${run.id}-${budget}`,
            unit: "loss",
            higherIsBetter: false,
            descent: mean(ours),
            peers,
            spreadKind: "sd",
            spread,
            note: noteOf(problem, run, results.length === firstRow),
          });
        }
      }
    }
    return results;
  },
};
