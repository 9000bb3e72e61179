import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { machineInfo } from "./machine";
import type { Report, SectionName } from "./result";
import { assembleReport, type RunOptions, type SectionsRun } from "./run";

/**
 * Runs each section in a Node process of its own, one after another, and joins their results. A
 * section leaves its process changed: a kernel memory grown to gigabytes by the 10 M-parameter
 * optimizer rows (it never shrinks, and V8 then collects several times as often), a heap grown by
 * 10 M-element arrays. In one process those slowed the training step measured after them by a
 * fifth to a half; in a fresh one each section meets the state a user's program starts in.
 */
export async function runIsolated(options: RunOptions): Promise<Report> {
  const machine = machineInfo();
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), "descent-bench-"));
  const results: Report["results"] = [];
  const skipped: string[] = [];
  try {
    for (const section of options.sections) {
      const file = path.join(dir, `${section}.json`);
      await runChild(section, options, file);
      const run = JSON.parse(readFileSync(file, "utf8")) as SectionsRun;
      results.push(...run.results);
      for (const line of run.skipped) if (!skipped.includes(line)) skipped.push(line);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return assembleReport(options, machine, started, results, skipped);
}

/** The command line's entry point, which runs one section for us when given --section-report. */
const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

/** `node <this process's flags> main.ts <section> … --section-report <file>`; its log lines go to our stderr. */
function runChild(section: SectionName, options: RunOptions, file: string): Promise<void> {
  const args = [
    ...process.execArgv, MAIN, section, "--section-report", file,
    "--peers", options.peers.length === 0 ? "none" : options.peers.join(","), ...(options.quick ? ["--quick"] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
    options.log(`${section}: in process ${child.pid ?? "?"}`);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`bench: section ${section} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
