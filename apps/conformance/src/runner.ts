import { listCaseFiles, readCaseFile } from "./case-file";
import { Mismatch } from "./compare";
import { adapters } from "./kinds/index";
import type { CaseReport } from "./kinds/kind-adapter";

export interface CaseOutcome {
  file: string;
  kind: string;
  id: string;
  passed: boolean;
  /** Why it failed: the value that differed, or the error that stopped it. */
  reason?: string;
  report?: CaseReport;
}

export interface RunSummary {
  outcomes: CaseOutcome[];
  /** Files that could not be read or understood (each also counts as a failure). */
  unreadable: { file: string; reason: string }[];
  passed: number;
  failed: number;
}

/** Runs every case of every `*.json` file under `paths`. Never skips: an unknown kind fails each of its cases. */
export async function runConformance(paths: readonly string[]): Promise<RunSummary> {
  const outcomes: CaseOutcome[] = [];
  const unreadable: RunSummary["unreadable"] = [];
  let files: string[];
  try {
    files = listCaseFiles(paths);
  } catch (error) {
    return { outcomes, unreadable: [{ file: paths.join(" "), reason: (error as Error).message }], passed: 0, failed: 1 };
  }
  for (const path of files) {
    let file;
    try {
      file = readCaseFile(path);
    } catch (error) {
      unreadable.push({ file: path, reason: (error as Error).message });
      continue;
    }
    const adapter = adapters.get(file.kind);
    const seen = new Set<string>();
    for (const testCase of file.cases) {
      const outcome: CaseOutcome = { file: path, kind: file.kind, id: testCase.id, passed: false };
      if (seen.has(testCase.id)) {
        outcome.reason = `duplicate case id in ${path}`;
      } else if (adapter === undefined) {
        outcome.reason = `unknown kind "${file.kind}"`;
      } else {
        try {
          const report = await adapter(testCase);
          outcome.passed = true;
          if (report !== undefined) outcome.report = report;
        } catch (error) {
          outcome.reason = error instanceof Mismatch ? error.message : `error: ${(error as Error).message}`;
        }
      }
      seen.add(testCase.id);
      outcomes.push(outcome);
    }
  }
  const passed = outcomes.filter((o) => o.passed).length;
  return { outcomes, unreadable, passed, failed: outcomes.length - passed + unreadable.length };
}
