import { writeFileSync } from "node:fs";
import { HELP, UsageError, parseArgs } from "./cli-args";
import { reportMarkdown } from "./report/markdown";
import { writeReport } from "./report/write";
import { runIsolated } from "./isolated";
import { runBenchmark, runSections } from "./run";

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bench: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const run = {
    sections: options.sections,
    quick: options.quick,
    peers: options.peers,
    log: (line: string) => process.stderr.write(`[${(performance.now() / 1000).toFixed(1).padStart(6)} s] ${line}\n`),
  };
  if (options.sectionReport !== null) {
    // One section for a parent run (isolated.ts): its results as JSON, nothing on stdout.
    writeFileSync(options.sectionReport, JSON.stringify(await runSections(run)));
    return 0;
  }
  const report = options.sections.length > 1 ? await runIsolated(run) : await runBenchmark(run);
  process.stdout.write(reportMarkdown(report));
  if (options.json !== null) {
    for (const file of writeReport(options.json, report)) process.stderr.write(`wrote ${file}\n`);
  }
  return 0;
}

process.exitCode = await main();
