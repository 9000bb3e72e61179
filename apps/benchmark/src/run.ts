import { createContext, type Section } from "./context";
import { fullBudget, quickBudget } from "./harness";
import { loadAverage, machineInfo, versions } from "./machine";
import { closePython } from "./peers/python";
import type { PeerName, Report, SectionName } from "./result";
import { autogradSection } from "./sections/autograd";
import { convergenceSection } from "./sections/convergence";
import { optimSection } from "./sections/optim";
import { secondOrderSection } from "./sections/second-order";
import { tensorSection } from "./sections/tensor";
import { trainSection } from "./sections/train";

export const SECTIONS: Record<SectionName, Section> = {
  tensor: tensorSection,
  autograd: autogradSection,
  optim: optimSection,
  train: trainSection,
  convergence: convergenceSection,
  "second-order": secondOrderSection,
};

export interface RunOptions {
  sections: readonly SectionName[];
  quick: boolean;
  peers: readonly PeerName[];
  log: (line: string) => void;
}

/** What the sections of one run gave: their results and the peers they skipped. */
export interface SectionsRun {
  results: Report["results"];
  skipped: string[];
}

/** Runs the sections one after another in this process (never two measurements at once: the machine has two cores). */
export async function runSections(options: RunOptions): Promise<SectionsRun> {
  const ctx = createContext({ quick: options.quick, budget: options.quick ? quickBudget : fullBudget, peers: new Set(options.peers), log: options.log });
  const results = [];
  try {
    for (const name of options.sections) {
      const section = SECTIONS[name];
      const t0 = performance.now();
      options.log(`${name}: ${section.measures}`);
      results.push(...(await section.run(ctx)));
      options.log(`${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    closePython();
  }
  return { results, skipped: ctx.skipped };
}

/** Runs the sections in this process and reports them with the machine and the versions. */
export async function runBenchmark(options: RunOptions): Promise<Report> {
  const machine = machineInfo();
  const started = performance.now();
  const { results, skipped } = await runSections(options);
  return assembleReport(options, machine, started, results, skipped);
}

/** The report of a run that began at `started` (performance.now()) on `machine`: the sections' results, with versions and the load after. */
export async function assembleReport(
  options: RunOptions, machine: Report["machine"], started: number, results: Report["results"], skipped: string[],
): Promise<Report> {
  machine.loadAfter = loadAverage();
  machine.seconds = Math.round((performance.now() - started) / 100) / 10;
  const withPython = options.peers.some((p) => p.startsWith("torch") || p === "scipy");
  return {
    machine,
    versions: await versions(withPython),
    mode: options.quick ? "quick" : "full",
    date: new Date().toISOString(),
    sections: [...options.sections],
    skipped,
    results,
  };
}
