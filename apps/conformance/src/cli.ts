import { fileURLToPath } from "node:url";
import { runConformance } from "./runner";
import { nfevTotals } from "./nfev-totals";

const defaultCases = fileURLToPath(new URL("../cases", import.meta.url));

const usage = `usage: pnpm conformance [PATH ...]
Runs the reference cases (files or directories of *.json, format descent-conformance/1).
Default: the project's own cases in apps/conformance/cases.
Prints one line per failing case and closes with "N passed, M failed"; exits 1 when anything fails.`;

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.includes("--help") || args.includes("-h")) {
  console.log(usage);
  process.exit(0);
}
// pnpm runs the script from the app's folder; paths the user typed are relative to where they typed them.
const base = process.env.INIT_CWD ?? process.cwd();
const paths = args.length > 0 ? args.map((p) => (p.startsWith("/") ? p : `${base}/${p}`)) : [defaultCases];

const summary = await runConformance(paths);
for (const { file, reason } of summary.unreadable) console.log(`UNREADABLE ${file}: ${reason}`);
for (const o of summary.outcomes) {
  if (!o.passed) console.log(`FAIL [${o.kind}] ${o.id}: ${o.reason ?? "failed"}`);
}
for (const line of nfevTotals(summary.outcomes)) console.log(line);
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exitCode = summary.failed > 0 ? 1 : 0;
